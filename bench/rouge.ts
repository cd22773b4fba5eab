/**
 * ROUGE F1 as the summary evaluation reports it: lower-cased alphanumeric tokens, no
 * stemming, no stop-word removal. ROUGE-N counts clipped n-gram overlap; ROUGE-L uses the
 * longest common subsequence of the two whole token sequences.
 */

export interface RougeScores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

export function rougeTokens(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

function ngramCounts(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function f1(overlap: number, candidateTotal: number, referenceTotal: number): number {
  if (overlap === 0 || candidateTotal === 0 || referenceTotal === 0) return 0;
  const p = overlap / candidateTotal;
  const r = overlap / referenceTotal;
  return (2 * p * r) / (p + r);
}

export function rougeN(candidate: string[], reference: string[], n: number): number {
  const c = ngramCounts(candidate, n);
  const r = ngramCounts(reference, n);
  let overlap = 0;
  for (const [gram, count] of c) overlap += Math.min(count, r.get(gram) ?? 0);
  return f1(overlap, Math.max(candidate.length - n + 1, 0), Math.max(reference.length - n + 1, 0));
}

/**
 * ROUGE-1 precision and recall apart: F1 alone hides whether a summary won by covering more of
 * the reference or by saying less besides, and two summaries of the same number of sentences
 * can differ in length by half.
 */
export function rouge1Parts(candidate: string, reference: string): { precision: number; recall: number } {
  const c = rougeTokens(candidate);
  const r = rougeTokens(reference);
  const ref = ngramCounts(r, 1);
  let overlap = 0;
  for (const [gram, count] of ngramCounts(c, 1)) overlap += Math.min(count, ref.get(gram) ?? 0);
  return { precision: c.length ? overlap / c.length : 0, recall: r.length ? overlap / r.length : 0 };
}

/** LCS length in O(n·m) time and O(m) memory. */
export function lcsLength(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = x === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, cur[j - 1] ?? 0);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] ?? 0;
}

export function rougeL(candidate: string[], reference: string[]): number {
  return f1(lcsLength(candidate, reference), candidate.length, reference.length);
}

export function rouge(candidate: string, reference: string): RougeScores {
  const c = rougeTokens(candidate);
  const r = rougeTokens(reference);
  return { rouge1: rougeN(c, r, 1), rouge2: rougeN(c, r, 2), rougeL: rougeL(c, r) };
}
