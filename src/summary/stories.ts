import type { Article } from '../archive/types.js';
import { termOf, tokenize } from '../text/tokenize.js';

/** A group of articles about one event, best article first. */
export interface Story {
  /** Best first: the article that shares most with the rest of the story leads it. */
  articles: Article[];
  /** How much the archive wrote about it: articles, plus a little for sources and days. */
  weight: number;
}

/** Two articles are about one event when the title terms they share weigh this much together. */
export const SAME_STORY = 4;
/** A term in more titles than 1 in e^this names a kind of news ("net", "bond"), not an event. */
const COMMON = 2.5;

/** Of the first words of the body, at least this share are figures: a table, not a report. */
const TABULAR = 0.25;

const signatures = new WeakMap<Article, string[]>();
const tables = new WeakMap<Article, boolean>();

/** Results, earnings and price tables: routine items that make no story of their own. */
export function isTabular(a: Article): boolean {
  let t = tables.get(a);
  if (t === undefined) {
    const first = a.headline ? 1 : 0;
    const words = a.paragraphs.slice(first, first + 4).join(' ').split(/\s+/, 60);
    const figures = words.filter((w) => /\d/.test(w)).length;
    t = words.length >= 4 && figures / words.length >= TABULAR;
    tables.set(a, t);
  }
  return t;
}

// An article's title terms: a headline names the event in a few rare words and names.
function signatureOf(a: Article): string[] {
  let sig = signatures.get(a);
  if (sig) return sig;
  const terms = new Set<string>();
  for (const t of tokenize(a.title)) {
    if (t.norm.length < 3 && !t.acronym) continue;
    const term = termOf(t);
    if (term !== null && !/^\d/.test(term)) terms.add(term);
  }
  sig = [...terms];
  signatures.set(a, sig);
  return sig;
}

// How many titles of the whole archive hold each term, counted once per article list.
const titleDfs = new WeakMap<readonly Article[], Map<string, number>>();

function titleDf(all: readonly Article[]): Map<string, number> {
  let df = titleDfs.get(all);
  if (!df) {
    df = new Map<string, number>();
    for (const a of all) for (const t of signatureOf(a)) df.set(t, (df.get(t) ?? 0) + 1);
    titleDfs.set(all, df);
  }
  return df;
}

/**
 * Groups articles into stories. Each article is described by its title terms, each weighing
 * its rarity among the archive's titles (idf); terms common in titles ("net", "says") and
 * terms that do not recur in the period are dropped. Two articles sharing at least two terms
 * that weigh SAME_STORY together are one story (single link, by union-find): a name and
 * an event word ("Iran" + "attack"), not a kind of news ("qtr" + "net"). Only articles
 * sharing a term are compared, through an inverted list. Stories come out heaviest first:
 * the most articles, then the most sources and days.
 */
export function groupStories(articles: readonly Article[], archive: readonly Article[] = articles): Story[] {
  const n = articles.length;
  if (n === 0) return [];
  const df = titleDf(archive);
  const total = Math.max(archive.length, n);
  const periodDf = new Map<string, number>();
  const sigs = articles.map((a) => (isTabular(a) ? [] : signatureOf(a)));
  for (const s of sigs) for (const t of s) periodDf.set(t, (periodDf.get(t) ?? 0) + 1);
  // Rarity in the archive, plus how much more often the period's titles use the term than
  // the archive's do: "stock" is common, but not in a quarter of one day's headlines.
  const idf = (t: string): number => {
    const base = Math.log((total + 1) / (1 + (df.get(t) ?? 0)));
    const lift = Math.log(((periodDf.get(t) ?? 0) / n) * ((total + 1) / (1 + (df.get(t) ?? 0))));
    return base + 2 * Math.max(0, lift);
  };
  const ids = new Map<string, number>();
  const weights: number[] = [];
  const vectors = sigs.map((s) => {
    const out: number[] = [];
    for (const t of s) {
      if ((periodDf.get(t) ?? 0) < 2 || idf(t) < COMMON) continue;
      let id = ids.get(t);
      if (id === undefined) {
        id = ids.size;
        ids.set(t, id);
        weights.push(idf(t));
      }
      out.push(id);
    }
    return out;
  });
  // Each article joins the story whose terms it shares most, counting a shared term by its
  // weight times the share of the story's articles that have it, if that reaches SAME_STORY;
  // else it starts a story. Weighing by share keeps one word from chaining unrelated
  // articles into a story (single link would: "oil" + "price", then "price" + "cut", …).
  const clusterOf = new Int32Array(n);
  const sizes: number[] = [];
  const termCounts: Map<number, number>[] = [];
  const clustersWith: number[][] = Array.from({ length: ids.size }, () => []);
  const score = new Float64Array(n);
  const hits = new Int32Array(n);
  const touched: number[] = [];
  for (let a = 0; a < n; a++) {
    const v = vectors[a] ?? [];
    for (const id of v) {
      const w = weights[id] ?? 0;
      for (const c of clustersWith[id] ?? []) {
        if (hits[c] === 0) touched.push(c);
        hits[c] = (hits[c] ?? 0) + 1;
        score[c] = (score[c] ?? 0) + (w * (termCounts[c]?.get(id) ?? 0)) / (sizes[c] ?? 1);
      }
    }
    let best = -1;
    let bestScore = SAME_STORY;
    for (const c of touched) {
      if ((hits[c] ?? 0) >= 2 && (score[c] ?? 0) >= bestScore) {
        bestScore = score[c] ?? 0;
        best = c;
      }
      hits[c] = 0;
      score[c] = 0;
    }
    touched.length = 0;
    if (best < 0) {
      best = sizes.length;
      sizes.push(0);
      termCounts.push(new Map());
    }
    clusterOf[a] = best;
    sizes[best] = (sizes[best] ?? 0) + 1;
    const counts = termCounts[best] ?? new Map<number, number>();
    for (const id of v) {
      const k = counts.get(id) ?? 0;
      if (k === 0) clustersWith[id]?.push(best);
      counts.set(id, k + 1);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = clusterOf[i] ?? i;
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  const stories: Story[] = [];
  for (const members of groups.values()) {
    // The most typical article leads: the one whose terms the rest of the story share most.
    const count = new Map<number, number>();
    for (const m of members) for (const id of vectors[m] ?? []) count.set(id, (count.get(id) ?? 0) + 1);
    const typical = (m: number): number => (vectors[m] ?? []).reduce((s, id) => s + (weights[id] ?? 0) * ((count.get(id) ?? 1) - 1), 0);
    const ordered = members.map((m) => ({ m, s: typical(m) })).sort((x, y) => y.s - x.s || x.m - y.m);
    const list = ordered.map((x) => articles[x.m] as Article);
    stories.push({ articles: list, weight: weightOfStory(list) });
  }
  // Ties: the story whose lead article is newest (then the higher id) first, as the flat list.
  return stories.sort((x, y) => y.weight - x.weight || newer(x.articles[0], y.articles[0]));
}

function newer(a: Article | undefined, b: Article | undefined): number {
  const da = a?.date ?? '';
  const db = b?.date ?? '';
  if (da !== db) return da < db ? 1 : -1;
  return (b?.id ?? '').localeCompare(a?.id ?? '', 'en', { numeric: true });
}

/** Articles, then a little for every further source and day: a story many desks carried over days matters more. */
function weightOfStory(articles: readonly Article[]): number {
  const sources = new Set(articles.map((a) => a.source ?? '')).size;
  const days = new Set(articles.map((a) => a.date ?? '')).size;
  return articles.length + 0.5 * (sources - 1) + 0.5 * (days - 1);
}
