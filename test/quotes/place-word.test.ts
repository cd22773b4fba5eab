// endsWithPlaceWord (lone-names.ts) reads PLACE_BEFORE by hand for ASCII text: on crafted and
// random text (ASCII and not) it must answer as the expression does.
import { describe, expect, it } from 'vitest';
import { PLACE_BEFORE, endsWithPlaceWord, placeIndex, usedAsPlace } from '../../src/quotes/lone-names.js';
import { expectSameAsExpression } from './same-as-expression.js';

/** The words of the expression's alternation, read from its source (not from the reader's own list). */
const LISTED = /\(\?:([a-z|]+)\)/u.exec(PLACE_BEFORE.source)?.[1]?.split('|') ?? [];

describe('endsWithPlaceWord', () => {
  it('answers as PLACE_BEFORE for every listed word, in three cases, after nothing, a letter, a digit, an underscore or a mark', () => {
    expect(LISTED.length).toBe(9);
    for (const w of LISTED) {
      for (const form of [w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1)]) {
        for (const before of ['', 'x', '9', '_', '-', '(', 'é', 'ſ']) {
          for (const blanks of [' ', '\t ', '\u00a0', '']) {
            const s = `${before}${form}${blanks}`;
            expect(endsWithPlaceWord(s), JSON.stringify(s)).toBe(PLACE_BEFORE.test(s));
          }
        }
      }
    }
  });

  it('answers as PLACE_BEFORE on crafted text', () => {
    const cases = ['in ', 'lived in ', 'lived In\t', 'living in', 'xin ', '9in ', '_in ', '-in ', '(across ', 'throughout  ', 'visited\n', 'visit. ', 'intoin ', '', ' ', 'in ', 'acroſs ', 'in\u00a0', 'é in ', 'near 10 '];
    for (const s of cases) expect(endsWithPlaceWord(s), JSON.stringify(s)).toBe(PLACE_BEFORE.test(s));
  });

  it('answers as PLACE_BEFORE on random text (its words in any case, word characters that are no letters, blanks of every kind, ſ and K)', () => {
    expectSameAsExpression(endsWithPlaceWord, PLACE_BEFORE, {
      pieces: ['in', 'IN', 'In', 'into', 'iNTo', 'across', 'throughout', 'near', 'around', 'visit', 'Visited', 'VISITING', 'visi', 'nears', 'x', 'Q', '9', '_', 'é', 'ſ', 'K', 'acroſs', ' ', '  ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u2003', '.', ',', '-', "'", '’', '(', '"'],
      maxPieces: 8,
      alphabet: 'inI NtoaAcrsvg9_ \t\n.-',
      maxLength: 14,
      runs: 5_000,
      seed: 17,
    });
  });

  it('finds places as before: a whole word after a place word, not inside another word', () => {
    expect(usedAsPlace('Jordan', ['He lives in Jordan now.'])).toBe(true);
    expect(usedAsPlace('Jordan', ['Michael Jordan said so.', 'McJordan lives in McJordan.'])).toBe(false);
    expect(usedAsPlace('Jordan', ['He flew to Jordanian cities near Jordan.'])).toBe(true);
    expect(usedAsPlace('Jordan', ['He went 9in Jordan.'])).toBe(false);
    expect(usedAsPlace('Jordan', ['Unterwegs in\u00a0Jordan.'])).toBe(true);
    // A letter outside ASCII at either edge makes it another word.
    expect(usedAsPlace('Jordan', ['in Jordané'])).toBe(false);
    expect(usedAsPlace('Jordan', ['in éJordan'])).toBe(false);
    expect(usedAsPlace('Jordan', ['in Jordan’s capital'])).toBe(true);
  });

  it('finds the same places through the index of an article\'s places', () => {
    const paragraphs = ['in Jordané and in éJordan', 'They flew into Syria.', 'Ministers met in Jordan.'];
    const asks = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q'];
    const index = placeIndex(paragraphs);
    for (const w of asks) index(w);
    for (const w of ['Jordan', 'Syria', 'Ministers', 'Jordané']) expect(index(w), w).toBe(usedAsPlace(w, paragraphs));
    expect(index('Jordan')).toBe(true);
  });
});
