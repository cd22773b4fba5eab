import type { PassageIndex } from './index.js';

/**
 * Which articles a query's words find: `any` word or `all` of them. This is the one meaning of
 * "matches these words" that /timeline, /digest topics and /quotes topics share (and the set
 * /search ranks within, for `any`), so a topic finds the same articles everywhere.
 */
export type MatchMode = 'any' | 'all';

/**
 * Every article whose text or title holds the query's index terms (stemmed, stop words out, as
 * `queryTerms` reads a query): any or all of them. Each comes with the passages of that article
 * that hold at least one of the terms (ascending); an article matched by its title alone has none.
 *
 * No fuzzy or prefix matching: a count or a filter must be exact. A term the archive never uses
 * matches nothing (so in `all` mode, no article matches).
 *
 * Work: the candidates come from the postings of the rarest term (`all`) or of every term
 * (`any`); common terms have compact postings, the rest come from MiniSearch. Then each
 * candidate's term ids are scanned once. Article numbers are the index's (removed articles are
 * tombstones there, and are skipped).
 */
export function matchArticles(index: PassageIndex, qTerms: readonly string[], mode: MatchMode): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const ids: number[] = [];
  for (const t of qTerms) {
    const id = index.vocab.get(t);
    if (id === undefined) {
      if (mode === 'all') return out;
      continue;
    }
    if (!ids.includes(id)) ids.push(id);
  }
  ids.sort((a, b) => (index.df[a] ?? 0) - (index.df[b] ?? 0));
  if (ids.length === 0) return out;
  const seeds = mode === 'all' ? ids.slice(0, 1) : ids;

  const candidates = new Set<number>();
  for (const term of seeds) {
    for (const p of passagesWithTerm(index, term)) {
      const a = index.passages[p]?.article;
      if (a !== undefined && !index.isRemoved(p)) candidates.add(a);
    }
  }
  // Common terms are not in MiniSearch's title field, and a title-only word has no postings.
  index.titleTerms.forEach((title, a) => {
    if (!index.removedArticles.has(a) && seeds.some((t) => title.includes(t))) candidates.add(a);
  });

  // Term id → its bit among the query terms (≤ 32 terms, the query limit).
  const slot = new Int8Array(index.vocabList.length).fill(-1);
  ids.forEach((id, i) => (slot[id] = i));
  const all = 2 ** ids.length - 1;
  for (const a of [...candidates].sort((x, y) => x - y)) {
    let found = 0;
    for (const t of index.titleTerms[a] ?? []) {
      const s = slot[t] ?? -1;
      if (s >= 0) found |= 1 << s;
    }
    const holding: number[] = [];
    for (const p of index.articlePassages(a)) {
      let here = false;
      for (const t of index.passageTerms(p)) {
        const s = slot[t] ?? -1;
        if (s >= 0) {
          found |= 1 << s;
          here = true;
        }
      }
      if (here) holding.push(p);
    }
    if (mode === 'all' ? found >>> 0 === all : found !== 0) out.set(a, holding);
  }
  return out;
}

/** The passages whose text holds one term, ascending (a common term's include removed ones). */
function passagesWithTerm(index: PassageIndex, term: number): Uint32Array {
  return index.commonPostingsOf(term)?.ids ?? index.textPostings(term);
}
