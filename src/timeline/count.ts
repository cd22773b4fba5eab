import type { PassageIndex } from '../search/index.js';

/**
 * Every article that holds ALL the query's index terms (stemmed, stop words out, as search
 * reads the query), each in its text or its title, with the passages of that article that hold
 * at least one of them (ascending).
 *
 * All terms, not any: a timeline counts articles about the query ("oil prices" = articles that
 * speak of oil and of prices), and an OR would flood it with every article naming a price. No
 * fuzzy or prefix matching either: a count must be exact. A term the archive never uses means
 * no article matches.
 *
 * Work: the rarest term's postings give the candidate articles (common terms have compact
 * postings, the rest come from MiniSearch), then each candidate's term ids are scanned once.
 * Article numbers are the index's (removed articles are tombstones there, and are skipped).
 * That is bounded by the candidates' length, at worst the archive's, with no per-match search.
 */
export function articlesWithAllTerms(index: PassageIndex, qTerms: readonly string[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const ids: number[] = [];
  for (const t of qTerms) {
    const id = index.vocab.get(t);
    if (id === undefined) return out;
    if (!ids.includes(id)) ids.push(id);
  }
  ids.sort((a, b) => (index.df[a] ?? 0) - (index.df[b] ?? 0));
  const rarest = ids[0];
  if (rarest === undefined) return out;

  const candidates = new Set<number>();
  for (const p of passagesWithTerm(index, rarest)) {
    const a = index.passages[p]?.article;
    if (a !== undefined && !index.isRemoved(p)) candidates.add(a);
  }
  // Common terms are not in MiniSearch's title field, and a title-only word has no postings.
  index.titleTerms.forEach((title, a) => {
    if (title.includes(rarest) && !index.removedArticles.has(a)) candidates.add(a);
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
    if (found >>> 0 === all) out.set(a, holding);
  }
  return out;
}

/** The passages whose text holds one term, ascending. */
function passagesWithTerm(index: PassageIndex, term: number): Uint32Array {
  const post = index.commonPostingsOf(term);
  if (post) return post.ids;
  const word = index.vocabList[term] ?? '';
  const results = index.mini.search(word, {
    fields: ['text'],
    tokenize: (s) => [s],
    processTerm: (t) => t,
    prefix: false,
    fuzzy: false,
  });
  const ids = new Uint32Array(results.length);
  results.forEach((r, i) => (ids[i] = typeof r.id === 'number' ? r.id : 0));
  return ids.sort();
}
