import { termOf, tokenize } from '../text/tokenize.js';

export type Range = [start: number, end: number];

export interface Snippet {
  /** The passage trimmed around its matches, with `…` where it was cut. */
  text: string;
  /** Where the matched words are in `text` (sorted, not overlapping). */
  highlights: Range[];
}

/** Ranges of the words of `text` whose index term is in `matched`. */
export function matchRanges(text: string, matched: ReadonlySet<string>): Range[] {
  const ranges: Range[] = [];
  for (const t of tokenize(text)) {
    const term = termOf(t);
    if (term && matched.has(term)) ranges.push([t.start, t.end]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Trims `text` to about `maxChars` around the densest run of matches, at word boundaries. */
export function makeSnippet(text: string, matched: ReadonlySet<string>, maxChars = 320): Snippet {
  const ranges = matchRanges(text, matched);
  if (text.length <= maxChars) return { text, highlights: ranges };

  // The window start (at a match) that covers the most matches.
  let bestStart = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < ranges.length; i++) {
    const from = ranges[i]?.[0] ?? 0;
    while (j < ranges.length && (ranges[j]?.[1] ?? 0) <= from + maxChars) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      bestStart = from;
    }
  }
  // Give a little context before the first match, starting at a word boundary.
  let start = Math.max(0, bestStart - Math.floor(maxChars / 5));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < bestStart ? space + 1 : bestStart;
  }
  let end = Math.min(text.length, start + maxChars);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  const highlights: Range[] = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s + shift, e + shift]);
  return { text: prefix + text.slice(start, end) + suffix, highlights };
}
