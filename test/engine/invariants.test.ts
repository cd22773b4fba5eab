import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import searchCommand from '../../commands/search.js';
import { parseOptions } from '../../src/commands/options.js';
import type { Engine, Hit } from '../../src/engine.js';
import { UserError } from '../../src/errors.js';
import { engineFor, removeDir, writeArchive } from '../helpers/archive.js';

let dir: string;
let engine: Engine;
beforeAll(() => {
  dir = writeArchive();
  engine = engineFor(dir);
});
afterAll(() => removeDir(dir));

// Words of the fixture, bits of them, misspellings, stop words, punctuation and odd input.
const word = fc.oneof(
  fc.constantFrom('subpoenas', 'subpoe', 'subpenas', 'Riverton', 'Khan', 'murder', 'January', 'council', 'water', 'contract', 'harbor', 'café', 'ride-hailing', '1,000', '3.5', 'city’s', 'U.S.', 'the', 'of', 'when', 'who', 'was', '?', '"', '”', '-', 'immigraton', 'Bellmnt', 'waterfr'),
  fc.string({ maxLength: 12 }),
);
const query = fc.array(word, { minLength: 0, maxLength: 8 }).map((ws) => ws.join(' '));
const period = fc.option(fc.constantFrom('2019', '2020', '2020-03', '2020-02-30', '2021-06-02', '13/45/2020', ''), { nil: undefined });

/** What must hold of every hit, whatever was asked. */
function checkHits(hits: readonly Hit[], limit: number): void {
  expect(hits.length).toBeLessThanOrEqual(limit);
  const seen = new Set<string>();
  let previous = Infinity;
  for (const h of hits) {
    const article = engine.articles.find((a) => a.id === h.article);
    expect(article).toBeDefined();
    expect(h.title).toBe(article?.title);
    expect(h.date).toBe(article?.date);
    const paragraph = article?.paragraphs[h.paragraph - 1];
    expect(paragraph).toBeDefined();
    expect(paragraph).toContain(h.text);
    expect(Number.isFinite(h.score)).toBe(true);
    expect(h.score).toBeLessThanOrEqual(previous);
    previous = h.score;
    const key = `${h.article}:${h.paragraph}`;
    expect(seen.has(key)).toBe(false);
    seen.add(key);
    let at = 0;
    for (const [s, e] of h.highlights) {
      expect(s).toBeGreaterThanOrEqual(at);
      expect(e).toBeGreaterThan(s);
      expect(e).toBeLessThanOrEqual(h.snippet.length);
      at = e;
    }
  }
}

describe('Engine.search on any input', () => {
  it('GIVEN any query, dates and limit (checked by the /search spec, as every caller does) THEN well-formed hits or a UserError, never anything else', () => {
    fc.assert(
      fc.property(query, period, period, fc.integer({ min: -1, max: 27 }), (q, from, to, limit) => {
        try {
          const options = parseOptions('search', searchCommand.options, { query: q, limit, from, to });
          const { hits } = engine.search(options);
          checkHits(hits, limit);
          // Every period option here starts with its year: a dated search never reaches back before it.
          if (from) for (const h of hits) expect(h.date !== null && h.date >= from.slice(0, 4)).toBe(true);
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('Engine.ask on any input', () => {
  it('GIVEN any question THEN every answer is a sentence inside its hit, or it is a UserError', () => {
    fc.assert(
      fc.property(query, (q) => {
        try {
          const { hits } = engine.ask({ question: `${q}?`, limit: 5 });
          checkHits(hits, 5);
          for (const h of hits) {
            expect(h.answer.length).toBeGreaterThan(0);
            expect(h.text).toContain(h.answer);
            for (const [s, e] of h.answerHighlights) {
              expect(s).toBeGreaterThanOrEqual(0);
              expect(e).toBeLessThanOrEqual(h.answer.length);
            }
          }
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
        }
      }),
      { numRuns: 200 },
    );
  });
});
