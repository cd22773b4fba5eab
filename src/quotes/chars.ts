// Character tests and end-of-text word readers that stand in for regular expressions anchored at
// the end (`…$`): such an expression is tried at every offset of what it is given, and these run
// around every quote of an archive. Each gives exactly what its expression gives (tested).

/** A letter of ASCII (A-Z, a-z). */
export const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** `\s` of a regular expression: ASCII blanks, the Unicode space separators, line terminators and the BOM. */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const LETTER = /^\p{L}$/u;

/** Length in UTF-16 units (1 or 2) of the letter (`\p{L}`) that ends at `i`, or 0 when the code point there is none. */
export function letterBefore(s: string, i: number): number {
  if (i <= 0) return 0;
  const c = s.charCodeAt(i - 1);
  if (c < 128) return isAsciiLetter(c) ? 1 : 0;
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return LETTER.test(s.slice(i - 2, i)) ? 2 : 0;
  }
  return LETTER.test(s[i - 1] ?? '') ? 1 : 0;
}

/** What /(\p{L}+)[\s,:]*$/u captures in `s`, lower-cased ('' when it does not match): the last word, when only blanks, commas and colons follow it. */
export function lastWordOf(s: string): string {
  let e = s.length;
  while (e > 0) {
    const c = s.charCodeAt(e - 1);
    if (c !== 44 && c !== 58 && !isSpaceCode(c)) break;
    e--;
  }
  let start = e;
  for (let k = letterBefore(s, start); k > 0; k = letterBefore(s, start)) start -= k;
  return start < e ? s.slice(start, e).toLowerCase() : '';
}

/**
 * What /([\p{L}-]+)[^\p{L}]*$/u captures in `s`, lower-cased ('' when it does not match): the run
 * of letters and hyphens that holds the last letter (with the hyphens right after it), or, in a
 * text without letters, the first run of hyphens.
 */
export function lastHyphenatedWord(s: string): string {
  let e = s.length;
  while (e > 0 && letterBefore(s, e) === 0) e--;
  if (e === 0) {
    const h = s.indexOf('-');
    if (h < 0) return '';
    let g = h;
    while (g < s.length && s.charCodeAt(g) === 45) g++;
    return s.slice(h, g);
  }
  let start = e;
  for (;;) {
    if (start > 0 && s.charCodeAt(start - 1) === 45) start--;
    else {
      const k = letterBefore(s, start);
      if (k === 0) break;
      start -= k;
    }
  }
  let g = e;
  while (g < s.length && s.charCodeAt(g) === 45) g++;
  return s.slice(start, g).toLowerCase();
}

const AUXILIARIES = new Set(
  'has have had was were is are also later then again previously recently once further quickly simply only just still will would could never often repeatedly publicly privately subsequently earlier quoted as reportedly'.split(
    ' ',
  ),
);
const LY_WORD = /^\p{Ll}+ly$/u;

/**
 * `t` without the auxiliaries and adverbs that end it ("has also", "was quoted as", "later"):
 * what `t.replace(/(?:\s+(?:has|…|reportedly|\p{Ll}+ly))+$/u, '')` gives, read word by word from the end.
 */
export function withoutTrailingAuxiliaries(t: string): string {
  let cut = t.length;
  let end = t.length;
  for (;;) {
    let start = end;
    while (start > 0 && !isSpaceCode(t.charCodeAt(start - 1))) start--;
    // A word at the very start, or blanks at the end: no blank-and-word unit here.
    if (start === 0 || start === end) break;
    const w = t.slice(start, end);
    if (!AUXILIARIES.has(w) && !LY_WORD.test(w)) break;
    let blank = start;
    while (blank > 0 && isSpaceCode(t.charCodeAt(blank - 1))) blank--;
    cut = blank;
    end = blank;
  }
  return cut === t.length ? t : t.slice(0, cut);
}

/** /(?:^|\s)(?:and|but|or)$/u.test(t): `t` ends in the word "and", "but" or "or", read from the end. */
export function endsWithConjunction(t: string): boolean {
  for (const w of CONJUNCTIONS) {
    const k = t.length - w.length;
    if (k >= 0 && t.endsWith(w) && (k === 0 || isSpaceCode(t.charCodeAt(k - 1)))) return true;
  }
  return false;
}
const CONJUNCTIONS = ['and', 'but', 'or'] as const;

/** What `s.match(/\S+/g)?.length ?? 0` counts: runs of characters that are not `\s`, without making them. */
export function countNonBlankRuns(s: string): number {
  let n = 0;
  let inRun = false;
  for (let i = 0; i < s.length; i++) {
    const blank = isSpaceCode(s.charCodeAt(i));
    if (!blank && !inRun) n++;
    inRun = !blank;
  }
  return n;
}

/**
 * `w` ends in one of , ; : . ! ? ) ” " — what /[,;:.!?)”"]$/u tests, and what /[,;:.!?)”"]+$/u
 * needs before it can strip anything (an expression anchored at the end is tried at every offset).
 */
export function endsInMark(w: string): boolean {
  if (w.length === 0) return false;
  const c = w.charCodeAt(w.length - 1);
  return c === 44 || c === 59 || c === 58 || c === 46 || c === 33 || c === 63 || c === 41 || c === 0x201d || c === 34;
}
