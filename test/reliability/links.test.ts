import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/archive/parse.js';
import type { Engine } from '../../src/engine.js';
import { articlePages, searchPages } from '../../src/render/engine-discord.js';
import { boldRanges, escapeArchiveText, markdownLink } from '../../src/render/markdown.js';
import { digestPages } from '../../src/render/summary.js';
import { timelinePages } from '../../src/render/timeline-discord.js';
import { digest } from '../../src/summary/digest.js';
import { timeline } from '../../src/timeline/timeline.js';
import { engineFor, removeDir, writeArchive } from '../helpers/archive.js';

/** A `[` that is not escaped: preceded by an even number of backslashes (none included). */
const LIVE_BRACKET = /(?<!\\)(?:\\\\)*\[/;
/** Any masked link Discord would render: `[text](http…)` with an unescaped `[`. */
const LIVE_MASKED_LINK = /(?<!\\)(?:\\\\)*\[[^\]]*\]\(\s*<?https?:/;

describe('masked links in archive text (issue 13, item 8)', () => {
  it('GIVEN two masked links on one line THEN both are escaped', () => {
    const out = escapeArchiveText('[x](http://evil.example) and [https://good.example](http://evil.example/steal)');
    expect(out).not.toMatch(LIVE_MASKED_LINK);
    expect(out).not.toMatch(LIVE_BRACKET);
  });

  it('GIVEN markdown that only counts at a line start THEN it is escaped there, and inline markdown everywhere', () => {
    const out = escapeArchiveText('# Head\n> quote\n- item\n+ item\n-# small\n12. twelve\n  * star\nmid # and > and 1. stay');
    expect(out).toBe('\\# Head\n\\> quote\n\\- item\n\\+ item\n\\-# small\n12\\. twelve\n  \\* star\nmid # and > and 1. stay');
    expect(escapeArchiveText('a_b *c* ~~d~~ ||e|| `f` \\')).toBe('a\\_b \\*c\\* \\~\\~d\\~\\~ \\|\\|e\\|\\| \\`f\\` \\\\');
  });

  it('GIVEN any text made of link pieces THEN no bracket stays live, in escapeArchiveText or boldRanges', () => {
    const piece = fc.constantFrom('[', ']', '(', ')', '](', 'http://evil.example', 'x', ' ', '\\', '**', '\n', 'good');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((xs) => xs.join('')), fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const ranges: Array<[number, number]> = [];
        for (let i = 0; i + 1 < points.length; i += 2) if ((points[i + 1] ?? 0) > (points[i] ?? 0)) ranges.push([points[i] ?? 0, points[i + 1] ?? 0]);
        for (const out of [escapeArchiveText(text), boldRanges(text, ranges)]) {
          expect(out).not.toMatch(LIVE_BRACKET);
          expect(out).not.toMatch(LIVE_MASKED_LINK);
        }
      }),
      { numRuns: 500 },
    );
  });
});

const INJECTED = 'http://a.example/) @everyone **INJECTED** [Login here](http://evil.example/phish';

describe('front-matter urls (issue 13, item 9)', () => {
  const urlOf = (value: string): string | undefined =>
    parseArticle('x', `---\ndate: 2020-01-01\nurl: ${JSON.stringify(value)}\n---\nSome text here.`).article.url;

  it('GIVEN a url that is not http(s) THEN the article has none, and a warning says why', () => {
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'ftp://x.example/a', 'see website', 'http://', '//evil.example/x', 'https://user:pw@evil.example/']) {
      const parsed = parseArticle('x', `---\ndate: 2020-01-01\nurl: ${JSON.stringify(bad)}\n---\nSome text here.`);
      expect(parsed.article.url, bad).toBeUndefined();
      expect(parsed.warnings.join(' '), bad).toMatch(/url/);
    }
  });

  it('GIVEN an http(s) url THEN it is kept in its parsed (WHATWG) form', () => {
    expect(urlOf('https://example.org/news/a b')).toBe('https://example.org/news/a%20b');
    expect(urlOf('https://example.org/a_(b)?q=*x*')).toBe('https://example.org/a%5F%28b%29?q=%2Ax%2A');
    expect(urlOf('HTTP://Example.ORG')).toBe('http://example.org/');
  });

  it('GIVEN any url THEN markdownLink makes exactly one link whose target cannot close early', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.constant(INJECTED)), fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('](', '\\]', ']]', '[x](y)')), (raw, title) => {
        const link = markdownLink(escapeArchiveText(title), raw);
        if (link === undefined) return;
        const target = /\]\(([^()]*)\)$/.exec(link)?.[1] ?? '';
        // The label cannot close early either: every `]` in it is escaped.
        expect(link.slice(1, link.length - target.length - 3)).not.toMatch(/(?<!\\)(?:\\\\)*\]/);
        expect(target).not.toMatch(/[\s()<>[\]*_|~`@\\"']/);
        expect(() => new URL(target)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
    expect(markdownLink('t', 'javascript:alert(1)')).toBeUndefined();
  });

  describe('in every renderer', () => {
    let dir: string;
    let engine: Engine;
    beforeAll(() => {
      dir = writeArchive({
        'inject.txt': `---\ndate: 2020-03-01\ntitle: Harbor dredging starts\nurl: ${JSON.stringify(INJECTED)}\n---\nHarbor dredging began on Monday.\n\nThe harbor will be closed for a week.`,
        'script.txt': '---\ndate: 2020-03-01\ntitle: Harbor dredging ends\nurl: javascript:alert(1)\n---\nHarbor dredging ended on Friday.',
      });
      engine = engineFor(dir);
    });
    afterAll(() => removeDir(dir));

    const pagesText = (pages: Array<{ files?: unknown }>): string => JSON.stringify(pages.map(({ files: _files, ...page }) => page));

    it('THEN no renderer shows a live injected link, a mention or a javascript: link', () => {
      const rendered = [
        pagesText(timelinePages(timeline(engine, { query: 'harbor dredging' }))),
        pagesText(digestPages(digest(engine.articles, { date: '2020-03-01' }))),
        pagesText(searchPages(engine.search({ query: 'harbor dredging', limit: 5 }))),
        pagesText(articlePages(engine.article('inject'))),
        pagesText(articlePages(engine.article('script'))),
      ];
      for (const out of rendered) {
        expect(out).not.toMatch(/javascript:/i);
        expect(out).not.toContain('@everyone');
        expect(out).not.toMatch(/(?<!\\)\*\*INJECTED/);
        expect(out).not.toMatch(/\[Login here\]\(http/);
      }
      // The article keeps its (encoded) link where one is shown.
      expect(rendered[1]).toContain('](http://a.example/%29%20%40everyone%20%2A%2AINJECTED%2A%2A%20%5BLogin%20here%5D%28http://evil.example/phish)');
    });
  });
});
