/**
 * The passage model alone, quickly: every SQuAD question asked once for its pool (askPool, the
 * engine's pool size), the pool's passage features under a fixed sentence model (scorePool with
 * the sentence and span models of `--weights`, by default the committed file), the passage model
 * trained on the training part's articles (linear, then boosted trees, as `train:ask` does) and,
 * on the held-out articles: recall@1/@5 of the gold paragraph and the answer sentence (the top
 * passage's best sentence holds a gold answer), by question type. Then, of the held-out misses
 * with the gold paragraph in the top 5, how many lose to another paragraph of the SAME article
 * and how many to another article.
 *
 * The pools and features are computed once; `--without A,B;C` adds one run per set of features
 * left out (their columns zeroed in training and scoring), so feature sets compare on the same
 * pools in one pass (`--without` with an empty set is the run with every feature).
 *
 *   npm run study:passages -- DOCS.jsonl QUESTIONS.jsonl [--weights FILE] [--without A,B;C] [--label gold|answer|either] [--cache FILE] [--linear] [--article-groups] [--rerank K] [--split-other] [--epochs N] [--l2 X] [--errors N] [--align-headlines DIR,DIR] [--no-align]
 *
 * The word translation table is learnt as `train:ask --part train` learns it (cross-fitted for the
 * training questions, `--align-headlines` adding news headline / lead pairs; `--no-align`: none):
 * the passage features read it.
 *
 * `--article-groups` adds to training, for each question, a second group of the gold article's
 * pool paragraphs alone (the same-article choice weighs twice). `--rerank K` trains a second
 * model on the first model's top K of each training pool alone and lets it reorder those K.
 * `--split-other` gives what/which/how questions passage weights of their own (each feature twice).
 *
 * `--label` says which pool passages the model learns as right: the gold paragraph (as
 * `train:ask` does), those whose best sentence holds a gold answer (what the answer-sentence
 * measure rewards), or either. `--cache FILE` keeps the pools and features between runs (made
 * when missing; refused when the feature list changed).
 *
 * Use `--weights` with a `train:ask --part train` file so the sentence model never saw the
 * held-out articles. `train:ask` / `eval:ask` give the end-to-end figures.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ASK_POOL } from '../src/engine.js';
import { scorePool, withAlign } from '../src/search/answer.js';
import { alignPairs, crossFitAlign, holdsAnswer, type GoldQuestion } from '../src/search/ask-train.js';
import { headlineAlignPairs } from './news-articles.js';
import { DEFAULT_ASK_WEIGHTS, dot, parseWeights, PASSAGE_FEATURES, rankerScore, trainConditionalLogit, type Group } from '../src/search/ask-model.js';
import { trainBoosted, type Tree } from '../src/search/boost.js';
import { heldOutArticles, openSquad } from './squad.js';

const args = process.argv.slice(2);
const valued = ['--errors', '--weights', '--without', '--label', '--cache', '--rerank', '--epochs', '--l2', '--align-headlines'];
const [docsPath, questionsPath] = args.filter((a, i) => !a.startsWith('--') && !valued.includes(args[i - 1] ?? ''));
const usage = 'usage: npm run study:passages -- DOCS.jsonl QUESTIONS.jsonl [--weights FILE] [--without A,B;C] [--label gold|answer|either] [--cache FILE] [--linear] [--article-groups] [--rerank K] [--split-other] [--epochs N] [--l2 X] [--errors N] [--align-headlines DIR,DIR] [--no-align]';
if (!docsPath || !questionsPath) {
  console.error(usage);
  process.exit(1);
}
const valueOf = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const showErrors = Number(valueOf('--errors') ?? 0);
const weightsPath = valueOf('--weights');
const base = weightsPath ? parseWeights(JSON.parse(readFileSync(weightsPath, 'utf8'))) : DEFAULT_ASK_WEIGHTS;
const sets = (valueOf('--without') ?? '').split(';').map((s) => s.split(',').map((f) => f.trim()).filter(Boolean));
for (const f of sets.flat()) {
  if (!(PASSAGE_FEATURES as readonly string[]).includes(f)) {
    console.error(`--without: no passage feature ${f} (features: ${PASSAGE_FEATURES.join(', ')})`);
    process.exit(1);
  }
}
if (!sets.some((s) => s.length === 0)) sets.unshift([]);
const label = valueOf('--label') ?? 'gold';
if (label !== 'gold' && label !== 'answer' && label !== 'either') {
  console.error(`--label must be gold, answer or either (got ${label})`);
  process.exit(1);
}
const cachePath = valueOf('--cache');
const articleGroups = args.includes('--article-groups');
/** A numeric option's value, or a clear refusal: a typo must not silently run the default study. */
const numberOf = (name: string, whole: boolean): number | undefined => {
  const raw = valueOf(name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0 || (whole && !Number.isInteger(n))) {
    console.error(`${name} needs ${whole ? 'a whole number' : 'a number'} ≥ 0 (got ${raw})`);
    process.exit(1);
  }
  return n;
};
const rerankK = numberOf('--rerank', true) ?? 0;
const splitOther = args.includes('--split-other');
// --epochs N / --l2 X: the linear fit's settings (ask-model.ts trainConditionalLogit's defaults otherwise).
const epochs = numberOf('--epochs', true);
const l2 = numberOf('--l2', false);
const fitOptions = { ...(epochs !== undefined ? { epochs } : {}), ...(l2 !== undefined ? { l2 } : {}) };

