import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autocompleteChoices } from '../src/commands/autocomplete.js';
import type { ReplyPage } from '../src/commands/command.js';
import type { OptionSpec } from '../src/commands/options.js';
import { LIMITS, embedUrl, fitChoices, fitPage } from '../src/discord/respond.js';
import type { AskHit, ArticleView, Hit, Stats } from '../src/engine.js';
import { isUserError } from '../src/errors.js';
import { openEngine } from '../src/open.js';
import { articlePages, askPages, searchPages, statsPages } from '../src/render/engine-discord.js';
import { articleText, askText, searchText, statsText } from '../src/render/engine-text.js';
import { boldRanges, escapeArchiveText } from '../src/render/markdown.js';
import { GENERIC_ERROR } from '../src/discord/respond.js';
import { bodyOf } from './fake-discord/server.js';
import { startHarness, writeArchive, type Harness } from './helpers.js';
import { expectWithinDiscordLimits } from './limits.js';

/**
 * Hostile input, as property tests over the real code: archive text full of markdown, mentions
 * and odd Unicode through every renderer and respond's limits; queries and custom ids no client
 * would send, through the real bot.
 */

/** Pieces that mean something to Discord's markdown or mention parser, or to a regex engine. */
const NASTY = [
  '@everyone', '@here', '<@123456789012345678>', '<@!123456789012345678>', '<@&123456789012345678>', '<#123456789012345678>',
  '</search:123456789012345678>', '<t:0:R>', '<:emoji:123456789012345678>', '**', '__', '*', '_', '~~', '||', '`', '```', '> ', '>>> ',
  '# ', '-# ', '- ', '1. ', '[masked](https://evil.example/x)', '\\', '\u200b', '\u202e', '\u0000', '\r\n', '\n\n', '😀', '👩‍👩‍👧', '🇫🇷',
  'é', 'é', '.*', '(a+)+$', '[^\\]]', '${x}', '%s', "'; DROP TABLE", 'ｓｕｂｐｏｅｎａ',
];
const piece = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 12 }));
const hostile = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''));
/** Now and then up to ~6,000 characters: longer than any single Discord limit. */
const hostileLong = fc.oneof(
  { weight: 4, arbitrary: hostile },
  { weight: 1, arbitrary: fc.tuple(hostile, fc.integer({ min: 1, max: 100 })).map(([s, n]) => s.repeat(n).slice(0, 6000)) },
);

/** `i`, moved back off the middle of a surrogate pair: the engine's ranges cover whole words. */
const atCodePoint = (text: string, i: number): number => (i > 0 && /[\uDC00-\uDFFF]/.test(text[i] ?? '') && /[\uD800-\uDBFF]/.test(text[i - 1] ?? '') ? i - 1 : i);

/** Ranges inside `text`, sorted and disjoint, as the engine's highlights are. */
const withRanges = hostileLong.chain((text) =>
  fc.uniqueArray(fc.nat({ max: text.length }), { maxLength: 8 }).map((cuts): { text: string; ranges: Array<[number, number]> } => {
    const sorted = [...new Set(cuts.map((c) => atCodePoint(text, c)))].sort((a, b) => a - b);
    const ranges: Array<[number, number]> = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      const s = sorted[i];
      const e = sorted[i + 1];
      if (s !== undefined && e !== undefined && e > s) ranges.push([s, e]);
    }
    return { text, ranges };
  }),
);
const date = fc.option(fc.constantFrom('1987-02-26', '2020-01-19', '0000-01-01'), { nil: null });
const url = fc.option(fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'see website', 'ftp://x.example/a', `https://x.example/${'a'.repeat(3000)}`)), {
  nil: undefined,
});

