/**
 * Index of the last value at or before `at` in ascending `sorted` (0 when none is): the paragraph
 * holding an offset, given paragraph starts, or the sentence, given sentence starts. Binary search,
 * because an article may have thousands of either.
 */
export function lastAtOrBefore(sorted: readonly number[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) <= at) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}
