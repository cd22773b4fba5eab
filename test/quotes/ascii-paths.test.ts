// Session 20: the cache-miss paths of a cold quote step read ASCII words by character codes instead
// of Unicode expressions (foldUncached, bare, the shape bits of the word flags, isRoleWord). Each must
// answer exactly as the expression path it stands in for, on random ASCII and non-ASCII text: the
// saved quotes may not change (bench/quotes-hash.ts checks whole archives; these check the pieces).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStopWord } from '../../src/text/tokenize.js';
import { bare, flagsOf, foldByNormalising, foldUncached, GROUP_NOUNS, isCapWord, isSaint, isTitleWord } from '../../src/quotes/names.js';
import { isRoleWord, NOT_ROLES } from '../../src/quotes/phrase.js';

// Pieces that meet the paths' edges: apostrophes and backquotes (dropped by the fold), periods (kept at
// a word's end by bare, removed for the acronym test), hyphens and prefixes, digits, capitals, role
// endings, and other scripts, marks, blanks and astral characters.
const PIECES = [
  "'", '`', '’', '‘', '.', '-', ',', '"', '(', ')', '<', '>', '&', ' ', '  ', '\t', '\n', '\u00a0', 'ex-', 'Ex-', 'THEN-', 'former-', 'co-', 'then-',
  "'s", 'S', 's', '3', '1987', '-year-old', '-year', '-time', 'U', 'N', 'IBM', 'Mc', "O'", 'malley', 'Conn', 'D', 'er', 'ist', 'ists', 'ian', 'ee',
  'man', 'women', 'people', 'al', 'ical', 'ster', 'spokes', 'analyst', 'official', 'president', 'Chair', 'banker', 'the', 'whether', 'é', 'É', 'Ü',
  'ﬁ', 'Ⅻ', 'İ', 'ß', '\u0301', '𝐀', '\ud835', '中', 'ǅ', '½', '٣',
];
const ASCII = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('');
const ASCII_WORDISH = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-'`&,() ";

const isAscii = (s: string): boolean => [...s].every((c) => c.charCodeAt(0) < 128);

const joined = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((p) => p.join(''));
const asciiText = fc.string({ unit: fc.constantFrom(...ASCII.split('')), maxLength: 16 });
const asciiWord = fc.string({ unit: fc.constantFrom(...ASCII_WORDISH.split('')), maxLength: 10 });
const asciiJoined = fc.array(fc.constantFrom(...PIECES.filter(isAscii)), { maxLength: 6 }).map((p) => p.join(''));
const anyText = fc.oneof(joined, asciiText, asciiWord, asciiJoined, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
const RUNS = { numRuns: 4000, seed: 2026 };

/** bare() as the expressions read it (the code before session 20). */
function bareByExpression(w: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9.]*$/u.test(w)) return w;
  const start = /^[^\p{L}\p{N}]*/u.exec(w)?.[0].length ?? 0;
  let end = w.length;
  while (end > start && !/[\p{L}\p{N}.]/u.test(w[end - 1] ?? '')) end--;
  return w.slice(start, end);
}

/** isRoleWord as the expressions read it (the code before session 20). */
function roleWordByExpression(w: string): boolean {
  const b = bareByExpression(w).toLowerCase();
  if (!b || !/^[\p{Ll}\d]/u.test(bareByExpression(w))) return false;
  if (GROUP_NOUNS.has(b) || isTitleWord(b)) return true;
  if (isStopWord(b) || NOT_ROLES.has(b)) return false;
  if (/^\d+(?:-year-old|-year|-time)?$|-year-old$|^then-|^ex-|^co-/u.test(b)) return true;
  return /(?:ist|ists|er|ers|or|ors|man|men|woman|women|person|people|ent|ents|ant|ants|ian|ians|ary|aries|ee|ees|al|als|ive|ives|ic|ical|ate|ates|ster|sters)$/u.test(b) && b.length > 3;
}