const hit = fc.record({ article: hostile, title: hostileLong, date, paragraph: fc.nat(), snip: withRanges, score: fc.double(), url }).map((r): Hit => {
  const h: Hit = { article: r.article, title: r.title, date: r.date, paragraph: r.paragraph, text: r.snip.text, score: r.score, snippet: r.snip.text, highlights: r.snip.ranges };
  if (r.url !== undefined) h.url = r.url;
  return h;
});
// The answer span is one of the ranges (or none): hostile text inside it must stay inert too.
const askHit = fc.tuple(hit, withRanges, fc.boolean()).map(([h, a, withSpan]): AskHit => {
  const first = withSpan ? a.ranges[0] : undefined;
  const answerSpan = first ? { text: a.text.slice(first[0], first[1]), start: first[0], end: first[1] } : null;
  return { ...h, answer: a.text, answerHighlights: a.ranges, answerSpan };
});
const article = fc
  .record({ article: hostile, title: hostileLong, date, url, words: fc.nat(), paragraphs: fc.array(hostileLong, { maxLength: 12 }) })
  .map((r): ArticleView => {
    const a: ArticleView = { article: r.article, title: r.title, date: r.date, words: r.words, paragraphs: r.paragraphs.map((text, i) => ({ n: i + 1, text })) };
    if (r.url !== undefined) a.url = r.url;
    return a;
  });
const stats = fc
  .record({ n: fc.nat(), warnings: fc.array(fc.record({ file: hostileLong, message: hostileLong }), { maxLength: 30 }) })
  .map((r): Stats => ({ articles: r.n, passages: r.n, dated: r.n, undated: 0, firstDate: null, lastDate: '2020-01-01', warnings: r.warnings }));

/** Mention syntax Discord would turn into a ping or a link if it were left intact. */
const LIVE_MENTION = /@(everyone|here)|<@[!&]?\d+>|<#\d+>|<\/[^<>]{1,100}:\d+>/;
/** Half of a surrogate pair: invalid text that Discord rejects. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What respond.ts would send for each page: within every limit, no live mention, valid text, valid links. */
function expectSafePages(pages: ReplyPage[]): void {
  expect(pages.length).toBeGreaterThan(0);
  for (const page of pages) {
    const out = fitPage(page);
    expectWithinDiscordLimits({ ...out, allowed_mentions: { parse: [] } });
    // Footers are plain text to Discord (no markdown, no mentions); everything else is parsed.
    const parsed = [out.content ?? '', ...out.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])];
    for (const text of parsed) expect(text).not.toMatch(LIVE_MENTION);
    for (const text of [...parsed, ...out.embeds.map((e) => e.footer?.text ?? '')]) expect(text).not.toMatch(LONE_SURROGATE);
    for (const e of out.embeds) if (e.url !== undefined) expect(embedUrl(e.url)).toBe(e.url);
  }
}

const RUNS = { numRuns: 60 };

