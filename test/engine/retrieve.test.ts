import fc from 'fast-check';
import MiniSearch, { type SearchResult } from 'minisearch';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/archive/types.js';
import { DEFAULT_INDEX_SETTINGS, miniOptions, PassageIndex, type IndexSettings } from '../../src/search/index.js';
import { retrieveTop } from '../../src/search/retrieve.js';

// Few distinct words, so passages share terms, scores tie, and prefixes and one-letter slips
// reach several terms; a few near-spellings make fuzzy expansion find more than one.
const WORDS = ['harbor', 'harbour', 'harbors', 'council', 'counsel', 'water', 'waters', 'contract', 'contracts', 'city', 'cities', 'mayor', 'budget', 'budgets', 'river', 'rivers', 'port', 'ports', 'vote', 'voted', 'fees', 'fee', 'ride', 'riders', 'driver', 'drivers', '1987', '100', '2020'];
const word = fc.constantFrom(...WORDS);
const sentence = fc.array(word, { minLength: 1, maxLength: 14 }).map((ws) => `${ws.join(' ')}.`);
const article = fc.record({
  title: fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' ')),
  paragraphs: fc.array(fc.array(sentence, { minLength: 1, maxLength: 3 }).map((ss) => ss.join(' ')), { minLength: 1, maxLength: 4 }),
});
// Query words: index words, their prefixes, slips of a letter, and words no passage has.
const queryWord = fc.oneof(
  word,
  word.map((w) => w.slice(0, Math.max(3, w.length - 2))),
  fc.tuple(word, fc.nat(), fc.constantFrom('a', 'e', 'o', 'x')).map(([w, at, c]) => w.slice(0, at % w.length) + c + w.slice((at % w.length) + 1)),
  fc.constantFrom('xylophone', 'zebras', 'harborz', 'councilors'),
);
const query = fc.record({
  terms: fc.array(queryWord, { minLength: 1, maxLength: 5 }),
  prefixLast: fc.boolean(),
  limit: fc.integer({ min: 1, max: 12 }),
  filterMod: fc.integer({ min: 0, max: 3 }),
});

const toArticle = (a: { title: string; paragraphs: string[] }, i: number): Article => ({
  id: `a${String(i).padStart(4, '0')}`,
  title: a.title,
  date: null,
  paragraphs: a.paragraphs,
  headline: false,
});

/** What `retrieve` replaces: MiniSearch's own search, every result, then the first `limit`. */
function viaMiniSearch(index: PassageIndex, terms: readonly string[], prefixLast: boolean, limit: number, filter?: (p: number) => boolean) {
  const results = index.mini.search(terms.join(' '), {
    tokenize: (s) => s.split(' '),
    processTerm: (t) => t,
    prefix: (term, i, all) => prefixLast && i === all.length - 1 && term.length >= 3,
    fuzzy: (term) => (!index.vocab.has(term) && term.length >= 5 ? (term.length >= 8 ? 2 : 1) : false),
    maxFuzzy: 2,
    weights: { prefix: 0.6, fuzzy: 0.45 },
    combineWith: 'OR',
    boost: { title: index.settings.titleBoost },
    bm25: index.settings.bm25,
    ...(filter ? { filter: (r: SearchResult) => filter(r.id as number) } : {}),
  });
  return results.slice(0, limit).map((r) => ({ id: r.id as number, score: r.score, terms: r.terms }));
}

function viaRetrieve(index: PassageIndex, terms: readonly string[], prefixLast: boolean, limit: number, filter?: (p: number) => boolean) {
  return index.retrieve(terms, { prefixLast, fuzzy: (t) => !index.vocab.has(t) && t.length >= 5, limit, ...(filter ? { filter } : {}) });
}

