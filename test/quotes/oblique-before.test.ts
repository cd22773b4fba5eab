// obliqueBefore (attribute.ts) reads OBLIQUE_BEFORE by hand for ASCII text: on crafted and random
// text (ASCII and not) it must answer as the expression does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OBLIQUE_BEFORE, obliqueBefore } from '../../src/quotes/attribute.js';

// Pieces that meet the expression's edges: listed words in several cases and words that end like
// them, name-like words (with periods, apostrophes, hyphens), marks, digits, blanks of every kind,
// and characters /iu treats specially (ſ, K, ’, é).
const PIECES = ['to', 'TO', 'into', 'for', 'or', 'Unlike', 'like', 'told', 'asked', 'Thanked', 'as', 'and', 'x', 'oto', 'Mayor', 'John', 'Tory', 'J.', "O'Neil", 'Al-Said', 'U.S.', 'mr.', '9', '_', '(', ',', '.', "'", '-', ' ', '  ', '\t', '\n', '\v', '\u00a0', '\u2003', 'é', 'ſ', 'K', '’', 'aſ'];

describe('obliqueBefore', () => {
  it('answers as OBLIQUE_BEFORE on crafted text', () => {
    const cases = ['Unlike ', 'Unlike Al Mnajer ', 'he wanted to tell Toronto Mayor John Tory ', 'tell A B C D ', 'to A B C ', '(to ', 'x-to ', 'oto ', 'for ', 'xfor ', '9to ', 'to 9 ', 'to J. ', "to O'Neil ", 'to Al-Said ', 'to .A ', 'to', 'to  ', 'said ', '', ' ', 'into U.S. Senator ', 'aſ ', 'to Bjørn ', 'to\u00a0'];
    for (const s of cases) expect(obliqueBefore(s), JSON.stringify(s)).toBe(OBLIQUE_BEFORE.test(s));
  });

  it('answers as OBLIQUE_BEFORE on random text of its edge pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }), (parts) => {
        const s = parts.join('');
        expect(obliqueBefore(s)).toBe(OBLIQUE_BEFORE.test(s));
      }),
      { numRuns: 30_000, seed: 19 },
    );
  });

  it('answers as OBLIQUE_BEFORE on random ASCII strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'toTOfrax AJ.\'-9_( \t\n'.split('')), maxLength: 16 }), (s) => {
        expect(obliqueBefore(s)).toBe(OBLIQUE_BEFORE.test(s));
      }),
      { numRuns: 30_000, seed: 20 },
    );
  });
});