describe('ASCII paths of the cold cache misses (session 20)', () => {
  it('foldUncached folds as the normalising pipeline does, on ASCII and on other text', () => {
    let ascii = 0;
    fc.assert(
      fc.property(anyText, (s) => {
        if (isAscii(s)) ascii++;
        expect(foldUncached(s), JSON.stringify(s)).toBe(foldByNormalising(s));
      }),
      RUNS,
    );
    expect(ascii).toBeGreaterThan(1000);
    expect(["O'Malley", ' D-Conn) ', "x'-'Y", "We're", '`a` b`', "''", '', 'R-N.C.', 'Zoë'].map(foldUncached)).toEqual(['omalley', 'd conn', 'x y', 'were', 'a b', '', '', 'r n c', 'zoe']);
  });

  it('bare() reads words as the expressions do', () => {
    fc.assert(
      fc.property(anyText, (w) => {
        expect(bare(w), JSON.stringify(w)).toBe(bareByExpression(w));
      }),
      RUNS,
    );
    expect(['(D-Cal.)', '<MCD>', '“He', 'é.', '.5', '-é-', "''", '𝐀,'].map(bare)).toEqual(['D-Cal.', 'MCD', 'He', 'é.', '5', 'é', '', '']);
  });

  it('the acronym and marked bits of an ASCII word are the expressions’ bits', () => {
    let seen = 0;
    const ascii = fc.oneof(asciiText, asciiWord, asciiJoined);
    fc.assert(
      fc.property(ascii, ascii, (w, other) => {
        // The bits of a word and its own bare form without periods, and of any two ASCII strings.
        const b = bare(w).replace(/\./gu, '');
        const f = flagsOf.shape(w, b);
        seen |= f;
        expect(flagsOf.asciiShape(w, b), JSON.stringify([w, b])).toBe(f);
        expect(flagsOf.asciiShape(w, other), JSON.stringify([w, other])).toBe(flagsOf.shape(w, other));
      }),
      RUNS,
    );
    // Both bits were set by some word: the comparison covered each test.
    expect(seen).toBe(flagsOf.shape('U.S.', 'US') | flagsOf.shape("Ex-IBM's", 'Ex-IBMs'));
    expect(['Ex-chief', 'THEN-Governor', 'former-x', 'fex-', "NAR's", 'E.B.I.', 'A&P', 'G7', 'a', 'Then'].map((w) => flagsOf.asciiShape(w, bare(w).replace(/\./gu, '')))).toEqual(
      ['Ex-chief', 'THEN-Governor', 'former-x', 'fex-', "NAR's", 'E.B.I.', 'A&P', 'G7', 'a', 'Then'].map((w) => flagsOf.shape(w, bare(w).replace(/\./gu, ''))),
    );
  });

  it('isRoleWord answers as the expressions do', () => {
    let roles = 0;
    fc.assert(
      fc.property(anyText, (w) => {
        const r = roleWordByExpression(w);
        if (r) roles++;
        expect(isRoleWord(w), JSON.stringify(w)).toBe(r);
      }),
      RUNS,
    );
    expect(roles).toBeGreaterThan(100);
    expect(['banker,', '"spokesman', '3-year-old', '1987', 'co-chair', 'ex-president', 'whether', 'Banker', 'über', 'ändern', 'man', '-year-old'].map(isRoleWord)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('character tests for expressions asked of every name word (session 28)', () => {
  // The forms the character tests stand in for, as they were written.
  const SAINT = /^st\.?$/iu;
  const HAS_LETTER = /\p{L}/u;
  const HAS_UPPER = /\p{Lu}/u;
  function isCapWordByExpressions(w: string): boolean {
    const c = w.charCodeAt(0);
    if (c >= 65 && c <= 90) return true;
    if (c >= 97 && c <= 122) return false;
    const b = bare(w);
    if (!b) return false;
    const first = b[0] ?? '';
    if (HAS_UPPER.test(first)) return true;
    return HAS_LETTER.test(first) && first.toLowerCase() === first.toUpperCase();
  }

  it('isSaint answers as /^st\\.?$/iu for every UTF-16 unit in each place (the long s included) and on random words', () => {
    // One comparison per word, not one expect each: 65,536 units × 3 places stay quick on a loaded machine.
    const differ: string[] = [];
    let yes = 0;
    for (let c = 0; c < 0x10000; c++) {
      const u = String.fromCharCode(c);
      for (const w of [`${u}t`, `s${u}`, `St${u}`]) {
        const want = SAINT.test(w);
        if (isSaint(w) !== want) differ.push(w);
        if (want) yes++;
      }
    }
    expect(differ).toEqual([]);
    // "st", "St", "ſt" (first place); "st", "sT" (second); "St." (third): the long s is the only non-ASCII unit that matches.
    expect(yes).toBe(6);
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('s', 'S', 't', 'T', '.', 'ſ', 'x', '𝐒') }), (w) => isSaint(w) === SAINT.test(w)), { numRuns: 2000 });
  });

  it('isCapWord answers as the \\p{Lu}/\\p{L} expressions for words opening with any ASCII or other character, after any marks', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const u = String.fromCharCode(c);
      for (const w of [`${u}x`, `(${u}ab`]) if (isCapWord(w) !== isCapWordByExpressions(w)) differ.push(w);
    }
    expect(differ).toEqual([]);
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('(', '“', '"', "'", '-', '.', '1', 'a', 'Z', 'é', 'É', '中', '𝐀', '\u0301', ' ') }), (w) => isCapWord(w) === isCapWordByExpressions(w)), { numRuns: 5000 });
  });
});