describe('Discord renderers on arbitrary text', () => {
  it('GIVEN any search hits THEN searchPages fits every limit with no live mention', () => {
    fc.assert(fc.property(fc.array(hit, { maxLength: 25 }), (hits) => expectSafePages(searchPages({ hits }))), RUNS);
  });

  it('GIVEN any ask hits THEN askPages fits every limit with no live mention', () => {
    fc.assert(fc.property(fc.array(askHit, { maxLength: 25 }), fc.boolean(), (hits, confident) => expectSafePages(askPages({ hits, confident }))), RUNS);
  }, 60_000);

  it('GIVEN any article THEN every page of articlePages fits every limit with no live mention', () => {
    fc.assert(fc.property(article, (a) => expectSafePages(articlePages(a))), RUNS);
  });

  it('GIVEN any warnings THEN statsPages fits every limit with no live mention', () => {
    fc.assert(fc.property(stats, (s) => expectSafePages(statsPages(s))), RUNS);
  });

  it('GIVEN any text and ranges THEN escapeArchiveText and boldRanges leave no live mention and keep every letter', () => {
    fc.assert(
      fc.property(withRanges, ({ text, ranges }) => {
        for (const out of [escapeArchiveText(text), boldRanges(text, ranges)]) {
          expect(out).not.toMatch(LIVE_MENTION);
          // Escaping only adds backslashes, zero-width spaces and bold marks: the words are all still there.
          expect(out.replace(/[\\\u200b*]/g, '')).toContain(text.replace(/[\\\u200b*]/g, '').slice(0, 50));
        }
      }),
      RUNS,
    );
  });

  it('GIVEN URLs that Discord would reject THEN the link is left out and the reply still goes', () => {
    for (const bad of ['javascript:alert(1)', 'see website', 'ftp://x.example/a', `https://x.example/${'a'.repeat(3000)}`, 'http://']) {
      const out = fitPage({ embeds: [{ title: 't', url: bad }] });
      expect(out.embeds[0]?.url).toBeUndefined();
    }
    expect(fitPage({ embeds: [{ title: 't', url: 'https://example.org/pelican' }] }).embeds[0]?.url).toBe('https://example.org/pelican');
  });

  it('GIVEN any choices THEN fitChoices keeps at most 25 with names and values of 1-100 characters', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: hostileLong, value: hostile }), { maxLength: 60 }), (choices) => {
        const out = fitChoices(choices);
        expect(out.length).toBeLessThanOrEqual(LIMITS.choices);
        for (const c of out) {
          expect(c.name.length).toBeGreaterThanOrEqual(1);
          expect(c.name.length).toBeLessThanOrEqual(LIMITS.choiceChars);
          expect(c.value.length).toBeGreaterThanOrEqual(1);
          expect(c.value.length).toBeLessThanOrEqual(LIMITS.choiceChars);
          expect(c.name).not.toMatch(LONE_SURROGATE);
        }
      }),
      RUNS,
    );
  });
});

describe('terminal renderers on arbitrary text', () => {
  it('GIVEN any results THEN the text renderers return text without throwing', () => {
    fc.assert(
      fc.property(fc.array(hit, { maxLength: 5 }), fc.array(askHit, { maxLength: 5 }), article, stats, (hits, asks, a, s) => {
        expect(typeof searchText({ hits })).toBe('string');
        expect(typeof askText({ hits: asks })).toBe('string');
        expect(typeof articleText(a)).toBe('string');
        expect(typeof statsText(s)).toBe('string');
      }),
      { numRuns: 60 },
    );
  });
});

/** Queries no Discord client would let through, and some it would. */
const NAMED_QUERIES: Array<[string, string]> = [
  ['empty', ''],
  ['white space', ' \t\n '],
  ['5,000 characters', 'harbor '.repeat(715).slice(0, 5000)],
  ['only punctuation', '!?.,;:()[]{}"\'-–—…!!!???'],
  ['40 one-letter terms', Array.from({ length: 40 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(' ')],
  ['emoji', '🚢⚓️🌊 👩‍👩‍👧 🇫🇷'],
  ['regex-looking', '.*(a+)+$ [^\\]] \\d{1,3}? (?<=x) harbor|ferry'],
  ['mentions and markdown', '@everyone <@123> **harbor** ||ferry||'],
  ['control characters', '\u0000\u0007\u001b[31mharbor\u202e'],
  ['300 characters exactly', 'h'.repeat(300)],
];

describe('hostile queries on the engine', () => {
  const dir = writeArchive();
  const { engine } = openEngine({ archiveDir: dir });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const answersOrUserError = (f: () => unknown): void => {
    try {
      f();
    } catch (e) {
      expect(isUserError(e), String(e)).toBe(true);
    }
  };

  it.each(NAMED_QUERIES)('GIVEN a query that is %s THEN search and ask answer or give a UserError', (_, q) => {
    answersOrUserError(() => engine.search({ query: q, limit: 25 }));
    answersOrUserError(() => engine.ask({ question: q, limit: 25 }));
  });

  it('GIVEN any query THEN search and ask answer or give a UserError, never another error', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 320 })), (q) => {
        answersOrUserError(() => engine.search({ query: q }));
        answersOrUserError(() => engine.ask({ question: q }));
      }),
      { numRuns: 300 },
    );
  });

  it('GIVEN any autocomplete input THEN choices fit Discord and nothing throws', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 120 })), (input) => {
        expect(fitChoices(autocompleteChoices({ engine }, 'article', input)).length).toBeLessThanOrEqual(25);
      }),
      { numRuns: 300 },
    );
  });
});

