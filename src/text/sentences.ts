export interface Sentence {
  text: string;
  /** Offsets in the text that was split. */
  start: number;
  end: number;
}

// A boundary candidate: sentence punctuation, any closing quotes or brackets, white space.
// Whether it really ends a sentence depends on the word before it and the word after it.
// A line break on its own is one too.
const CANDIDATE = /([.!?…]+)(["”’')\]]*)(\s+)|\s*\n\s*/gu;
// Closing quotes set off by a space ("every day. ” The …") still belong to the sentence before.
const STRAY_CLOSER = /^[”"’')\]]+(?=\s|$)/;
const OPENERS = /^["“‘'([]*/;

// Never end a sentence: titles before a name ("Mr. Smith", "Gen. Lee", "St. Louis").
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'mme', 'dr', 'prof', 'gen', 'gens', 'sen', 'sens', 'rep', 'reps', 'gov', 'lt', 'col', 'capt',
  'cmdr', 'adm', 'maj', 'brig', 'sgt', 'cpl', 'pvt', 'pres', 'supt', 'det', 'insp', 'rev', 'hon', 'st', 'ste', 'mt',
  'ft', 'atty', 'amb', 'lieut', 'sr', 'jr', 'vs', 'v', 'cf', 'approx', 'dept', 'univ', 'assn', 'ave', 'blvd',
]);
// End a sentence only before a word that usually starts one ("… Acme Inc. The company …",
// "RICHMOND, Va. Feb 26", "… in Calif. The …").
const SUFFIXES = new Set([
  'inc', 'corp', 'co', 'ltd', 'llc', 'cos', 'bros', 'etc', 'al',
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la', 'md', 'mass', 'mich',
  'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo',
]);
// …and these only when no number follows ("Jan. 10", "No. 5", "Vol. 3").
const BEFORE_NUMBER = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'nos', 'vol', 'ch', 'pp', 'fig', 'art', 'op']);
const STARTERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'But', 'And', 'In', 'On', 'This', 'That', 'These', 'Those',
  'There', 'Its', 'His', 'Her', 'Their', 'Our', 'My', 'However', 'Meanwhile', 'If', 'When', 'As', 'At', 'For', 'After',
  'Before', 'While', 'Since', 'Although', 'Despite', 'Last', 'Next', 'Earlier', 'Later', 'Shares', 'Analysts',
  'Some', 'Many', 'Most', 'No', 'Yet', 'So', 'Still', 'Other', 'Such', 'What', 'Why', 'How', 'Who', 'Where', 'Under',
]);
// "U.S." before a capital: a name ("U.S. Senate", "U.S. Treasury Secretary") or a new sentence
// ("…in the U.S. Sales fell"). Together only for a known institution or a run of capitalised words.
const COUNTRIES = new Set(['u.s', 'u.k', 'u.n', 'e.u']);
const INSTITUTIONS = new Set([
  'Senate', 'House', 'Congress', 'Treasury', 'Army', 'Navy', 'Marines', 'Embassy', 'Government', 'Administration',
  'Department', 'Court', 'Open', 'Steel', 'Dollar', 'Dollars', 'Bonds', 'Forces', 'Troops', 'Officials', 'Military',
  'Agency', 'Agriculture', 'Commerce', 'Justice', 'Defense', 'Defence', 'Attorney', 'Ambassador', 'Envoy',
  'Security', 'Council', 'General', 'Assembly', 'Parliament', 'Airways', 'Air', 'Coast', 'Postal', 'Customs', 'Census',
  'Ltd', 'Inc', 'Plc', 'Corp',
]);
const AFTER_PREPOSITION = /\b(?:in|into|to|from|of|for|across|throughout|with|at|on|outside|inside|within|by|than|about|over|and)\s+(?:the\s+)?$/i;
const TIMES_OF_DAY = new Set(['a.m', 'p.m']);
const DAY_WORDS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tomorrow|yesterday|EST|EDT|GMT|BST|ET|PT|UTC|local)\b/;

/**
 * Splits text into sentences with offsets; survives "Mr.", "Dr.", "U.S.", "Jan. 10",
 * decimals, initials and quotes that end a sentence (`… shameful.”`). A line break always
 * ends a sentence. One regular-expression pass, so a long article splits in well under a
 * millisecond per thousand words.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (from: number, to: number): void => {
    const piece = text.slice(from, to);
    const lead = piece.length - piece.trimStart().length;
    const body = piece.trim();
    if (body) out.push({ text: body, start: from + lead, end: from + lead + body.length });
  };
  const spans = quoteSpans(text);
  let span = 0;
  let start = 0;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    if (m[1] === undefined) {
      push(start, m.index);
      start = m.index + m[0].length;
      continue;
    }
    const punct = m[1];
    let closers = m[2] ?? '';
    const space = m[3] ?? '';
    let end = m.index + punct.length + closers.length;
    let next = m.index + m[0].length;
    const stray = STRAY_CLOSER.exec(text.slice(next, next + 8));
    if (stray) {
      closers += stray[0];
      end = next + stray[0].length;
      const after = /^\s*/.exec(text.slice(end, end + 40))?.[0] ?? '';
      next = end + after.length;
    }
    if (next >= text.length) continue;
    // Never inside a quotation that closes later: `"We know where to look. We know how to
    // look," she said.` is one sentence.
    while (span < spans.length && (spans[span]?.close ?? 0) < end) span++;
    const quote = spans[span];
    if (quote && quote.open < m.index && !space.includes('\n')) continue;
    const rest = text.slice(next, next + 60);
    if (space.includes('\n') || endsSentence(text, m.index, punct, closers, rest)) {
      push(start, end);
      start = next;
      CANDIDATE.lastIndex = next;
    }
  }
  push(start, text.length);
  return out;
}

