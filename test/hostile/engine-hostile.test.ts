import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load.js';
import type { Engine } from '../../src/engine.js';
import { isUserError } from '../../src/errors.js';
import { buildEngine } from '../../src/open.js';
import { parseDateRange } from '../../src/search/date-range.js';
import { FIXTURE, removeDir, writeArchive } from '../helpers/archive.js';

/** Runs f; a UserError is an answer too. Anything else thrown fails the test. */
function answerOrUserError(f: () => unknown): 'answer' | 'user-error' {
  try {
    f();
    return 'answer';
  } catch (e) {
    if (isUserError(e)) return 'user-error';
    throw e;
  }
}

let dir: string;
let engine: Engine;
beforeAll(() => {
  dir = writeArchive(FIXTURE);
  engine = buildEngine(loadArchive(dir));
});
afterAll(() => removeDir(dir));

const HOSTILE_QUERIES = [
  '',
  ' \t\n ',
  'x'.repeat(5000),
  '!!! ??? ... ,,, ;;; --- ((( )))',
  Array.from({ length: 40 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(' '),
  '🚢🔥💥 🇺🇸 👩‍👩‍👧',
  '.*+?^${}()|[]\\ (a+)+$ [^\\w\\s] \\d{1,3}',
  '\u202Eevil\u202C \u200Bzero\u200Bwidth\uFEFF',
  '\uD800 lone \uDC00 surrogates',
  'subpoenas\u0000nul',
  '@everyone <@123> **bold** ||spoiler|| [x](https://example.com)',
];

describe('hostile queries', () => {
  it('GIVEN empty, huge, punctuation-only, one-letter, emoji, regex-like or broken-Unicode queries THEN search and ask answer or say why, never crash', () => {
    for (const q of HOSTILE_QUERIES) {
      expect(['answer', 'user-error']).toContain(answerOrUserError(() => engine.search({ query: q })));
      expect(['answer', 'user-error']).toContain(answerOrUserError(() => engine.ask({ question: q })));
    }
    // The ones that must be refused, with what is wrong.
    expect(() => engine.search({ query: '' })).toThrow(/empty/);
    expect(() => engine.search({ query: 'x'.repeat(5000) })).toThrow(/too long/);
    expect(() => engine.search({ query: '!!! ??? ...' })).toThrow(/no words/);
  });

  it('GIVEN any string from the whole Unicode range THEN search answers or says why', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (q) => {
        expect(['answer', 'user-error']).toContain(answerOrUserError(() => engine.search({ query: q, limit: 3 })));
      }),
      { numRuns: 300 },
    );
  });
});

describe('hostile dates', () => {
  it.each([
    ['2020-02-30', /bad from date "2020-02-30"/],
    ['13/45/2020', /bad from date "13\/45\/2020"/],
    ['2020-13', /bad from date/],
    ['yesterday', /bad from date/],
  ])('GIVEN from=%s THEN a clear message names the value', (from, message) => {
    expect(() => engine.search({ query: 'subpoenas', from })).toThrow(message);
  });

  it('GIVEN a far-future range THEN it is valid and simply matches nothing', () => {
    expect(engine.search({ query: 'subpoenas', from: '9999-01-01', to: '9999-12-31' }).hits).toEqual([]);
  });

  it('GIVEN from after to THEN the message says so', () => {
    expect(() => engine.search({ query: 'subpoenas', from: '2021', to: '2020-06' })).toThrow(/"from" \(2021\) is after "to" \(2020-06\)/);
  });

  it('GIVEN any pair of strings as dates THEN the range parser returns a range or a UserError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (from, to) => {
        expect(['answer', 'user-error']).toContain(answerOrUserError(() => parseDateRange(from, to)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('hostile archive files', () => {
  it('GIVEN arbitrary bytes, BOMs, NULs, RTL marks, zero-width characters and lone surrogates THEN the loader keeps or skips each file with a warning, never throws', () => {
    const folder = mkdtempSync(join(tmpdir(), 'hostile-archive-'));
    try {
      fc.assert(
        fc.property(
          fc.array(
            fc.oneof(
              fc.uint8Array({ maxLength: 300 }),
              fc.string({ unit: 'binary', maxLength: 300 }).map((s) => Buffer.from(s, 'utf8')),
              fc
                .array(fc.constantFrom('\uFEFF', '\u0000', '\u202E', '\u200B', '\uD800', 'date 2020-01-01 ', '\n\n', '“', '”', 'word ', '---\n'), { maxLength: 40 })
                .map((parts) => Buffer.from(parts.join(''), 'utf8')),
            ),
            { minLength: 1, maxLength: 8 },
          ),
          (files) => {
            files.forEach((bytes, i) => writeFileSync(join(folder, `f${i}.txt`), bytes));
            const archive = loadArchive(folder);
            // Every file is accounted for: an article, or a warning naming it (or both).
            for (let i = 0; i < files.length; i++) {
              const id = `f${i}`;
              const kept = archive.articles.some((a) => a.id === id);
              const warned = archive.warnings.some((w) => w.file === `${id}.txt`);
              expect(kept || warned).toBe(true);
            }
            for (const a of archive.articles) expect(a.paragraphs.every((p) => p.trim().length > 0)).toBe(true);
            // And the index takes whatever was kept.
            expect(() => buildEngine(archive)).not.toThrow();
          },
        ),
        { numRuns: 60 },
      );
    } finally {
      removeDir(folder);
    }
  });

  it('GIVEN a 10 MB article THEN it is skipped with a warning by default, and with a higher MAX_ARTICLE_BYTES it loads, is indexed in windows and is searchable', () => {
    const folder = mkdtempSync(join(tmpdir(), 'hostile-big-'));
    try {
      const sentence = 'The harbor commission met again to discuss dredging the channel. ';
      const paragraph = sentence.repeat(1200);
      const body = Array.from({ length: Math.ceil(10_000_000 / (paragraph.length + 2)) }, () => paragraph).join('\n\n');
      writeFileSync(join(folder, 'big.txt'), `date 2020-01-01\n\n${body} zanzibar`);
      const skipped = loadArchive(folder);
      expect(skipped.articles).toEqual([]);
      expect(skipped.warnings).toEqual([{ file: 'big.txt', message: expect.stringMatching(/too large .*MAX_ARTICLE_BYTES/) }]);
      const archive = loadArchive(folder, undefined, { maxArticleBytes: 20_000_000 });
      expect(archive.articles[0]?.paragraphs.length).toBeGreaterThan(100);
      const big = buildEngine(archive);
      const hit = big.search({ query: 'zanzibar' }).hits[0];
      expect(hit?.paragraph).toBe(archive.articles[0]?.paragraphs.length);
      expect(hit?.snippet.length).toBeLessThan(400);
    } finally {
      removeDir(folder);
    }
  });
});
