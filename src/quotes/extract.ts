// Finds the quoted spans of an article's paragraphs and tells speech from scare quotes and titles.
// One left-to-right pass over each paragraph; every look-around is bounded (CONTEXT characters), so
// the work is linear in the text length whatever the marks do.

import { DEFAULT_KIND_WEIGHTS, endsInSentenceMark, kindFeatures, kindScore, VerbsAround, type KindWeights, type QuoteContext } from './quote-kind.js';
import { hasSpeechVerb, SPEECH_VERBS } from './verbs.js';
import { lastAtOrBefore } from './sorted.js';
import { lastWordOf } from './chars.js';

// Expressions read inside functions, made once here: tsx (the tests' and benches' loader) turns a
// \p{…} literal into a `new RegExp(…)` that would be built anew at every call.
const HAS_LETTER = /\p{L}/u;
const HAS_LETTER_AFTER_MARKS = /^[^\p{L}]*\p{L}/u;
const INITIALS_THEN_LETTER = /^(?:\p{L}\.)+\p{L}$/u;
const LAST_WORD_WITH_PERIODS = /([\p{L}.]+)$/u;
const ONE_CAPITAL = /^\p{Lu}$/u;
const OPENS_UPPER_OR_NUMBER = /^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u;
const STARTS_LOWER_CLASS = /^[\p{Ll}]/u;

export type QuoteKind = 'direct' | 'partial' | 'fragment';

export interface QuoteSpan {
  /** 1-based paragraph number (the citation number). */
  paragraph: number;
  /** The quoted words, without the marks and without a trailing comma. */
  text: string;
  /** Offsets of `text` in the paragraph string. */
  start: number;
  end: number;
  /** Offsets of the opening mark and of the closing mark (the paragraph's length when unclosed). */
  open: number;
  close: number;
  /** The quote was opened and not closed in this paragraph: it runs to the paragraph's end. */
  unclosed: boolean;
  kind: QuoteKind;
}

/** How far before and after a quote the extractor and attributor look. */
export const CONTEXT = 320;

type Mark = 'open' | 'close' | 'either';

/** The double quote mark at `i`, if any, and its width (`’’` and `‘‘` are two characters). */
function markAt(p: string, i: number): { mark: Mark; width: number } | null {
  const c = p.charCodeAt(i);
  switch (c) {
    case 0x201c: // “
    case 0x201e: // „
    case 0x00ab: // «
      return { mark: 'open', width: 1 };
    case 0x201d: // ”
    case 0x00bb: // »
      return { mark: 'close', width: 1 };
    case 0x22: // "
      return { mark: 'either', width: 1 };
    case 0x2018: // ‘‘ (or ‘’) doubled single marks stand for a double mark in some feeds
      return p.charCodeAt(i + 1) === 0x2018 || (p.charCodeAt(i + 1) === 0x2019 && HAS_LETTER.test(p[i + 2] ?? '')) ? { mark: 'open', width: 2 } : null;
    case 0x2019: // ’’
      return p.charCodeAt(i + 1) === 0x2019 ? { mark: 'close', width: 2 } : null;
    case 0x27: // ''
      return p.charCodeAt(i + 1) === 0x27 ? { mark: 'either', width: 2 } : null;
    default:
      return null;
  }
}

const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s/.test(ch);

interface RawSpan {
  open: number;
  close: number;
  width: number;
  unclosed: boolean;
}

