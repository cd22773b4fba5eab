import type { Article } from '../archive/types.js';
import { splitSentences } from '../text/sentences.js';
import { cleanParagraph, isFurnitureSentence, opensOnLabel, reportEnd } from './furniture.js';
import { termOf, tokenize, type Token } from '../text/tokenize.js';

/** Why a sentence is a poor summary sentence whatever its content; null when it is fine. */
export type Flaw = 'dateline' | 'byline' | 'caption' | 'fragment' | 'question';

/** One sentence of an article body that a summary may offer. */
export interface Candidate {
  /** 0-based position among the article's candidates, in article order. */
  index: number;
  /** 1-based paragraph number, as citations count them. */
  paragraph: number;
  /** 0-based position inside its paragraph. */
  inParagraph: number;
  /** The sentence as it stands in the article. */
  text: string;
  /** Stemmed, stop-word-free terms (see `terms`). */
  terms: string[];
  words: number;
  /** It carries a quotation and says who spoke it. */
  quoted: boolean;
  /** It opens on a pronoun or connective whose referent is in an earlier sentence. */
  dangling: boolean;
  flaw: Flaw | null;
}

const DATELINE = /^[A-Z][A-Z .,'’-]{2,}(?:,?\s+[A-Z][a-z]{2,}\.?\s+\d{1,2})?\s*(?:\((?:Reuters|AP|AFP|Reuter|UPI|IANS|PTI)\))?\s*[-–—:]*$/;
const BYLINE = /^(?:by|from|reporting by|writing by|editing by|additional reporting by|compiled by|story by|words by)\s+\p{Lu}/iu;
// Web-page furniture that survives copy-paste into an archive ("PUBLISHED: 12:01 EST, …").
const FURNITURE = /^(?:published|updated|last updated|posted|follow (?:us|him|her|@)|scroll down|click here|sign up|share this|comments?\b)|\b(?:scroll down for (?:video|more))\b/i;
const AGENCY_LINE = /^\(?(?:reuters?|ap|afp|upi)\)?\.?$/i;
const CAPTION = /^(?:photo|picture|image|caption|pictured|above|below|top|left|right|file photo|video|watch|click|read more|related|see also|advertisement|copyright)\b\s*[:\-–—|(]|(?:getty images|\bafp\b\s*\/|\bphotograph:|\(photo(?:graph)?:|\bimage copyright\b|\bimage caption\b)/i;
const QUESTION = /\?["”’')\]]*$/;
const CLOSING = /[.!?…]["”’')\]]*$/;
// Openers that point back to something said earlier ("He said…", "This means…", "But…").
const DANGLING = /^["“‘']?(?:he|she|it|they|them|his|her|its|their|this|these|those|that|such|there|but|and|or|so|also|however|meanwhile|still|yet|then|instead|nevertheless|moreover|furthermore|besides)\b(?!-)/i;
const QUOTE_MARKS = /["“”]|(?:^|\s)[‘'][^‘']{12,}[’']/;
const ATTRIBUTION = /\b(?:said|says|told|tells|added|adds|asked|wrote|writes|stated|explained|warned|insisted|argued|according to)\b/i;

/**
 * The sentences a summary may choose from: every body sentence of the report, without the
 * headline, web furniture (bylines, time stamps) or readers' comments and link lists.
 */
export function candidatesOf(article: Article): Candidate[] {
  const out: Candidate[] = [];
  const first = article.headline ? 1 : 0;
  const end = reportEnd(article.paragraphs, first);
  article.paragraphs.forEach((paragraph, p) => {
    if (p < first || p >= end) return;
    splitSentences(cleanParagraph(paragraph)).forEach((s, k) => {
      const text = s.text;
      const tokens = tokenize(text);
      const words = tokens.length;
      out.push({
        index: out.length,
        paragraph: p + 1,
        inParagraph: k,
        text,
        terms: termsOf(tokens),
        words,
        quoted: QUOTE_MARKS.test(text) && ATTRIBUTION.test(text),
        dangling: DANGLING.test(text),
        flaw: flawOf(text, words),
      });
    });
  });
  // Web copy that shows one flattened caption has others: those that lost their closing " ."
  // still open on a label.
  if (out.some((c) => c.flaw === 'caption' && isFurnitureSentence(c.text))) {
    for (const c of out) if (c.flaw === null && opensOnLabel(c.text)) c.flaw = 'caption';
  }
  return out;
}

// Stemming is most of the cost of reading an article, and news reuses its words: remember
// each word's term. Bounded, so a stream of odd tokens cannot grow it without end.
const termCache = new Map<string, string | null>();
const TERM_CACHE_MAX = 100_000;

function termsOf(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const key = t.acronym ? `.${t.norm}` : t.norm;
    let term = termCache.get(key);
    if (term === undefined) {
      if (termCache.size >= TERM_CACHE_MAX) termCache.clear();
      term = termOf(t);
      termCache.set(key, term);
    }
    if (term !== null) out.push(term);
  }
  return out;
}

export function flawOf(text: string, words: number): Flaw | null {
  if (DATELINE.test(text) || AGENCY_LINE.test(text)) return 'dateline';
  if (BYLINE.test(text) && words <= 12) return 'byline';
  if (CAPTION.test(text) || FURNITURE.test(text) || isFurnitureSentence(text)) return 'caption';
  if (!quotesBalanced(text)) return 'fragment';
  if (QUESTION.test(text)) return 'question';
  if (words < 5 || (!CLOSING.test(text) && words < 12) || isShouting(text)) return 'fragment';
  return null;
}

/**
 * Whether every quotation the sentence opens it also closes, and the other way round: a
 * piece of a longer quotation reads as a misquote out of context.
 */
export function quotesBalanced(raw: string): boolean {
  // Two single marks are one double mark in some copy (''Yes,'' he said).
  const text = raw.includes("''") ? raw.replace(/''/g, '"') : raw;
  let straight = 0;
  let depth = 0;
  for (const c of text) {
    if (c === '"') straight++;
    else if (c === '“') depth++;
    else if (c === '”' && --depth < 0) return false;
  }
  return straight % 2 === 0 && depth === 0 && singleQuotesBalanced(text);
}

// Single quotation marks double as apostrophes ("don't", "the students' union", "class of
// '83", "'bot nets"), so a mark counts as opening only before a letter after a space or an
// opening bracket, and as a sure close only after sentence punctuation ("…a toll,' he said").
// A mark after a letter closes an open quotation tentatively ("bowing to 'white people
// companies' Fighting…"); a later sure close with nothing open shows it was an apostrophe
// after all. An opening before a small letter that never closes is taken for an elision: a
// quotation of several sentences opens on a capital.
const SINGLE = /['‘’]/g;
const OPENS_BEFORE = /[\s([{\-–—:;,/"“]/;
const SURE_CLOSE_AFTER = /[.,!?;:…]/;
const LEADING_APOSTROPHE = /^(?:\d|(?:em|n|tis|twas|til|cause)\b)/i;

function singleQuotesBalanced(text: string): boolean {
  // One entry per open quotation: true when it opened on a small letter.
  const open: boolean[] = [];
  let tentative = 0;
  let balanced = true;
  SINGLE.lastIndex = 0;
  for (let m = SINGLE.exec(text); m && balanced; m = SINGLE.exec(text)) {
    const i = m.index;
    const before = i === 0 ? ' ' : text.charAt(i - 1);
    const after = text.charAt(i + 1);
    const afterWord = /[\p{L}\p{N}]/u.test(after);
    if (m[0] === '‘' || (m[0] === "'" && OPENS_BEFORE.test(before) && afterWord && !LEADING_APOSTROPHE.test(text.slice(i + 1, i + 6)))) {
      open.push(/\p{Ll}/u.test(after));
    } else if (!afterWord && SURE_CLOSE_AFTER.test(before)) {
      if (open.length > 0) open.pop();
      else if (tentative > 0) tentative--;
      else balanced = false;
    } else if (!afterWord && open.length > 0 && /[\p{L}\p{N}]/u.test(before)) {
      open.pop();
      tentative++;
    }
  }
  return balanced && open.every((small) => small);
}

/** A line mostly in capitals is a headline, a label or a table row, not prose. */
function isShouting(text: string): boolean {
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      upper++;
      letters++;
    } else if (c >= 97 && c <= 122) letters++;
    else if (c > 127) {
      const ch = text.charAt(i);
      const lo = ch.toLowerCase();
      const up = ch.toUpperCase();
      if (lo !== up) {
        letters++;
        if (ch === up) upper++;
      }
    }
  }
  return letters >= 12 && upper / letters > 0.6;
}
