import type { Article } from '../archive/types.js';
import { UserError } from '../errors.js';
import { centrality, sentenceVectors } from './centrality.js';
import { candidatesOf, type Candidate } from './features.js';
import { selectDiverse } from './redundancy.js';
import type { SummaryWeights } from './model.js';
import { scoreCandidates } from './score.js';

export const DEFAULT_SENTENCES = 3;
export const MAX_SENTENCES = 10;
/**
 * Only the first this many characters of an article are summarised (about 16,000 words, more
 * than any news story): centrality compares every pair of sentences, and an article at the
 * size limit would otherwise hold the bot for seconds.
 */
export const MAX_SUMMARY_CHARS = 100_000;
/** A "sentence" longer than this (text without sentence punctuation) is shown cut short. */
export const MAX_SENTENCE_WORDS = 100;

export interface SummaryOptions {
  /** How many sentences, 1 to 10; default 3. A number or a string of digits. */
  sentences?: number | string | undefined;
  /** The model's weights; the committed trained ones by default (benchmarks compare others). */
  weights?: SummaryWeights | undefined;
}

export interface SummarySentence {
  text: string;
  /** 1-based paragraph number, for the citation. */
  paragraph: number;
  /** 0-based position among the article's body sentences. */
  index: number;
  /** True when the sentence was longer than MAX_SENTENCE_WORDS and `text` is its start + "…". */
  truncated: boolean;
}

export interface Summary {
  /** In article order. */
  sentences: SummarySentence[];
  /** Words in the article body (headline excluded). */
  words: number;
}

/** Checks a `sentences` option: an integer from 1 to MAX_SENTENCES, or a UserError saying so. */
export function parseSentenceCount(value: unknown): number {
  if (value === undefined || value === null || value === '') return DEFAULT_SENTENCES;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SENTENCES) {
    throw new UserError(`summary: sentences must be a whole number from 1 to ${MAX_SENTENCES}, not ${JSON.stringify(value)}`, 'summary.sentences');
  }
  return n;
}

/**
 * Picks the article's most telling sentences, copied verbatim, in article order. Never the
 * headline; never empty for an article with any body text.
 */
export function summarize(article: Article, options: SummaryOptions = {}): Summary {
  const count = parseSentenceCount(options.sentences);
  const lead = leadOf(article);
  const candidates = candidatesOf(lead);
  const words = article.paragraphs.reduce((n, p, i) => (i === 0 && article.headline ? n : n + (p.match(/\S+/g)?.length ?? 0)), 0);
  if (candidates.length === 0) return { sentences: [], words };
  const picked = pick(lead, candidates, count, options.weights);
  return { sentences: picked.map(toSummarySentence), words };
}

/** The article cut after the paragraph that passes MAX_SUMMARY_CHARS. */
function leadOf(article: Article): Article {
  let chars = 0;
  const n = article.paragraphs.findIndex((p) => (chars += p.length) > MAX_SUMMARY_CHARS);
  return n < 0 ? article : { ...article, paragraphs: article.paragraphs.slice(0, n + 1) };
}

function pick(article: Article, all: Candidate[], count: number, weights: SummaryWeights | undefined): Candidate[] {
  // Datelines, captions and questions only when the article has nothing else to offer.
  const sound = all.filter((c) => c.flaw === null);
  const candidates = sound.length > 0 ? sound : all;
  const vectors = sentenceVectors(candidates.map((c) => c.terms));
  const scores = scoreCandidates({ article, candidates, central: centrality(vectors) }, weights);
  // A news report's first sentence states the story: a reader expects it at the top of any
  // summary (the learned scores weigh sentences one by one, and ROUGE alone would often drop it).
  if (candidates[0]?.index === sound[0]?.index && sound.length > 0) scores[0] = scores.reduce((m, x) => Math.max(m, x), 0) + 1;
  const chosen = selectDiverse(scores, vectors, count);
  return chosen
    .sort((a, b) => a - b)
    .map((i) => candidates[i])
    .filter((c): c is Candidate => c !== undefined);
}

function toSummarySentence(c: Candidate): SummarySentence {
  const base = { paragraph: c.paragraph, index: c.index };
  if (c.words <= MAX_SENTENCE_WORDS) return { ...base, text: c.text, truncated: false };
  return { ...base, text: cutWords(c.text, MAX_SENTENCE_WORDS), truncated: true };
}

/** The start of `text` up to `limit` words, ending at a clause break when one is near. */
export function cutWords(text: string, limit: number): string {
  const re = /\S+/g;
  let end = text.length;
  for (let n = 0, m = re.exec(text); m; m = re.exec(text)) {
    if (++n === limit) {
      end = m.index + m[0].length;
      break;
    }
  }
  const head = text.slice(0, end);
  const clause = Math.max(head.lastIndexOf(', '), head.lastIndexOf('; '), head.lastIndexOf(' - '), head.lastIndexOf(' – '));
  const cut = clause > head.length * 0.6 ? head.slice(0, clause) : head;
  return `${cut.replace(/[\s,;:–-]+$/, '')} …`;
}
