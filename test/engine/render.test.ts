import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { articlePages, askPages, searchPages, statsPages } from '../../src/render/engine-discord.js';
import { articleText, askText, searchText, statsText } from '../../src/render/engine-text.js';
import { boldRanges, clip, escapeArchiveText } from '../../src/render/markdown.js';
import { matchRanges } from '../../src/search/snippet.js';
import { terms } from '../../src/text/tokenize.js';
import { engineFor, removeDir, writeArchive } from '../helpers/archive.js';

let dir: string;
let engine: Engine;
beforeAll(() => {
  dir = writeArchive({
    // Archive text that looks like markdown and mentions must stay inert in Discord.
    'prank.txt': 'date 2020-04-01\n\n**Bold** claims @everyone should see\n\nA reader wrote <@123456> and ||spoiler|| and [click](https://evil.example) about the parade.',
    'parade.txt': `date 2020-04-02 The spring parade ${'wound through downtown past the library and the harbor, '.repeat(40)}and ended at City Hall.`,
  });
  engine = engineFor(dir);
});
afterAll(() => removeDir(dir));

const LIMITS = { title: 256, description: 4096, footer: 2048, embeds: 10, content: 2000 };

function expectWithinDiscordLimits(pages: ReturnType<typeof searchPages>): void {
  expect(pages.length).toBeGreaterThan(0);
  for (const p of pages) {
    expect(p.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
    expect((p.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
    for (const e of p.embeds) {
      expect((e.title ?? '').length).toBeLessThanOrEqual(LIMITS.title);
      expect((e.description ?? '').length).toBeLessThanOrEqual(LIMITS.description);
      expect((e.footer?.text ?? '').length).toBeLessThanOrEqual(LIMITS.footer);
    }
  }
}

describe('clip', () => {
  it('GIVEN any text and limit THEN the result fits and is a prefix of the text, marked when cut', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (text, max) => {
        const c = clip(text, max);
        expect(c.length).toBeLessThanOrEqual(max);
        if (text.length <= max) expect(c).toBe(text);
        else {
          expect(c.endsWith('…')).toBe(true);
          expect(text.startsWith(c.slice(0, -1))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('escapeArchiveText', () => {
  it('GIVEN markdown and mentions THEN none stay live', () => {
    const out = escapeArchiveText('**Bold** @everyone <@123> <#9> ||x|| [a](https://x.y)');
    expect(out).not.toMatch(/(?<!\\)\*\*/);
    expect(out).not.toContain('@everyone');
    expect(out).not.toContain('<@');
    expect(out).not.toContain('<#');
    expect(out).not.toMatch(/(?<!\\)\|\|/);
  });

  it('GIVEN any text THEN @ and < never start a live mention', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('@', 'everyone', 'here', '<', '@!', '#', '123', ' ', '&', ':'), { maxLength: 20 }).map((xs) => xs.join('')), (text) => {
        const out = escapeArchiveText(text);
        expect(out).not.toMatch(/@(everyone|here)/);
        expect(out).not.toMatch(/<[@#]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('boldRanges', () => {
  it('GIVEN plain words and the ranges of some of them THEN exactly those are bold', () => {
    const word = fc.constantFrom('council', 'water', 'contract', 'harbor', 'ferry', 'Khan', 'murder', 'January');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.nat(), (words, pick) => {
        const text = words.join(' ');
        const chosen = terms(words[pick % words.length] ?? '');
        const ranges = matchRanges(text, new Set(chosen));
        const out = boldRanges(text, ranges);
        expect(out.replace(/\*\*/g, '')).toBe(text);
        expect(out.match(/\*\*[^*]+\*\*/g)).toEqual(ranges.map(([s, e]) => `**${text.slice(s, e)}**`));
      }),
      { numRuns: 200 },
    );
  });
});

describe('searchPages / askPages', () => {
  it('GIVEN hits THEN every page fits Discord limits and every embed cites article ¶paragraph and date', () => {
    const { hits } = engine.search({ query: 'parade library harbor downtown', limit: 25 });
    const pages = searchPages({ hits });
    expectWithinDiscordLimits(pages);
    const embeds = pages.flatMap((p) => p.embeds);
    expect(embeds).toHaveLength(hits.length);
    embeds.forEach((e, i) => expect(e.footer?.text).toBe(`${hits[i]?.date ?? 'undated'} · ${hits[i]?.article} ¶${hits[i]?.paragraph}`));
    if (pages.length > 1) expect(pages[0]?.content).toBe(`Page 1 of ${pages.length}`);
    expectWithinDiscordLimits(askPages(engine.ask({ question: 'Where did the parade end?', limit: 25 })));
  });

  it('GIVEN archive text with markdown and mentions THEN the embed shows it inert', () => {
    const { hits } = engine.search({ query: 'reader wrote spoiler parade' });
    const [page] = searchPages({ hits: hits.filter((h) => h.article === 'prank').slice(0, 1) });
    expect(page?.embeds).toHaveLength(1);
    const e = page?.embeds[0];
    expect(e?.title).not.toMatch(/(?<!\\)\*\*Bold/);
    expect(e?.title).not.toContain('@everyone');
    expect(e?.description).not.toContain('<@123456>');
  });

  it('GIVEN no hits THEN one page says so', () => {
    expect(searchPages({ hits: [] })).toEqual([{ content: 'No passages match.', embeds: [] }]);
    expect(askPages({ hits: [] })).toEqual([{ content: 'Nothing in the archive answers that.', embeds: [] }]);
  });
});

describe('articlePages / statsPages', () => {
  it('GIVEN a long article THEN its pages fit Discord limits and keep paragraph numbers', () => {
    const pages = articlePages(engine.article('parade'));
    expectWithinDiscordLimits(pages);
    expect(pages[0]?.embeds[0]?.description).toMatch(/^\*\*\[1\]\*\* The spring parade/);
    expectWithinDiscordLimits(statsPages(engine.stats()));
  });
});

describe('text renderers', () => {
  it('GIVEN results THEN the terminal text names each citation and date', () => {
    const { hits } = engine.search({ query: 'parade', limit: 2 });
    const text = searchText({ hits });
    for (const h of hits) expect(text).toContain(`${h.date ?? 'undated'} [${h.article} ¶${h.paragraph}]`);
    expect(searchText({ hits })).not.toContain('\u001b[');
    expect(askText(engine.ask({ question: 'Where did the parade end?', limit: 1 }))).toMatch(/Answer: /);
    expect(articleText(engine.article('prank'))).toMatch(/^\*\*Bold\*\* claims @everyone should see\n2020-04-01 · prank · \d+ words\n\n\[1\] /);
    expect(statsText(engine.stats())).toMatch(/^articles {2}2\npassages {2}\d+\ndates {5}2020-04-01 to 2020-04-02 \(0 undated\)\nwarnings {2}0\b/);
  });
});
