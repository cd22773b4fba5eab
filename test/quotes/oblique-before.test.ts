// obliqueBefore (attribute.ts) reads OBLIQUE_BEFORE by hand for ASCII text: on crafted and random
// text (ASCII and not) it must answer as the expression does.
import { describe, expect, it } from 'vitest';
import { OBLIQUE_BEFORE, obliqueBefore } from '../../src/quotes/attribute.js';
import { expectSameAsExpression } from './same-as-expression.js';

describe('obliqueBefore', () => {
  it('answers as OBLIQUE_BEFORE on crafted text', () => {
    const cases = ['Unlike ', 'Unlike Al Mnajer ', 'he wanted to tell Toronto Mayor John Tory ', 'tell A B C D ', 'to A B C ', '(to ', 'x-to ', 'oto ', 'for ', 'xfor ', '9to ', 'to 9 ', 'to J. ', "to O'Neil ", 'to Al-Said ', 'to .A ', 'to', 'to  ', 'said ', '', ' ', 'into U.S. Senator ', 'aſ ', 'to Bjørn ', 'to\u00a0'];
    for (const s of cases) expect(obliqueBefore(s), JSON.stringify(s)).toBe(OBLIQUE_BEFORE.test(s));
  });

  it('answers as OBLIQUE_BEFORE on random text (listed words and words ending like them, name-like words, marks, blanks of every kind, ſ, K, ’)', () => {
    expectSameAsExpression(obliqueBefore, OBLIQUE_BEFORE, {
      pieces: ['to', 'TO', 'into', 'for', 'or', 'Unlike', 'like', 'told', 'asked', 'Thanked', 'as', 'and', 'x', 'oto', 'Mayor', 'John', 'Tory', 'J.', "O'Neil", 'Al-Said', 'U.S.', 'mr.', '9', '_', '(', ',', '.', "'", '-', ' ', '  ', '\t', '\n', '\v', '\u00a0', '\u2003', 'é', 'ſ', 'K', '’', 'aſ'],
      maxPieces: 10,
      alphabet: "toTOfrax AJ.'-9_( \t\n",
      maxLength: 16,
      runs: 30_000,
      seed: 19,
    });
  });
});