/** The same through `retrieveTop` with every query added up densely (no list merging). */
function viaDenseRetrieve(index: PassageIndex, terms: readonly string[], prefixLast: boolean, limit: number, filter?: (p: number) => boolean) {
  const specs = terms.map((term, i) => ({
    term,
    prefix: prefixLast && i === terms.length - 1 && term.length >= 3,
    fuzzy: !index.vocab.has(term) && term.length >= 5 ? (term.length >= 8 ? 2 : 1) : 0,
  }));
  const fields = [
    { id: 0, boost: index.settings.titleBoost },
    { id: 1, boost: 1 },
  ];
  return retrieveTop(index.mini, specs, { fields, weights: { prefix: 0.6, fuzzy: 0.45 }, bm25: index.settings.bm25, limit, mergeLists: 0, ...(filter ? { filter } : {}) });
}

const SETTINGS: IndexSettings[] = [DEFAULT_INDEX_SETTINGS, { ...DEFAULT_INDEX_SETTINGS, commonMinDf: 3, commonShare: 0.3 }];

describe('retrieve', () => {
  it('GIVEN random archives and queries THEN merged or added up densely, it returns exactly MiniSearch search’s first results (ids, scores, order, terms)', () => {
    fc.assert(
      fc.property(fc.array(article, { minLength: 1, maxLength: 14 }), fc.array(query, { minLength: 1, maxLength: 6 }), fc.constantFrom(...SETTINGS), (arts, queries, settings) => {
        const index = PassageIndex.build(arts.map(toArticle), settings);
        for (const q of queries) {
          const filter = q.filterMod > 0 ? (p: number) => p % (q.filterMod + 1) !== 0 : undefined;
          const want = viaMiniSearch(index, q.terms, q.prefixLast, q.limit, filter);
          expect(viaRetrieve(index, q.terms, q.prefixLast, q.limit, filter)).toEqual(want);
          expect(viaDenseRetrieve(index, q.terms, q.prefixLast, q.limit, filter)).toEqual(want);
        }
      }),
      { numRuns: 150, seed: 16016 },
    );
  });

  it('GIVEN live removals and additions THEN it stays equal to MiniSearch, which drops removed postings as it meets them', () => {
    fc.assert(
      fc.property(
        fc.array(article, { minLength: 2, maxLength: 10 }),
        fc.array(article, { maxLength: 4 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.array(query, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...SETTINGS),
        (arts, added, removed, queries, settings) => {
          // Two equal indexes: MiniSearch changes its postings while searching, so each side
          // answers the same sequence of queries on its own copy.
          const [a, b] = [0, 1].map(() => {
            const index = PassageIndex.build(arts.map(toArticle), settings);
            for (const r of removed) index.removeArticle(r % arts.length);
            added.forEach((x, i) => index.addArticle(toArticle(x, arts.length + i)));
            return index;
          }) as [PassageIndex, PassageIndex];
          for (const q of queries) {
            const filter = q.filterMod > 0 ? (p: number) => p % (q.filterMod + 1) !== 0 : undefined;
            expect(viaRetrieve(b, q.terms, q.prefixLast, q.limit, filter)).toEqual(viaMiniSearch(a, q.terms, q.prefixLast, q.limit, filter));
          }
        },
      ),
      { numRuns: 100, seed: 16017 },
    );
  });

  it('GIVEN a MiniSearch filled by addAll (no compact postings, nothing seeded) THEN it equals search there too, before and after additions', () => {
    fc.assert(
      fc.property(fc.array(article, { minLength: 1, maxLength: 8 }), fc.array(query, { minLength: 1, maxLength: 4 }), (arts, queries) => {
        const index = PassageIndex.build(arts.map(toArticle), DEFAULT_INDEX_SETTINGS);
        const mini = new MiniSearch<{ id: number }>(miniOptions(index));
        const half = Math.ceil(index.passages.length / 2);
        mini.addAll(index.passages.slice(0, half).map((_, id) => ({ id })));
        const opts = { fields: [{ id: 0, boost: index.settings.titleBoost }, { id: 1, boost: 1 }], weights: { prefix: 0.6, fuzzy: 0.45 }, bm25: index.settings.bm25 };
        for (const round of [0, 1]) {
          if (round === 1) mini.addAll(index.passages.slice(half).map((_, i) => ({ id: half + i })));
          for (const q of queries) {
            const specs = q.terms.map((term, i) => ({ term, prefix: q.prefixLast && i === q.terms.length - 1 && term.length >= 3, fuzzy: 0 }));
            const want = mini
              .search(q.terms.join(' '), { tokenize: (s) => s.split(' '), processTerm: (t) => t, prefix: (_t, i, all) => specs[i]?.prefix === true && i === all.length - 1, combineWith: 'OR', boost: { title: index.settings.titleBoost }, weights: opts.weights, bm25: opts.bm25 })
              .slice(0, q.limit)
              .map((r) => ({ id: r.id as number, score: r.score, terms: r.terms }));
            expect(retrieveTop(mini, specs, { ...opts, limit: q.limit })).toEqual(want);
          }
        }
      }),
      { numRuns: 60, seed: 16019 },
    );
  });

  it('GIVEN equal scores THEN the passage found through the earlier query term comes first, as in MiniSearch', () => {
    const texts = [
      ['alpha', 'gamma delta.'],
      ['beta', 'river city.'],
      ['kappa', 'lambda mu.'],
      ['omega', 'harbor city.'],
    ];
    const index = PassageIndex.build(
      texts.map(([title, text], i) => toArticle({ title: title ?? '', paragraphs: [text ?? ''] }, i)),
      DEFAULT_INDEX_SETTINGS,
    );
    for (const limit of [1, 2]) {
      const got = viaRetrieve(index, ['harbor', 'river'], false, limit);
      expect(got).toEqual(viaMiniSearch(index, ['harbor', 'river'], false, limit));
      expect(got.map((r) => r.id)).toEqual([3, 1].slice(0, limit));
      expect(viaDenseRetrieve(index, ['harbor', 'river'], false, limit)).toEqual(got);
    }
  });

  it('GIVEN a term given twice THEN it is scored twice but counted once among the matched query terms, as in MiniSearch', () => {
    const index = PassageIndex.build(
      [toArticle({ title: 'harbor news', paragraphs: ['The harbor council voted.', 'Water fees rose.'] }, 0), toArticle({ title: 'city', paragraphs: ['The harbor.'] }, 1)],
      DEFAULT_INDEX_SETTINGS,
    );
    const terms = ['harbor', 'council', 'harbor'];
    const got = viaRetrieve(index, terms, false, 10);
    expect(got.length).toBeGreaterThan(1);
    expect(got).toEqual(viaMiniSearch(index, terms, false, 10));
  });

  it('GIVEN a loaded index THEN querying reads compact postings in place instead of making Maps of them', () => {
    const arts = ['harbor water council', 'harbor city budget', 'river port fees'].map((t, i) => toArticle({ title: t, paragraphs: [`${t} and more ${t}.`] }, i));
    const built = PassageIndex.build(arts, DEFAULT_INDEX_SETTINGS);
    const index = PassageIndex.restore(
      { articles: built.articles, passages: built.passages, vocabList: built.vocabList, passageTerms: built.passages.map((_, p) => built.passageTerms(p)), titleTerms: built.titleTerms },
      DEFAULT_INDEX_SETTINGS,
    );
    const data = (index.mini as unknown as { _index: { get(t: string): { compact(f: number): unknown } } })._index.get('harbor');
    expect(data.compact(1)).not.toBeUndefined();
    expect(viaRetrieve(index, ['harbor', 'wate'], true, 5).map((r) => r.id)).toEqual([0, 1]);
    expect(data.compact(1)).not.toBeUndefined();
    // MiniSearch's own search makes the Maps (and finds the same).
    expect(viaMiniSearch(index, ['harbor', 'wate'], true, 5).map((r) => r.id)).toEqual([0, 1]);
    expect(data.compact(1)).toBeUndefined();
  });
});

/** The first implementation of `commonCandidates` (score all, sort all), kept as the reference. */
function commonCandidatesByScoringAll(index: PassageIndex, termIds: readonly number[], k: number, filter?: (p: number) => boolean): number[] {
  const lists = termIds.flatMap((t) => index.commonPostingsOf(t) ?? []).sort((a, b) => a.ids.length - b.ids.length);
  const first = lists[0];
  if (!first) return [];
  let entries = [...first.ids].map((p, i) => ({ p, f: first.tf[i] ?? 1 }));
  const second = lists[1];
  if (second) {
    const both = entries.filter((e) => second.ids.includes(e.p));
    if (both.length > 0) entries = both;
  }
  const { k: k1, b } = index.settings.bm25;
  const scores = entries.map(({ p, f }) =>
    index.isRemoved(p) || (filter && !filter(p)) ? -1 : (f * (k1 + 1)) / (f + k1 * (1 - b + (b * index.passageTerms(p).length) / index.avgLength)),
  );
  const sorted = [...scores].sort((x, y) => x - y);
  const threshold = Math.max(0, sorted[Math.max(0, sorted.length - k)] ?? 0);
  const out: number[] = [];
  for (let i = 0; i < entries.length && out.length < k; i++) if ((scores[i] ?? -1) > threshold) out.push(entries[i]?.p ?? 0);
  for (let i = 0; i < entries.length && out.length < k; i++) if (scores[i] === threshold) out.push(entries[i]?.p ?? 0);
  return out;
}

describe('common candidates', () => {
  it('GIVEN random archives, common-word queries, removals and filters THEN the best k are those of scoring every passage', () => {
    const common: IndexSettings = { ...DEFAULT_INDEX_SETTINGS, commonMinDf: 2, commonShare: 0.05 };
    fc.assert(
      fc.property(
        fc.array(article, { minLength: 1, maxLength: 16 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        fc.array(fc.record({ words: fc.array(word, { minLength: 1, maxLength: 4 }), k: fc.integer({ min: 1, max: 8 }), filterMod: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 5 }),
        (arts, removed, queries) => {
          const index = PassageIndex.build(arts.map(toArticle), common);
          for (const r of removed) index.removeArticle(r % arts.length);
          for (const q of queries) {
            const ids = q.words.map((w) => index.vocab.get(w)).filter((id): id is number => id !== undefined);
            const filter = q.filterMod > 0 ? (p: number) => p % (q.filterMod + 1) !== 0 : undefined;
            expect(index.commonCandidates(ids, q.k, filter)).toEqual(commonCandidatesByScoringAll(index, ids, q.k, filter));
          }
        },
      ),
      { numRuns: 200, seed: 16018 },
    );
  });
});

describe('text postings', () => {
  it('GIVEN random archives with live changes THEN the passages holding a term are those MiniSearch finds for it', () => {
    fc.assert(
      fc.property(fc.array(article, { minLength: 1, maxLength: 10 }), fc.array(article, { maxLength: 3 }), fc.array(fc.nat(), { maxLength: 3 }), (arts, added, removed) => {
        const index = PassageIndex.build(arts.map(toArticle), DEFAULT_INDEX_SETTINGS);
        for (const r of removed) index.removeArticle(r % arts.length);
        added.forEach((x, i) => index.addArticle(toArticle(x, arts.length + i)));
        index.vocabList.forEach((term, id) => {
          const got = [...index.textPostings(id)];
          const found = index.mini.search(term, { fields: ['text'], tokenize: (s) => [s], processTerm: (t) => t, prefix: false, fuzzy: false });
          expect(got).toEqual(found.map((r) => r.id as number).sort((a, b) => a - b));
        });
      }),
      { numRuns: 60, seed: 16020 },
    );
  });
});
