// A memo for lookups asked about the same words again and again (names around every quote, places
// in every question), shared by the quote and search code.

/**
 * `f` with its answers kept by word (at most `limit`, then forgotten at once): the same words come
 * up around every quote of an archive, and these lookups run for each of them.
 */
export function memoByWord<T>(f: (w: string) => T, limit = 100_000): (w: string) => T {
  const cache = new Map<string, T>();
  return (w) => {
    let v = cache.get(w);
    if (v === undefined) {
      v = f(w);
      if (cache.size > limit) cache.clear();
      cache.set(w, v);
    }
    return v;
  };
}