interface Row {
  g: GoldQuestion;
  type: string;
  group: Group;
  /** Per pool passage: article id, paragraph, whether its best sentence holds a gold answer, that sentence. */
  items: { article: string; paragraph: number; holds: boolean; sentence: string }[];
}
const heldOut = heldOutArticles(docsPath);
let train: Row[] = [];
let test: Row[] = [];
const started = performance.now();
if (cachePath && existsSync(cachePath)) {
  const cached = JSON.parse(readFileSync(cachePath, 'utf8')) as { features: string[]; train: Row[]; test: Row[] };
  if (cached.features.join() !== PASSAGE_FEATURES.join()) {
    console.error(`--cache ${cachePath}: made for other passage features; remove it to recompute`);
    process.exit(1);
  }
  ({ train, test } = cached);
} else {
  const squad = openSquad(docsPath, questionsPath, 'all');
  // The translation table as train:ask --part train learns it (the passage features read it):
  // training questions with cross-fitted tables, held-out ones with the training part's.
  const headlines = (valueOf('--align-headlines') ?? '').split(',').filter(Boolean);
  const extra = headlineAlignPairs(headlines);
  const align = args.includes('--no-align') ? undefined : crossFitAlign(alignPairs(squad.engine, squad.questions.filter((g) => !heldOut.has(g.article))), 'study', {}, undefined, extra);
  try {
    const { index } = squad.engine;
    for (const g of squad.questions) {
      let asked;
      try {
        asked = squad.engine.askPool(g.question, ASK_POOL);
      } catch {
        continue;
      }
      const scored = scorePool(index, asked.pool, withAlign(asked.q, heldOut.has(g.article) ? align?.all : align?.of(g.article)), base);
      const items = scored.map((s) => {
        const p = index.passages[s.ranked.passage];
        return { article: p ? (index.articles[p.article]?.id ?? '') : '', paragraph: p?.paragraph ?? 0, holds: holdsAnswer(s.best.sentence.text, g.answers), sentence: s.best.sentence.text };
      });
      const positive = items.map((it) => it.article === g.article && it.paragraph === g.paragraph);
      const row = { g, type: asked.q.type, group: { features: scored.map((s) => s.features), positive }, items };
      (heldOut.has(g.article) ? test : train).push(row);
    }
  } finally {
    squad.close();
  }
  if (cachePath) writeFileSync(cachePath, JSON.stringify({ features: PASSAGE_FEATURES, train, test }));
}
const featured = performance.now();
console.log(`train ${train.length} questions, held-out ${test.length}; pools and features ${((featured - started) / 1000).toFixed(1)} s`);