describe('hostile input through the real bot', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** One round trip: a reply (an answer or a private message, never the generic bug message) within limits. */
  async function roundTrip(command: string, options: Record<string, string | number | boolean>): Promise<Record<string, unknown>> {
    const sent = h.fake.dispatchInteraction({ type: 'command', command, options });
    const cb = await h.fake.waitForCallback(sent.id, 10_000);
    const type = bodyOf(cb).type;
    expect([4, 5]).toContain(type);
    const d = bodyOf(cb).data;
    const reply = type === 5 ? bodyOf(await h.fake.waitForWebhook(sent.token, 'PATCH')) : d !== null && typeof d === 'object' ? { ...d } : {};
    expect(reply.content, `/${command} ${JSON.stringify(options).slice(0, 80)}`).not.toBe(GENERIC_ERROR);
    expectWithinDiscordLimits(reply);
    return reply;
  }

  it.each(NAMED_QUERIES)('GIVEN /search and /ask with a query that is %s THEN an answer or a clear private message', async (_, q) => {
    for (const [command, option] of [['search', 'query'], ['ask', 'question']] as const) {
      const reply = await roundTrip(command, { [option]: q });
      if (reply.flags === 64) expect(String(reply.content)).toMatch(/empty|required|too long|common words|no words/);
    }
  });

  it('GIVEN arbitrary text in every string option of every command THEN each answers or explains, never the generic error', async () => {
    const { loadCommands } = await import('../src/commands/registry.js');
    const registry = await loadCommands();
    const value = (o: OptionSpec, s: string): string | number | boolean => (o.type === 'integer' ? (o.min ?? 1) : o.type === 'boolean' ? false : s);
    await fc.assert(
      fc.asyncProperty(hostile, async (s) => {
        for (const c of registry.values()) {
          const options = Object.fromEntries(Object.entries(c.options).map(([name, o]) => [name, value(o, s)]));
          await roundTrip(c.name, options);
        }
      }),
      { numRuns: 8 },
    );
  });

  it('GIVEN arbitrary autocomplete input THEN choices within limits', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (s) => {
        const sent = h.fake.dispatchInteraction({ type: 'autocomplete', command: 'article', options: { id: s }, focused: 'id' });
        const cb = await h.fake.waitForCallback(sent.id, 10_000);
        expect(bodyOf(cb).type).toBe(8);
        const d = bodyOf(cb).data;
        const choices = d !== null && typeof d === 'object' && 'choices' in d && Array.isArray(d.choices) ? d.choices : [];
        expect(choices.length).toBeLessThanOrEqual(25);
      }),
      { numRuns: 15 },
    );
  });

  it('GIVEN forged button custom ids THEN each gets a polite private message, never the generic error', async () => {
    const forged = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 100 }),
      fc.constantFrom('page:AAAAAAAAAAAA:0', 'page:../../etc/pw:1', 'page::', 'page:AAAAAAAAAAAA:99999', 'x'.repeat(100)),
    );
    await fc.assert(
      fc.asyncProperty(forged, async (customId) => {
        const sent = h.fake.dispatchInteraction({ type: 'button', customId });
        const cb = await h.fake.waitForCallback(sent.id, 10_000);
        const d = bodyOf(cb).data;
        const data: Record<string, unknown> = d !== null && typeof d === 'object' ? { ...d } : {};
        expect(bodyOf(cb).type).toBe(4);
        expect(data.flags).toBe(64);
        expect(String(data.content)).toMatch(/not one this bot knows|expired|Run the command again/);
        expect(data.allowed_mentions).toEqual({ parse: [] });
      }),
      { numRuns: 15 },
    );
  });
});
