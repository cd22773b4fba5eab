import type { Article } from '../src/archive/types.js';
import { isStopWord } from '../src/text/tokenize.js';

/** A small seeded PRNG (mulberry32), so the benchmark's "fixed" queries are the same every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORD = /^[A-Za-z][a-z]{2,}$/;
const WH = ['what', 'who', 'when', 'how many', 'where', 'why did', 'which'];

/**
 * Queries drawn from the archive's own text: `short` are 1-3 words from one paragraph, `questions`
 * are 6-10 words (a wh-word and a run of words from one paragraph), as people type them.
 */
export function benchQueries(articles: readonly Article[], n: number, seed = 1987): { short: string[]; questions: string[] } {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rand() * xs.length)];
  const short: string[] = [];
  const questions: string[] = [];
  let guard = 0;
  while ((short.length < n || questions.length < n) && guard++ < n * 50) {
    const a = pick(articles);
    const para = a ? pick(a.paragraphs) : undefined;
    if (!para) continue;
    const words = para.split(/\s+/).map((w) => w.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, ''));
    const content = words.filter((w) => WORD.test(w) && !isStopWord(w.toLowerCase()));
    if (short.length < n && content.length >= 3) {
      const k = 1 + Math.floor(rand() * 3);
      const at = Math.floor(rand() * (content.length - k + 1));
      short.push(content.slice(at, at + k).join(' ').toLowerCase());
    }
    if (questions.length < n && words.length >= 10) {
      const wh = pick(WH) ?? 'what';
      const k = 6 + Math.floor(rand() * 5) - wh.split(' ').length;
      const at = Math.floor(rand() * (words.length - k + 1));
      const run = words.slice(at, at + k).filter(Boolean);
      if (run.length >= 4) questions.push(`${wh} ${run.join(' ')}?`);
    }
  }
  return { short, questions };
}

/** Milliseconds of `run` over each query, sorted, after a warm-up of the JIT. A user error is timed too. */
export function timeQueries(qs: readonly string[], run: (q: string) => unknown): number[] {
  const once = (q: string): number => {
    const t0 = performance.now();
    try {
      run(q);
    } catch {
      // A query of only common words is a user error; it is still timed.
    }
    return performance.now() - t0;
  };
  qs.slice(0, 50).forEach(once);
  return qs.map(once).sort((a, b) => a - b);
}
