import { describe, expect, it } from 'vitest';
import { rng } from '../../bench/queries.js';
import { readMention, readMentionOnce, type Phrase } from '../../src/quotes/phrase.js';

// readMention keeps each phrase's reading (the same phrases come back around every quote of an
// archive): what it returns must be what a fresh reading gives, for phrases that differ anywhere.

const WORDS = ['he', 'She', 'they', 'Mr', 'Dr.', 'Anna', 'Varnes', 'Ivo', 'Brand,', 'the', 'a', 'spokesman', 'chief', 'executive', 'of', 'Dunmore', 'Mills', 'Ltd', 'and', '(D-Conn.)', '(Asia)', 'another', 'one', 'analyst', 'U.S.', 'Sen.', "Kell's", 'officials', 'Tuesday', '1:2', '3:x'];
const APPOSITIVES = [null, '', 'a senior official', 'the mayor', '66'];

function randomPhrase(r: () => number): Phrase {
  const n = Math.floor(r() * 6);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)] ?? '');
  return { words, appositive: APPOSITIVES[Math.floor(r() * APPOSITIVES.length)] ?? null };
}

describe('readMention kept by phrase', () => {
  it('GIVEN random phrases read in any order and again THEN each reading equals a fresh one', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed);
      const phrases = Array.from({ length: 60 }, () => randomPhrase(r));
      for (const p of [...phrases, ...phrases.reverse()]) expect(readMention(p), `seed ${seed}: ${JSON.stringify(p)}`).toEqual(readMentionOnce(p));
    }
  });

  it('GIVEN the same words split differently or a null and an empty appositive THEN readings of their own', () => {
    // Word boundaries are part of the key: "3:x" as a word must not stand for a word of three letters.
    const pairs: Array<[Phrase, Phrase]> = [
      [{ words: ['Anna', 'Varnes'], appositive: null }, { words: ['Anna Varnes'], appositive: null }],
      [{ words: ['3:xyz'], appositive: null }, { words: ['3:x', 'yz'], appositive: null }],
      [{ words: ['Ivo', 'Brand'], appositive: null }, { words: ['Ivo', 'Brand'], appositive: 'a senior official' }],
      [{ words: ['the', 'mayor'], appositive: null }, { words: ['the', 'mayor'], appositive: '' }],
    ];
    for (const [a, b] of pairs) {
      expect(readMention(a)).toEqual(readMentionOnce(a));
      expect(readMention(b)).toEqual(readMentionOnce(b));
    }
  });

  it('GIVEN a phrase read twice THEN the reading is not made again', () => {
    const p: Phrase = { words: ['Dr.', 'Anna', 'Varnes'], appositive: 'the mayor' };
    const first = readMention(p);
    expect(first).not.toBeNull();
    expect(readMention({ words: [...p.words], appositive: p.appositive })).toBe(first);
  });
});
