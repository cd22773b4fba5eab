// A small seeded generator for the property tests, so that a failure repeats.

/** Numbers in [0, k) from a linear congruential sequence started at `seed`. */
export function seeded(seed: number): (k: number) => number {
  let s = seed;
  return (k) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % k;
  };
}

/** One of `xs`, chosen by `next`. */
export const pick = <T>(next: (k: number) => number, xs: readonly T[]): T => xs[next(xs.length)] as T;
