/**
 * Evidence that ties a sentence to the question's own wording, beyond which words it shares:
 * the question's words in the question's order (the longest common subsequence, weighted by
 * rarity), the frame after the wh-word said in the same order ("What year did Lee *sign* the
 * *treaty*?" → "Lee *signed* the *treaty* in 1990"), and the question's words — literal, of
 * the same family, or in the translation table's other words — standing close to a candidate
 * of the expected type. Read by answer.ts scoreSentences as FRAME_SENTENCE_FEATURES.
 */
import { termOf, tokenize, type Token } from '../text/tokenize.js';
import type { QuestionAlign } from './align.js';
import type { WhPhrase } from './question.js';

/** What the frame features need of the question view (answer.ts QuestionView; not imported from there: answer.ts imports this module). */
export interface FrameQuestion {
  text: string;
  termSet: ReadonlySet<string>;
  weight: (term: string) => number;
  total: number;
  wh: WhPhrase;
  align?: QuestionAlign | undefined;
}

/** The question's terms in order (each once), and the frame: those after the wh-word, the head word left out (it names the answer's kind, which the sentence says as the answer itself). */
export interface Frame {
  all: string[];
  after: string[];
  afterTotal: number;
}

/**
 * The question's frame, read once per question (answer.ts questionView keeps it on the view as
 * `frame`; scoreSentences reads it for every pool passage). `tokens`: tokenize(q.text), when the
 * caller has it already.
 */
export function questionFrame(q: Pick<FrameQuestion, 'text' | 'termSet' | 'weight' | 'wh'>, tokens: readonly Token[] = tokenize(q.text)): Frame {
  const all: string[] = [];
  const after: string[] = [];
  tokens.forEach((t, i) => {
    const term = termOf(t);
    if (!term || !q.termSet.has(term) || all.includes(term)) return;
    all.push(term);
    if (q.wh.at >= 0 && i > q.wh.at && term !== q.wh.head) after.push(term);
  });
  let afterTotal = 0;
  for (const t of after) afterTotal += q.weight(t);
  return { all, after, afterTotal };
}

/** The least translation probability that counts as the table saying a question word in other words. */
const TRANSLATED = 0.1;

/** Two stems of one word family (answer.ts reads it too): a shared start of five letters, or a whole four-letter stem; never numbers. */
export function sameFamily(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  if (n < 4 || /\d/.test(a) || /\d/.test(b)) return false;
  const need = Math.min(5, n);
  return a.slice(0, need) === b.slice(0, need);
}

/**
 * How well the sentence word s says the question word at index k of `terms`: 1 literally, 0.5 a
 * word of its family, the table's t(q|s) for a paraphrase it learnt (at least TRANSLATED), else 0.
 */
function matchOf(q: FrameQuestion, term: string, s: string): number {
  if (s === term) return 1;
  if (sameFamily(term, s)) return 0.5;
  const a = q.align;
  if (!a) return 0;
  const k = a.terms.indexOf(term);
  let best = 0;
  for (const [j, p] of a.by.get(s) ?? []) if (j === k && p >= TRANSLATED) best = Math.max(best, p);
  return Math.min(best, 0.5);
}

/**
 * The weighted longest common subsequence: the largest total weight × match of question terms
 * the sentence says in the question's order (each sentence word standing for one question word).
 */
export function orderedMatch(terms: readonly string[], sentence: readonly string[], value: (term: string, s: string) => number, weight: (term: string) => number): number {
  const n = sentence.length;
  let prev = new Array<number>(n + 1).fill(0);
  for (const t of terms) {
    const row = new Array<number>(n + 1).fill(0);
    const w = weight(t);
    for (let j = 1; j <= n; j++) {
      const v = value(t, sentence[j - 1] ?? '');
      row[j] = Math.max(prev[j] ?? 0, row[j - 1] ?? 0, v > 0 ? (prev[j - 1] ?? 0) + w * v : 0);
    }
    prev = row;
  }
  return prev[n] ?? 0;
}

/** Words (not characters) over which a question word's closeness to the candidate halves. */
const NEAR_HALF = 3;

/**
 * FRAME_SENTENCE_FEATURES of one sentence, from its content terms in order with their word
 * positions and the word spans of its candidates of the expected type: the literal ordered match
 * of the whole question (share of its weight); the frame after the wh-word matched in order,
 * literally, by family or by the table (share of the frame's weight); the question's words said
 * near a typed candidate, each weighted by 1 / (1 + distance / NEAR_HALF), the best candidate's
 * share of the question's weight.
 */
export function frameFeatures(q: FrameQuestion, frame: Frame, terms: ReadonlyArray<{ term: string; pos: number }>, candidates: ReadonlyArray<readonly [number, number]>): [number, number, number] {
  const seq = terms.map((x) => x.term);
  // A sentence repeats its words: each (question word, sentence word) pair is matched once.
  const memo = new Map<string, number>();
  const match = (t: string, s: string): number => {
    const key = `${t}\u0000${s}`;
    let m = memo.get(key);
    if (m === undefined) memo.set(key, (m = matchOf(q, t, s)));
    return m;
  };
  const lcs = orderedMatch(frame.all, seq, (t, s) => (t === s ? 1 : 0), q.weight) / q.total;
  const after = frame.afterTotal > 0 ? orderedMatch(frame.after, seq, match, q.weight) / frame.afterTotal : 0;
  let near = 0;
  if (candidates.length > 0) {
    // Each question word's matches in word order, found once; every candidate then looks outward from itself.
    const hits = frame.all.map((t) => {
      const pos: number[] = [];
      const val: number[] = [];
      for (const x of terms) {
        const m = match(t, x.term);
        if (m > 0) {
          pos.push(x.pos);
          val.push(m);
        }
      }
      return { pos, val };
    });
    for (const [first, last] of candidates) {
      let sum = 0;
      frame.all.forEach((t, k) => {
        const h = hits[k];
        if (h) sum += q.weight(t) * nearest(h.pos, h.val, first, last);
      });
      near = Math.max(near, sum / q.total);
    }
  }
  return [lcs, after, near];
}

/**
 * The best match / (1 + distance / NEAR_HALF) among matches outside the candidate's words
 * [first, last], `pos` ascending. Scans outward from the candidate on each side and stops where
 * even a literal match (1) that far could not beat the best found: exact, and short on a long
 * sentence that repeats the question's words many times.
 */
function nearest(pos: readonly number[], val: readonly number[], first: number, last: number): number {
  let best = 0;
  for (let i = firstAtLeast(pos, first) - 1; i >= 0; i--) {
    const closeness = 1 / (1 + (first - (pos[i] ?? 0)) / NEAR_HALF);
    if (closeness <= best) break;
    best = Math.max(best, (val[i] ?? 0) * closeness);
  }
  for (let i = firstAtLeast(pos, last + 1); i < pos.length; i++) {
    const closeness = 1 / (1 + ((pos[i] ?? 0) - last) / NEAR_HALF);
    if (closeness <= best) break;
    best = Math.max(best, (val[i] ?? 0) * closeness);
  }
  return best;
}

/** The index of the first element >= x in an ascending list (its length when none). */
function firstAtLeast(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