// --split-other: every feature twice, the copy only for what/which/how questions (a model of their own beside the typed questions').
const dim = PASSAGE_FEATURES.length * (splitOther ? 2 : 1);
const masked = (g: Group, without: ReadonlySet<number>, type = ''): Group => ({
  ...g,
  features: g.features.map((x) => {
    const kept = x.map((v, i) => (without.has(i) ? 0 : v));
    return splitOther ? [...kept, ...kept.map((v) => (type === 'other' ? v : 0))] : kept;
  }),
});
for (const set of sets) {
  const without = new Set(set.map((f) => (PASSAGE_FEATURES as readonly string[]).indexOf(f)));
  const labelled = (r: Row): Group => ({ ...r.group, positive: r.items.map((it, i) => (label === 'gold' ? r.group.positive[i] : label === 'answer' ? it.holds : r.group.positive[i] || it.holds) ?? false) });
  const groups = train.map((r) => masked(labelled(r), without, r.type)).filter((g) => g.positive.some(Boolean));
  if (articleGroups) {
    // The gold article's own pool paragraphs once more as a group of their own: the choice the misses get wrong.
    for (const r of train) {
      const g = labelled(r);
      const own = r.items.map((it, i) => (it.article === r.g.article ? i : -1)).filter((i) => i >= 0);
      if (own.length < 2 || !own.some((i) => g.positive[i])) continue;
      groups.push(masked({ features: own.map((i) => g.features[i] ?? []), positive: own.map((i) => g.positive[i] ?? false) }, without, r.type));
    }
  }
  const weights = trainConditionalLogit(groups, dim, fitOptions);
  const boost = args.includes('--linear') ? undefined : trainBoosted(groups, dim, (x) => dot(weights, x));
  const ranker = { features: [...PASSAGE_FEATURES], weights, ...(boost ? { trees: boost.trees } : {}) };
  // --rerank K: a second model learns only among the first model's top K of each training pool (the hard choices).
  const topK = (x: readonly number[][]): number[] => x.map((v, i) => ({ i, s: rankerScore(ranker, v) })).sort((a, b) => b.s - a.s).slice(0, rerankK).map((o) => o.i);
  let second: { features: string[]; weights: number[]; trees?: Tree[] } | undefined;
  if (rerankK > 0) {
    const hard = groups.map((g) => {
      const keep = topK(g.features);
      return { features: keep.map((i) => g.features[i] ?? []), positive: keep.map((i) => g.positive[i] ?? false) };
    });
    const w2 = trainConditionalLogit(hard, dim);
    const boost2 = args.includes('--linear') ? undefined : trainBoosted(hard, dim, (x) => dot(w2, x));
    second = { features: [...PASSAGE_FEATURES], weights: w2, ...(boost2 ? { trees: boost2.trees } : {}) };
    console.log(`rerank top ${rerankK}: ${boost2 ? `${boost2.chosen} trees` : 'linear'}`);
  }
  const tallies = new Map<string, { n: number; r1: number; r5: number; sentence: number; top5: number; sameArticle: number; otherArticle: number }>();
  const errors: string[] = [];
  for (const r of test) {
    const x = masked(r.group, without, r.type).features;
    let order = x.map((v, i) => ({ i, s: rankerScore(ranker, v) })).sort((a, b) => b.s - a.s).map((o) => o.i);
    if (second) {
      const model = second;
      const head = order.slice(0, rerankK).sort((a, b) => rankerScore(model, x[b] ?? []) - rankerScore(model, x[a] ?? []));
      order = [...head, ...order.slice(rerankK)];
    }
    const rank = order.findIndex((i) => r.group.positive[i]);
    const top = r.items[order[0] ?? -1];
    for (const key of ['all', r.type]) {
      let t = tallies.get(key);
      if (!t) tallies.set(key, (t = { n: 0, r1: 0, r5: 0, sentence: 0, top5: 0, sameArticle: 0, otherArticle: 0 }));
      t.n++;
      if (rank === 0) t.r1++;
      if (rank >= 0 && rank < 5) t.r5++;
      if (top?.holds) t.sentence++;
      if (rank > 0 && rank < 5 && !top?.holds) {
        t.top5++;
        if (top?.article === r.g.article) t.sameArticle++;
        else t.otherArticle++;
      }
    }
    if (rank > 0 && rank < 5 && !top?.holds && errors.length < showErrors && set === sets[0]) {
      const gold = r.items[order[rank] ?? -1];
      errors.push(`[${r.type}] ${r.g.question}  (${r.g.answers[0] ?? ''})\n  top ${top?.article === r.g.article ? 'same article' : 'other article'} ¶${top?.paragraph ?? 0}: ${top?.sentence ?? ''}\n  gold #${rank + 1} ¶${gold?.paragraph ?? 0}: ${gold?.sentence ?? ''}`);
    }
  }
  console.log(`\nlabel ${label}, without [${set.join(', ')}]  ${boost ? `${boost.chosen} trees (validation top-1 ${boost.validationTop1Before.toFixed(3)} → ${boost.validationTop1After.toFixed(3)})` : 'linear'}`);
  const f = (x: number, n: number): string => (n ? x / n : 0).toFixed(3);
  for (const [k, t] of [...tallies].sort((a, b) => b[1].n - a[1].n)) {
    console.log(
      `${k.padEnd(8)} n ${String(t.n).padStart(5)}  recall@1 ${f(t.r1, t.n)}  recall@5 ${f(t.r5, t.n)}  sentence ${f(t.sentence, t.n)}  wrong passage, gold in top 5 ${f(t.top5, t.n)}: same article ${t.sameArticle}, other article ${t.otherArticle}`,
    );
  }
  for (const e of errors) console.log(e);
}
console.log(`\ntraining and scoring ${((performance.now() - featured) / 1000).toFixed(1)} s`);