/** A quotation: offsets of its opening and closing marks. */
export interface QuoteSpan {
  open: number;
  close: number;
}

// A quotation longer than this is more likely a missing closing mark than one statement; its
// sentences split as usual (and a summary then treats the pieces as fragments).
const MAX_QUOTE_CHARS = 600;
const MAX_SINGLE_QUOTE_CHARS = 300;
const OPEN_CONTEXT = /[\s([{\-–—:;,/]/;

/**
 * The quotations of a text whose opening and closing marks both stand in it, in order.
 * Curly marks say which way they face; a straight mark opens after white space (or at the
 * start) and closes after anything else. Single quotes count only when the closing mark
 * cannot be an apostrophe inside a word ("don’t"). Unclosed quotations are left out: news
 * opens a quote in one paragraph and closes it in a later one.
 */
export function quoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let dbl = -1;
  let sgl = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c !== '"' && c !== '“' && c !== '”' && c !== "'" && c !== '‘' && c !== '’') continue;
    const before = i === 0 ? ' ' : text.charAt(i - 1);
    const after = i + 1 < text.length ? text.charAt(i + 1) : ' ';
    const opening = OPEN_CONTEXT.test(before) || /["“‘']/.test(before);
    if (c === '“' || (c === '"' && dbl < 0)) {
      dbl = i;
      sgl = -1;
    } else if (c === '”' || c === '"') {
      if (dbl >= 0 && i - dbl <= MAX_QUOTE_CHARS) spans.push({ open: dbl, close: i });
      dbl = -1;
      sgl = -1;
    } else if (c === '‘' || (c === "'" && opening && /[\p{L}\p{N}]/u.test(after))) {
      sgl = i;
    } else if (sgl >= 0 && !/[\p{L}\p{N}]/u.test(after) && /\S/.test(before)) {
      if (i - sgl <= MAX_SINGLE_QUOTE_CHARS) spans.push({ open: sgl, close: i });
      sgl = -1;
    }
  }
  // Nested and overlapping quotations merge: a boundary inside any of them is inside one.
  spans.sort((a, b) => a.open - b.open);
  const merged: QuoteSpan[] = [];
  for (const q of spans) {
    const last = merged[merged.length - 1];
    if (last && q.open <= last.close) last.close = Math.max(last.close, q.close);
    else merged.push({ ...q });
  }
  return merged;
}

function endsSentence(text: string, at: number, punct: string, closers: string, rest: string): boolean {
  const opened = OPENERS.exec(rest)?.[0] ?? '';
  const start = rest.slice(opened.length);
  const first = start.charAt(0);
  // A sentence does not start in lower case ("“… shameful.” he added"), unless it is a brand
  // like "iPhone", nor with a comma; it may start with a list dash or, in a quote, "…".
  if (/\p{Ll}/u.test(first)) return /^\p{Ll}+\p{Lu}/u.test(start);
  if (/^[-–—•]\s/.test(start) || (opened && /^(?:\.\.\.|…)/.test(start))) return true;
  if (!/[\p{Lu}\p{N}"“‘'([$£€]/u.test(first)) return false;
  if (punct !== '.' || !/^\)?$/.test(closers)) return true;
  const before = /(\S+)$/.exec(text.slice(Math.max(0, at - 40), at))?.[1] ?? '';
  const word = before.replace(/^[^\p{L}\p{N}]+/u, '');
  const lower = word.toLowerCase();
  const nextWord = /^\S+/.exec(start)?.[0]?.replace(/[^\p{L}\p{N}.]+$/u, '') ?? '';
  const nextBare = nextWord.replace(/[^\p{L}\p{N}]/gu, '');
  const nextIsNumber = /^\p{N}/u.test(nextWord);
  if (COUNTRIES.has(lower)) {
    // "U.S. 30-year bonds", "U.S. M-1 money supply", "IMPORTS OF U.S. GOODS", "U.S. Senate"
    if (STARTERS.has(nextBare)) return true;
    if (nextIsNumber || /^[\p{Lu}\p{N}-]{2,}$/u.test(nextWord.replace(/\.$/, '')) || INSTITUTIONS.has(nextBare)) return false;
    const second = /^\S+\s+(\S)/u.exec(start)?.[1] ?? '';
    if (/\p{Lu}/u.test(second)) return false;
    // "…sales in the U.S. Analysts said" ends a sentence; "a senior U.S. Immigration official"
    // does not: after a preposition "the U.S." closes a phrase, elsewhere it modifies a name.
    return AFTER_PREPOSITION.test(text.slice(Math.max(0, at - 30), at - word.length));
  }
  if (closers !== '') return true;
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "John F. Kennedy"
  if (TIMES_OF_DAY.has(lower)) return !DAY_WORDS.test(nextWord);
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return STARTERS.has(nextBare); // "J.K. Rowling", "D.C. The …"
  if (TITLES.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower) && nextIsNumber) return false;
  if (SUFFIXES.has(lower)) return STARTERS.has(nextBare);
  return true;
}