// A space and a sentence's end before the mark, a capital or a digit right after it ("[Name] will …" too).
const SENTENCE_END_BEFORE = /[.!?…]\s$/u;
const CAPITAL_OR_DIGIT = /^[[(‘']?[\p{Lu}\p{N}]/u;
function opensNextSentence(p: string, i: number, width: number): boolean {
  return CAPITAL_OR_DIGIT.test(p.slice(i + width, i + width + 2)) && SENTENCE_END_BEFORE.test(p.slice(Math.max(0, i - 2), i));
}

/** The quoted spans of one paragraph, in order; marks that pair with nothing are dropped. */
export function scanMarks(p: string): RawSpan[] {
  const out: RawSpan[] = [];
  let openAt = -1;
  let openWidth = 1;
  // The regular expression jumps to the next character that may be a mark (natively, which matters
  // over a whole corpus); markAt decides. `test` leaves the one-character match's end in lastIndex
  // and makes no match object (exec made one per apostrophe of the corpus).
  const candidates = /["“”„«»‘’']/g;
  while (candidates.test(p)) {
    const i = candidates.lastIndex - 1;
    const m = markAt(p, i);
    if (!m) continue;
    let kind = m.mark;
    if (kind === 'either') {
      if (openAt >= 0) {
        // `… the bridge. "Then the rain came …`: a straight mark after a sentence's end and before a capital
        // opens the next sentence of the same speech (BBC writes `"A. "B. "C."`): the quote open so
        // far ends here, the next begins, and "B" is quoted, not narration.
        if (opensNextSentence(p, i, m.width)) {
          if (i > openAt + openWidth) out.push({ open: openAt, close: i, width: openWidth, unclosed: false });
          openAt = i;
          openWidth = m.width;
          candidates.lastIndex = i + m.width;
          continue;
        }
        kind = 'close';
      } else {
        const before = p[i - 1];
        const after = p[i + m.width];
        // 5'10" and `day. "` are closers without an opener; a mark before a space never opens.
        if ((before !== undefined && /\d/.test(before)) || (isSpace(after) && !isSpace(before))) kind = 'close';
        else kind = 'open';
      }
    }
    if (kind === 'open') {
      // An opener inside an open quote: the earlier one was never closed. Keep it up to here.
      if (openAt >= 0 && i > openAt + openWidth) out.push({ open: openAt, close: i, width: openWidth, unclosed: true });
      openAt = i;
      openWidth = m.width;
    } else if (openAt >= 0) {
      out.push({ open: openAt, close: i, width: openWidth, unclosed: false });
      openAt = -1;
    }
    candidates.lastIndex = i + m.width;
  }
  if (openAt >= 0 && openAt + openWidth < p.length) out.push({ open: openAt, close: p.length, width: openWidth, unclosed: true });
  return out;
}

const ABBREVIATIONS = new Set(
  'mr mrs ms dr st sen rep gov gen lt col sgt capt cpl prof jr sr no inc corp co ltd jan feb mar apr aug sep sept oct nov dec vs mt ft rev hon supt insp const det adm cmdr maj pte gov approx dept est fig'.split(' '),
);

// The lookbehinds keep this linear on runs of thousands of dots, marks or spaces. Made once here (`matchAll` reads a copy):
// tsx (the tests' and benches' loader) turns a \p{…} literal into a `new RegExp(…)` built at every call.
const SENTENCE_STOP = /(?<![.!?…])[.!?…]+(?<!["”’')\]])["”’')\]]*(?<!\s)\s+(?=["“‘’'([]{0,2}[\p{Lu}\p{N}])/gu;
/** Start offsets of the sentences of `p` (0 always first). Linear. */
export function sentenceStarts(p: string): number[] {
  const starts = [0];
  for (const m of p.matchAll(SENTENCE_STOP)) {
    const at = m.index;
    if (p[at] === '.') {
      const word = LAST_WORD_WITH_PERIODS.exec(p.slice(Math.max(0, at - 12), at))?.[1] ?? '';
      const w = word.toLowerCase();
      if (ABBREVIATIONS.has(w)) continue;
      if (ONE_CAPITAL.test(word) || INITIALS_THEN_LETTER.test(word)) continue; // an initial (J. Smith) or U.S.
    }
    starts.push(at + m[0].length);
  }
  return starts;
}

/** The last sentence start at or before `at` (starts sorted). */
export function sentenceStartOf(starts: readonly number[], at: number): number {
  return starts[lastAtOrBefore(starts, at)] ?? 0;
}

/** The first sentence start after `at`, or the paragraph's length. */
export function sentenceEndAfter(starts: readonly number[], at: number, length: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] ?? 0) > at) hi = mid;
    else lo = mid + 1;
  }
  return starts[lo] ?? length;
}

export type { QuoteContext };

export function contextOf(p: string, starts: readonly number[], spans: readonly RawSpan[], k: number): QuoteContext {
  const s = spans[k];
  if (!s) return { pre: '', sentencePre: '', tail: '', tailStart: 0, preStart: 0 };
  const prevClose = k > 0 ? (spans[k - 1]?.close ?? -1) + (spans[k - 1]?.width ?? 1) : 0;
  const sStart = Math.max(sentenceStartOf(starts, s.open), s.open - CONTEXT);
  const preStart = Math.max(sStart, prevClose);
  const afterClose = s.close + s.width;
  const nextOpen = spans[k + 1]?.open ?? p.length;
  const tailEnd = Math.min(sentenceEndAfter(starts, afterClose - 1, p.length), nextOpen, afterClose + CONTEXT);
  return {
    pre: preStart < s.open ? p.slice(preStart, s.open) : '',
    sentencePre: p.slice(sStart, s.open),
    tail: s.unclosed || tailEnd <= afterClose ? '' : p.slice(afterClose, tailEnd),
    tailStart: afterClose,
    preStart,
    starts,
  };
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const wordCharCache = new Map<number, boolean>();
/** A letter or digit of any script (a code point): ASCII by ranges, the rest by the expression, cached. */
function isWordChar(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  let w = wordCharCache.get(cp);
  if (w === undefined) {
    w = WORD_CHAR.test(String.fromCodePoint(cp));
    wordCharCache.set(cp, w);
  }
  return w;
}
/** Runs of letters and digits (/[\p{L}\p{N}]+/u): a code-point loop, as this runs for every quote of an archive. */
function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    // A code point is read whole only where a high surrogate may start a pair (codePointAt is the slower read).
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) cp = s.codePointAt(i) ?? 0;
    if (cp > 0xffff) i++;
    const w = isWordChar(cp);
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with', 'vs']);

/** Two to eight words, each capitalised or a small joining word, and no sentence punctuation. */
function isTitleCase(text: string): boolean {
  if (text.length > 80 || /[.!?,;:…]/u.test(text)) return false;
  const ws = text.split(/\s+/u).filter((w) => w.length > 0);
  if (ws.length < 2 || ws.length > 8) return false;
  const capital = (w: string): boolean => OPENS_UPPER_OR_NUMBER.test(w);
  if (!capital(ws[0] ?? '') || !capital(ws[ws.length - 1] ?? '')) return false;
  // "I Love You" is a sentence in capitals; a pronoun subject makes it speech, not a name.
  if (/^(?:I|We|You|He|She|They|It)$/u.test(ws[0] ?? '')) return false;
  return ws.every((w) => capital(w) || SMALL_WORDS.has(w));
}

export { lastWordOf };

/** Decides whether a quoted span is speech that opens its own sentence, speech embedded in a sentence, or a scare quote / title. */
export function classify(text: string, ctx: QuoteContext, unclosed: boolean, verbs = new VerbsAround(ctx)): QuoteKind {
  const words = countWords(text);
  if (words === 0) return 'fragment';
  // "Next Generation Secure Computing Base", "Law and Order": a title-case name of a product,
  // work or slogan, not speech.
  if (isTitleCase(text)) return 'fragment';
  const last = text.charCodeAt(text.length - 1);
  // What /[.!?…]["'’”)\]]*$|[—–-]$/u tests, read from the end.
  const terminal = unclosed || endsInSentenceMark(text) || last === 0x2014 || last === 0x2013 || last === 45;
  const upper = OPENS_UPPER_OR_NUMBER.test(text) || HAS_LETTER_AFTER_MARKS.test(text) === false;
  const { pre } = verbs;
  const tailVerb = verbs.after !== null;
  const tailTrim = verbs.tailTrim;
  // A lower-case continuation that is not an attribution: the quote is a noun phrase in a sentence.
  const runsOn = tailTrim.length > 0 && !tailVerb && STARTS_LOWER_CLASS.test(tailTrim) && !terminal;
  if (ctx.sentencePre.trim() === '') {
    if (runsOn) return words >= 6 ? 'partial' : 'fragment';
    if (words >= 3 || terminal || tailVerb || last === 44 || last === 63 || last === 33) return 'direct';
    return 'fragment';
  }
  const speechBefore = verbs.before !== null;
  // Right after a speech verb ("Catherine retorted, “I’m a good swimmer” and then …"), a quote
  // that starts like a sentence is speech even when the sentence runs on after it.
  const lastWord = lastWordOf(pre);
  // "an app called “Screenwise Meter”" names a thing; it reports no speech.
  const verbRightBefore = upper && SPEECH_VERBS.has(lastWord) && !/^call/u.test(lastWord);
  if (verbRightBefore) return 'direct';
  if (pre.endsWith(':') && (upper || words >= 3) && !runsOn) return 'direct';
  if (pre.endsWith(',') && upper && speechBefore && !runsOn) return 'direct';
  // “Build that wall!” and “Go back to the reservation!”: quotes joined to a direct one.
  if (ctx.afterDirect && /^\s*(?:,|and|or|,\s*and)?\s*$/u.test(pre) && upper) return 'direct';
  if ((speechBefore || tailVerb) && words >= 4) return 'partial';
  return 'fragment';
}

/** All quoted spans of an article's paragraphs, in text order, each classified. */
export function extractQuotes(paragraphs: readonly string[], weights: KindWeights = DEFAULT_KIND_WEIGHTS): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  paragraphs.forEach((p, i) => {
    for (const q of extractParagraph(p, i + 1, weights)) out.push(q);
  });
  return out;
}

export function extractParagraph(p: string, paragraph: number, weights: KindWeights = DEFAULT_KIND_WEIGHTS): QuoteSpan[] {
  return extractWithContext(p, paragraph, weights).map((x) => x.span);
}

/** A quote of one paragraph before the learned direct/partial choice: the marks' rules' kind and, for speech, its features. */
export interface RawQuote {
  span: QuoteSpan;
  ctx: QuoteContext;
  /** The kind the marks' rules give. */
  ruleKind: QuoteKind;
  /** The direct/partial features (quote-kind.ts); null for fragments, which the model never sees. */
  features: Float64Array | null;
}

/** The quotes of one paragraph as the marks' rules see them, with their direct/partial features. */
export function rawQuotes(p: string, paragraph: number): RawQuote[] {
  const spans = scanMarks(p);
  if (spans.length === 0) return [];
  const starts = sentenceStarts(p);
  const implied = impliedOpening(p, starts, spans);
  if (implied) spans.push(implied);
  const out: RawQuote[] = [];
  let prev: { close: number; kind: QuoteKind } | null = null;
  spans.forEach((s, k) => {
    let start = s.open + s.width;
    let end = s.close;
    while (start < end && /\s/.test(p[start] ?? '')) start++;
    while (end > start && /[\s,]/.test(p[end - 1] ?? '')) end--;
    if (end <= start) return;
    const text = p.slice(start, end);
    const ctx = contextOf(p, starts, spans, k);
    // Set from the rules' kind of the quote before, so the features never depend on the model.
    if (prev && prev.kind === 'direct' && prev.close >= sentenceStartOf(starts, s.open)) ctx.afterDirect = true;
    // The verbs around the quote, scanned once for the rules and the features.
    const verbs = new VerbsAround(ctx);
    const kind = classify(text, ctx, s.unclosed, verbs);
    const features = kind === 'fragment' ? null : kindFeatures(text, p.slice(end, s.close), ctx, s.unclosed, kind === 'direct', verbs);
    out.push({ span: { paragraph, text, start, end, open: s.open, close: s.close, unclosed: s.unclosed, kind }, ctx, ruleKind: kind, features });
    prev = { close: s.close, kind };
  });
  return out;
}

/** The quotes of one paragraph with the context the attribution reads; speech is direct or partial as the kind model says. */
export function extractWithContext(p: string, paragraph: number, weights: KindWeights = DEFAULT_KIND_WEIGHTS): Array<{ span: QuoteSpan; ctx: QuoteContext }> {
  return rawQuotes(p, paragraph).map(({ span, ctx, features }) => {
    if (features) span.kind = kindScore(weights, features) > 0 ? 'direct' : 'partial';
    return { span, ctx };
  });
}

/**
 * A paragraph that ends with a closing mark nothing opened, after a quote and its attribution
 * (`"It was always about that," Jones said. It was never about the opponent."`): the opening
 * mark was lost, and the quote resumes with the sentence after the attribution.
 */
function impliedOpening(p: string, starts: readonly number[], spans: readonly RawSpan[]): RawSpan | null {
  const last = spans[spans.length - 1];
  const trimmed = p.trimEnd();
  const endMark = trimmed.length - 1;
  if (!last || last.unclosed || last.close >= endMark || !/["”]/u.test(trimmed[endMark] ?? '')) return null;
  const afterClose = last.close + last.width;
  const resume = sentenceEndAfter(starts, afterClose, p.length);
  if (resume >= endMark) return null;
  if (!hasSpeechVerb(p.slice(afterClose, Math.min(resume, afterClose + CONTEXT)))) return null;
  return { open: resume - 1, close: endMark, width: 1, unclosed: false };
}
