import type { Candidate } from './features.js';

/**
 * Weights, set once on the BBC development set and checked against how often the lead
 * survives (it should, nearly always: news with human-written highlights leans on it).
 * Not tuned per article or per corpus.
 */
export const WEIGHTS = {
  centrality: 1,
  /**
   * Centrality is scaled by n/(n + this) for an article of n sentences: in a story of four
   * sentences "shares most with the rest" is noise, and the lead should carry it.
   */
  centralityShrink: 3,
  /** Bonus for the first body sentence; the next ones get it times e^-(leadDecay·position). */
  lead: 0.5,
  leadDecay: 1,
  /** News is written top-down: a gentle slope from the first sentence (1) to the last (0). */
  position: 0.1,
  /** A paragraph's first sentence usually states its point. */
  paraLead: 0.05,
  quote: 0.15,
  /** Longer sentences carry more of the story; full credit from 25 words. */
  length: 0.4,
  dangling: 0.15,
} as const;

/**
 * One number per candidate: what a news reader would want first. The lead carries the
 * story in most news writing, so the first sentences get a bonus that fades quickly;
 * centrality finds the sentences the rest of the article keeps coming back to; a quotation
 * gives the story's voices a small lift; short and dangling sentences lose a little and
 * flawed ones (datelines, captions, questions) drop below everything sound.
 */
export function scoreCandidates(candidates: readonly Candidate[], central: readonly number[]): number[] {
  const shrink = candidates.length / (candidates.length + WEIGHTS.centralityShrink);
  return candidates.map((c, i) => {
    const cent = (central[i] ?? 0) * shrink;
    const lead = Math.exp(-WEIGHTS.leadDecay * c.index);
    const paraLead = c.inParagraph === 0 ? 1 : 0;
    const length = Math.min(1, c.words / 25);
    const early = 1 - c.index / Math.max(candidates.length - 1, 1);
    let s = WEIGHTS.position * early + WEIGHTS.centrality * cent + WEIGHTS.lead * lead + WEIGHTS.paraLead * paraLead + WEIGHTS.length * length;
    if (c.quoted) s += WEIGHTS.quote;
    if (c.dangling && c.index > 0) s -= WEIGHTS.dangling;
    // Flawed sentences only compete among themselves (see summarize), but rank them last anyway.
    if (c.flaw) s -= 10;
    return s;
  });
}
