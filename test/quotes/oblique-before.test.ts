// obliqueBefore (attribute.ts) reads OBLIQUE_BEFORE by hand while what it reads is ASCII: on every
// listed word and on crafted and random text (ASCII and not) it must answer as the expression does.
import { describe, expect, it } from 'vitest';
import { OBLIQUE_BEFORE, obliqueBefore } from '../../src/quotes/attribute.js';
import { expectSameAsExpression } from './same-as-expression.js';

/** The words of the expression's alternation, read from its source (not from the reader's own list). */
const LISTED = /\(\?:\^\|\[\^\\p\{L\}\]\)\(\?:([a-z|]+)\)/u.exec(OBLIQUE_BEFORE.source)?.[1]?.split('|') ?? [];

describe('obliqueBefore', () => {
  it('answers as OBLIQUE_BEFORE for every listed word, in three cases, after nothing, a letter, a hyphen or a digit, before 0-4 name-like words', () => {
    expect(LISTED.length).toBe(44);
    const skipped = ['', 'A ', 'Mayor John ', "J. O'Neil Al-Said ", 'Toronto Mayor John Tory '];
    for (const w of LISTED) {
      for (const form of [w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1)]) {
        for (const before of ['', 'x', '-', '9', 'é', '“']) {
          for (const after of skipped) {
            const s = `said ${before}${form} ${after}`;
            expect(obliqueBefore(s), JSON.stringify(s)).toBe(OBLIQUE_BEFORE.test(s));
          }
        }
      }
    }
  });

  it('answers as OBLIQUE_BEFORE on crafted text, with characters outside ASCII before, inside and after what it reads', () => {
    const cases = ['Unlike ', 'Unlike Al Mnajer ', 'he wanted to tell Toronto Mayor John Tory ', 'tell A B C D ', 'to A B C ', '(to ', 'x-to ', 'oto ', 'for ', 'xfor ', '9to ', 'to 9 ', 'to J. ', "to O'Neil ", 'to Al-Said ', 'to .A ', 'to', 'to  ', 'said ', '', ' ', 'into U.S. Senator ', 'aſ ', '(aſ ', 'to Bjørn ', 'to\u00a0', '“Fine,” he said to ', 'é to Mayor ', 'to O’Neil ', 'Kelvin to ', 'to Ab\u2003'];
    for (const s of cases) expect(obliqueBefore(s), JSON.stringify(s)).toBe(OBLIQUE_BEFORE.test(s));
  });

  it('answers as OBLIQUE_BEFORE on random text (listed words and words ending like them, name-like words, marks, blanks of every kind, ſ, K, ’)', () => {
    expectSameAsExpression(obliqueBefore, OBLIQUE_BEFORE, {
      pieces: ['to', 'TO', 'into', 'for', 'or', 'Unlike', 'like', 'told', 'asked', 'Thanked', 'as', 'and', 'criticized', 'between', 'x', 'oto', 'Mayor', 'John', 'Tory', 'J.', "O'Neil", 'Al-Said', 'U.S.', 'mr.', '9', '_', '(', ',', '.', "'", '-', ' ', '  ', '\t', '\n', '\v', '\u00a0', '\u2003', 'é', 'ſ', 'K', '’', 'aſ', '“'],
      maxPieces: 10,
      alphabet: "toTOfrax AJ.'-9_( \t\n",
      maxLength: 16,
      runs: 5_000,
      seed: 19,
    });
  });
});
