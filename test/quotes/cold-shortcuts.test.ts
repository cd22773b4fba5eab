// Session 14 and 15 cuts of the cold quote step, each checked against what it stands in for: the saved
// quotes may not change (bench/quotes-hash.ts checks whole archives; these check the pieces).
import { describe, expect, it } from 'vitest';
import { countNonBlankRuns, endsInMark, endsWithConjunction } from '../../src/quotes/chars.js';
import { lonePersonSign } from '../../src/quotes/lone-names.js';
import { flagsOf, isCapWord, PARTICLES } from '../../src/quotes/names.js';
import { coreOf, leadMarks, paragraphBases, People } from '../../src/quotes/people.js';

/** A small seeded generator, so that a failure repeats. */
function seeded(seed: number): (k: number) => number {
  let s = seed;
  return (k) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % k;
  };
}
const pick = <T>(next: (k: number) => number, xs: readonly T[]): T => xs[next(xs.length)] as T;

const peopleOf = (paragraphs: string[]): People => new People(paragraphs, paragraphBases(paragraphs), () => false);

describe('cold quote-step shortcuts', () => {
  it('the opening marks before a word are what /^[“"‘\'([«„]+/u matches, read in place', () => {
    const next = seeded(11);
    const chars = ['“', '"', '‘', "'", '(', '[', '«', '„', '”', '’', ')', 'A', 'b', '1', ' ', '-', '»', '<', '{'];
    let marked = 0;
    for (let n = 0; n < 5000; n++) {
      const len = next(8);
      let s = '';
      for (let j = 0; j < len; j++) s += pick(next, chars);
      const from = next(s.length + 1);
      const to = from + next(s.length - from + 1);
      const expected = /^[“"‘'([«„]+/u.exec(s.slice(from, to))?.[0].length ?? 0;
      if (expected > 0) marked++;
      expect(leadMarks(s, from, to), JSON.stringify([s, from, to])).toBe(expected);
    }
    expect(marked).toBeGreaterThan(500);
  });

  it('a number is its own core, no name word and no particle (what lets the name scan pass over it)', () => {
    const next = seeded(5);
    const alnum = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (let n = 0; n < 3000; n++) {
      let w = alnum.charAt(next(10));
      for (let j = next(6); j > 0; j--) w += alnum.charAt(next(alnum.length));
      expect(coreOf(w), w).toBe(w);
      expect(isCapWord(w), w).toBe(false);
      expect(PARTICLES.has(w), w).toBe(false);
    }
    // The core of anything else may differ: the test above is not vacuous.
    expect(['Smith’s', 'Smith,', "1987's"].map(coreOf)).toEqual(['Smith', 'Smith', '1987']);
  });

  it('a number ends a name and stands between a role word and the name after it', () => {
    const one = peopleOf(['The spokesman John Smith said the plan was good.']);
    expect(one.persons.get('john smith')?.role).toBe('spokesman');
    // Had the scan skipped "10" without remembering it, "spokesman" would still be the word before John Smith.
    const two = peopleOf(['The spokesman 10 John Smith said the plan was good.']);
    expect(two.persons.get('john smith')?.role).toBeNull();
    // "Smith 1987 Jones": two runs, not one name of two words.
    const three = peopleOf(['Ann Smith 1987 Bob Jones said it.']);
    expect([...three.persons.keys()].sort()).toEqual(['ann smith', 'bob jones']);
  });

  it('a trailing "and"/"but"/"or" and the count of non-blank runs are what their expressions give', () => {
    const next = seeded(23);
    const pieces = ['and', 'but', 'or', 'for', 'band', 'Or', 'AND', 'x', ' ', '  ', '\u00a0', '\u2009', '\u3000', '\n', '\t', ',', '.', 'é', '𝐀', '\u200b', '-'];
    let conj = 0;
    for (let n = 0; n < 6000; n++) {
      let s = '';
      for (let j = next(7); j > 0; j--) s += pick(next, pieces);
      const expected = /(?:^|\s)(?:and|but|or)$/u.test(s);
      if (expected) conj++;
      expect(endsWithConjunction(s), JSON.stringify(s)).toBe(expected);
      expect(countNonBlankRuns(s), JSON.stringify(s)).toBe(s.match(/\S+/g)?.length ?? 0);
    }
    expect(conj).toBeGreaterThan(300);
  });

  it('lower-casing never shortens a word (what lets a long word skip the determiner and preposition lookups)', () => {
    let longer = 0;
    const shorter: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const s = String.fromCodePoint(cp);
      const l = s.toLowerCase().length;
      if (l < s.length) shorter.push(cp.toString(16));
      if (l > s.length) longer++;
    }
    expect(shorter).toEqual([]);
    // "İ" lower-cases to two units: lengths do change, only never down.
    expect(longer).toBeGreaterThan(0);
    expect('ΟΔΟΣ'.toLowerCase().length).toBe(4);
  });

  it('a word ends in a phrase mark exactly when the expressions anchored at its end say so', () => {
    const next = seeded(31);
    const pieces = [',', ';', ':', '.', '!', '?', ')', '”', '"', '’', '(', '“', 'a', 'Z', '1', ' ', '…', '-', '𝐀', "'"];
    let marked = 0;
    for (let n = 0; n < 5000; n++) {
      let w = '';
      for (let j = next(5); j > 0; j--) w += pick(next, pieces);
      const expected = /[,;:.!?)”"]$/u.test(w);
      if (expected) marked++;
      expect(endsInMark(w), JSON.stringify(w)).toBe(expected);
      // Where it says no, stripping the trailing marks changes nothing.
      if (!endsInMark(w)) expect(w.replace(/[,;:.!?)”"]+$/u, '')).toBe(w);
    }
    expect(marked).toBeGreaterThan(1000);
  });

  it('a lone name\'s appositive needs a comma right after the name: without one the sign is the role\'s alone', () => {
    const next = seeded(41);
    const roles = ['', 'designer', 'resident', 'firm', 'said', 'professor'];
    const opens = [', ', ',', ' ', '; ', '. ', ''];
    const heads = ['a ', 'the ', 'who ', '23, ', 'an ', 'his ', ''];
    const nouns = ['resident', 'firm', 'lanky professor', 'designer', 'Resident', 'report'];
    const ends = [',', ' of Lampung', '.', ' said', ''];
    let signs = 0;
    for (let n = 0; n < 4000; n++) {
      const after = pick(next, opens) + pick(next, heads) + pick(next, nouns) + pick(next, ends);
      const role = pick(next, roles);
      const sign = lonePersonSign(role, after);
      if (after.startsWith(',') && sign && !lonePersonSign(role, '')) signs++;
      if (!after.startsWith(',')) expect(sign, JSON.stringify([role, after])).toBe(lonePersonSign(role, ''));
    }
    // The comma case does find appositives: the shortcut is not vacuous.
    expect(signs).toBeGreaterThan(20);
  });
});

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
