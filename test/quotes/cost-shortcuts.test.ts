// Session 15's cuts of the cold quote step, each checked against what it stands in for: the saved
// quotes may not change (bench/quotes-hash.ts checks whole archives; these check the pieces).
import { describe, expect, it } from 'vitest';
import { flagsOf } from '../../src/quotes/names.js';

/** A small seeded generator, so that a failure repeats. */
function seeded(seed: number): (k: number) => number {
  let s = seed;
  return (k) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % k;
  };
}
const pick = <T>(next: (k: number) => number, xs: readonly T[]): T => xs[next(xs.length)] as T;

describe('cold quote-step shortcuts (session 15)', () => {
  it('a plain ASCII word gets the same lexicon flags by the short path as by the general one', () => {
    const next = seeded(16);
    // Words of every lexicon (titles, group nouns, organisation words, acronyms, sentence openers,
    // particles, stop words, nationalities, numbers) in several casings, and random plain words.
    const known = ['President', 'Officials', 'University', 'BBC', 'However', 'Van', 'The', 'British', 'G7', '3rd', 'Mr', 'US', 'X', 'Monday', 'Smith', 'IBM2', 'De', 'Spokesman', 'NASA', 'A'];
    const words = ['', ...known, ...known.map((w) => w.toUpperCase()), ...known.map((w) => w.toLowerCase())];
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    for (let n = 0; n < 3000; n++) {
      let w = '';
      for (let j = next(6); j >= 0; j--) w += pick(next, [...chars]);
      words.push(w);
    }
    let seen = 0;
    for (const w of words) {
      expect(flagsOf.isPlain(w), w).toBe(true);
      const f = flagsOf.word(w);
      seen |= f;
      expect(flagsOf.plain(w), w).toBe(f);
    }
    // Every flag was set by some word: the comparison covered each lexicon test.
    expect(seen).toBe(255);
    // The short path is taken only for plain words.
    for (const w of ["O'Neill", 'U.S.', 'Jean-Luc', 'Dr.', 'Émile', 'Smith’s', '']) expect(flagsOf.isPlain(w) && w.length > 0, w).toBe(false);
  });
});
