import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeIndex, SCANS_BEFORE_INDEX, usedAsPlace } from '../../src/quotes/lone-names.js';
import { lowerCaseWords, writtenLowerCase } from '../../src/quotes/thing-names.js';

// Texts drawn from pieces that sit on every boundary the two scans read: place words, blanks,
// apostrophes, hyphens, capitals, astral letters and names that are prefixes of one another.
const piece = fc.constantFrom(
  'in ', 'In ', 'into ', 'across  ', 'visited ', 'near\n', 'throughout ', 'within ', ' ', '  ', '\t', '.', ',', '-', "'", '’',
  'Jordan', 'Jordanian', 'McJordan', 'English Channel', 'English', 'Channel', 'St. Louis', 'St', 'fears', 'Fears', "don't", 'dont',
  'fear', 'x-fears', 'fears-', '𝐀bc', 'ábc', 'Ábc', '1', 'A',
);
const text = fc.array(piece, { maxLength: 40 }).map((ps) => ps.join(''));
const names = ['Jordan', 'Jordanian', 'English Channel', 'English', 'Channel', 'St. Louis', 'St', 'McJordan', 'Ábc', '𝐀bc', '.x', 'A'];
const words = ['fears', 'dont', 'fear', 'abc', 'ábc', 'in', 'x'];

describe('the per-article indexes of thing signs equal the scans they replace', () => {
  it('GIVEN random paragraphs THEN placeIndex(p)(name) = usedAsPlace(name, p) for every name', () => {
    let places = 0;
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (paragraphs) => {
        const index = placeIndex(paragraphs);
        // The first SCANS_BEFORE_INDEX names are scanned one by one; the rest read the index.
        for (const name of [...names, ...names, ...names]) {
          const expected = usedAsPlace(name, paragraphs);
          if (expected) places++;
          expect(index(name)).toBe(expected);
        }
      }),
      { numRuns: 400, seed: 14 },
    );
    // The property saw places, not only misses, and asked the index too.
    expect(places).toBeGreaterThan(50);
    expect(names.length * 3).toBeGreaterThan(SCANS_BEFORE_INDEX);
  });

  it('GIVEN random text THEN lowerCaseWords(text).has(word) = writtenLowerCase(word, text)', () => {
    let found = 0;
    fc.assert(
      fc.property(text, (t) => {
        const set = lowerCaseWords(t);
        for (const w of words) {
          const expected = writtenLowerCase(w, t);
          if (expected) found++;
          expect(set.has(w)).toBe(expected);
        }
      }),
      { numRuns: 600, seed: 14 },
    );
    expect(found).toBeGreaterThan(50);
  });

  it('GIVEN random text THEN writtenLowerCase(word, text) = the expression it reads by hand', () => {
    // The expression, compiled per word as it was before the hand-written scan.
    const byExpression = (word: string, t: string): boolean => {
      if (!/^\p{Ll}[\p{Ll}\p{N}]*$/u.test(word) || /\p{N}/u.test(word)) return false;
      const letters = [...word].join("['’]*");
      return new RegExp(`(?<![\\p{L}'’-])${letters}['’]*(?![\\p{Ll}'’-])`, 'u').test(t);
    };
    const more = fc.constantFrom("d'on't", "don''t", 'don’t’', "'dont", 'dontx', 'xdont', '𝐚𝐛', '𝐚’𝐛', 'x𝐚𝐛', '𝐚𝐛-', '\ud835', 'fear’s', 'é');
    const mixed = fc.array(fc.oneof(piece, more), { maxLength: 30 }).map((ps) => ps.join(''));
    const asked = [...words, '𝐚𝐛', 'é', 'fear2', 'Fears', ''];
    let found = 0;
    fc.assert(
      fc.property(mixed, (t) => {
        for (const w of asked) {
          const expected = byExpression(w, t);
          if (expected) found++;
          expect(writtenLowerCase(w, t)).toBe(expected);
        }
      }),
      { numRuns: 1500, seed: 16 },
    );
    expect(found).toBeGreaterThan(200);
  });
});
