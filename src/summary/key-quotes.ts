import type { KeyQuote } from './request.js';

/** What the quotes feature knows of a quote, as far as choosing key quotes needs it. */
export interface QuoteLike {
  text: string;
  speaker: string | null;
  paragraph: number;
  /** `direct`: a quote that is its own sentence; `partial`: a few quoted words. */
  kind?: 'direct' | 'partial' | undefined;
}

/**
 * The quotes most worth showing beside a summary, best first: attributed over anonymous,
 * whole statements over scraps, earlier over later (the story's main voices speak first),
 * and no two from the same speaker while another speaker has something to say.
 */
export function pickKeyQuotes(quotes: readonly QuoteLike[], limit: number): KeyQuote[] {
  const words = (q: QuoteLike): number => q.text.split(/\s+/).filter(Boolean).length;
  const value = (q: QuoteLike, i: number): number =>
    (q.speaker ? 2 : 0) + (q.kind === 'partial' ? 0 : 1) + Math.min(words(q), 25) / 25 - i / Math.max(quotes.length, 1) - (words(q) < 5 ? 2 : 0);
  const ranked = quotes.map((q, i) => ({ q, v: value(q, i) })).sort((a, b) => b.v - a.v);
  const out: KeyQuote[] = [];
  const voices = new Set<string | null>();
  for (const pass of [true, false]) {
    for (const { q } of ranked) {
      if (out.length >= limit) break;
      if (out.some((k) => k.text === q.text)) continue;
      if (pass && voices.has(q.speaker)) continue;
      voices.add(q.speaker);
      out.push({ text: q.text, speaker: q.speaker, paragraph: q.paragraph });
    }
  }
  return out;
}
