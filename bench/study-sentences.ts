/**
 * The sentence model alone, quickly: for every SQuAD question the sentences of its gold
 * paragraph with their features (scoreSentences), the model trained on the training part's
 * articles (linear, then boosted trees, as `train:ask` does) and its top-1 accuracy on the
 * held-out articles, by question type. A minute instead of the full train + eval round, for
 * trying sentence features; `train:ask` / `eval:ask` give the end-to-end figures.
 *
 * `--weights FILE` also reads the held-out groups with that file's sentence model (trained against
 * pool passages too, for the passage model) and its pick model (the sentence `ask` shows).
 *
 * The word translation table (align.ts) is learnt as `train:ask --part train` learns it: the
 * training part's questions are read with cross-fitted tables, the held-out ones with the table
 * of the whole training part. `--no-align`: no table (its features are 0), for an A/B;
 * `--align-headlines DIR,DIR` as in train:ask. `--alone F,F`: each feature's own held-out
 * top-1 (the first of tied sentences; and how often a right one is among the tied best).
 *
 * `--pick-into FILE` writes the study's model (trained as `train:ask` trains the pick model: the
 * training part's gold paragraphs, linear then trees) into that weights file as its pick model,
 * to measure the pick model end to end without a full retrain.
 *
 * `--drop F,F`: those features read 0 for training and testing (an A/B of features without removing them).
 *
 * `--relative`: three features of a sentence against its paragraph's others (withRelative), a study only.
 *
 * `--inner`: train and test inside the training part (every third of its articles tested; the held-out part is not
 * read), to check on articles no reading of held-out misses has guided. `--compare F,F`: the same rows also fitted
 * with those features at 0, and the test questions gained and lost by them (paired, with a sign test). Several sets,
 * `--compare "A,B;C"`: each set alone against the rows with every listed feature at 0.
 *
 * `--rows-out FILE`: the rows' groups (type, article, features, right sentences) as JSON, for fitting model variants
 * outside the study (refused with `--relative`, whose extra columns are not SENTENCE_FEATURES).
 *
 *   npm run study:sentences -- DOCS.jsonl QUESTIONS.jsonl [--relative] [--linear] [--errors N] [--weights FILE] [--pick-into FILE] [--no-align] [--align-headlines DIR,DIR] [--alone F,F] [--drop F,F] [--inner] [--compare F,F[;F]] [--rows-out FILE]
 */
import { alignPairs, crossFitAlign, goldSentences, type GoldQuestion } from '../src/search/ask-train.js';
import { withAlign } from '../src/search/answer.js';
import { dot, rankerScore, SENTENCE_FEATURES, trainConditionalLogit, type Group } from '../src/search/ask-model.js';
import { trainBoosted } from '../src/search/boost.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseWeights } from '../src/search/ask-model.js';
import { articleId, heldOutArticles, openSquad } from './squad.js';
import { headlineAlignPairs } from './news-articles.js';

const args = process.argv.slice(2);
const valued = ['--errors', '--weights', '--pick-into', '--align-headlines', '--alone', '--drop', '--compare', '--rows-out'];
const [docsPath, questionsPath] = args.filter((a, i) => !a.startsWith('--') && !valued.includes(args[i - 1] ?? ''));
if (!docsPath || !questionsPath) {
  console.error('usage: npm run study:sentences -- DOCS.jsonl QUESTIONS.jsonl [--linear] [--errors N] [--weights FILE] [--pick-into FILE] [--no-align] [--align-headlines DIR,DIR] [--alone F,F] [--drop F,F] [--inner] [--compare F,F[;F]] [--rows-out FILE]');
  process.exit(1);
}
// Refused before the minutes of featuring, not after: a missing FILE would be written to ''.
const rowsPath = args.includes('--rows-out') ? args[args.indexOf('--rows-out') + 1] : undefined;
if (args.includes('--rows-out') && (!rowsPath || rowsPath.startsWith('--'))) {
  console.error('--rows-out needs a FILE: npm run study:sentences -- DOCS.jsonl QUESTIONS.jsonl … [--rows-out FILE]');
  process.exit(1);
}
/** A flag's comma-separated sentence feature names with their places; an unknown name stops the study. */
function featureList(flag: string): Array<readonly [string, number]> {
  const names = args.includes(flag) ? (args[args.indexOf(flag) + 1] ?? '').split(/[,;]/).filter(Boolean) : [];
  return names.map((name) => {
    const k = SENTENCE_FEATURES.indexOf(name as (typeof SENTENCE_FEATURES)[number]);
    if (k < 0) {
      console.error(`${flag}: no sentence feature ${name}`);
      process.exit(1);
    }
    return [name, k] as const;
  });
}
const alone = featureList('--alone');
/**
 * `--relative`: each sentence also read against its paragraph's others (not in SENTENCE_FEATURES;
 * a study only): its typed candidates against the paragraph's most, whether it stands right before
 * the best-overlap sentence, and its signed distance from it (sentences, over 5, clipped to ±1).
 */
const relative = args.includes('--relative');
const RELATIVE = ['typedVsBest', 'beforeBest', 'fromBest'] as const;
const IS_BEST = SENTENCE_FEATURES.indexOf('isBest');
function withRelative(xs: number[][], typed: readonly number[]): number[][] {
  const most = Math.max(0, ...typed);
  const bestAt = xs.findIndex((x) => x[IS_BEST] === 1);
  return xs.map((x, i) => [
    ...x,
    (typed[i] ?? 0) - most,
    bestAt >= 0 && i === bestAt - 1 ? 1 : 0,
    bestAt >= 0 ? Math.max(-1, Math.min(1, (i - bestAt) / 5)) : 0,
  ]);
}
const dropped = featureList('--drop').map(([, k]) => k);
const errorsAt = args.indexOf('--errors');
const showErrors = errorsAt >= 0 ? Number(args[errorsAt + 1] ?? 20) : 0;
const weightsAt = args.indexOf('--weights');
const givenWeights = weightsAt >= 0 ? parseWeights(JSON.parse(readFileSync(args[weightsAt + 1] ?? '', 'utf8'))) : undefined;
const given = givenWeights?.sentence;
const givenPick = givenWeights?.pick;
// The same split as openSquad; with --inner a split inside the training part (every third of its articles, in file
// order), the held-out part left out entirely: a check on articles that no reading of held-out misses has guided.
const inner = args.includes('--inner');
const outer = heldOutArticles(docsPath);
const heldOut = inner ? innerHeldOut(docsPath, outer) : outer;
const squad = openSquad(docsPath, questionsPath, inner ? 'train' : 'all');
interface Row {
  g: GoldQuestion;
  type: string;
  group: Group;
  texts: string[];
}
const train: Row[] = [];
const test: Row[] = [];
const started = performance.now();
// The translation table as train:ask --part train learns it: training questions read with cross-fitted tables, held-out ones with the training part's.
const headlines = args.includes('--align-headlines') ? (args[args.indexOf('--align-headlines') + 1] ?? '').split(',').filter(Boolean) : [];
const extra = headlineAlignPairs(headlines);
if (headlines.length) console.log(`headline / lead pairs: ${extra.length}`);
const align = args.includes('--no-align') ? undefined : crossFitAlign(alignPairs(squad.engine, squad.questions.filter((g) => !heldOut.has(g.article))), 'study', {}, undefined, extra);
try {
  for (const g of squad.questions) {
    let q;
    try {
      q = withAlign(squad.engine.askPool(g.question, 1).q, heldOut.has(g.article) ? align?.all : align?.of(g.article));
    } catch {
      continue;
    }
    const gold = goldSentences(squad.engine, g, q);
    if (!gold || !gold.positive.some(Boolean)) continue;
    const base = gold.sentences.map((s) => s.features.map((x, k) => (dropped.includes(k) ? 0 : x)));
    const features = relative ? withRelative(base, gold.sentences.map((s) => s.typed.length)) : base;
    const row = { g, type: q.type, group: { features, positive: gold.positive }, texts: gold.sentences.map((s) => s.sentence.text) };
    (heldOut.has(g.article) ? test : train).push(row);
  }
} finally {
  squad.close();
}
const featured = performance.now();
// --rows-out FILE: the rows' groups (type, features, right sentences) as JSON, for fitting variants outside the study.
if (args.includes('--rows-out') && relative) {
  console.error('--rows-out: the --relative rows have columns beyond SENTENCE_FEATURES');
  process.exit(1);
}
if (rowsPath) {
  const rowsOut = (rs: Row[]) => rs.map((r) => ({ type: r.type, article: r.g.article, group: r.group }));
  writeFileSync(rowsPath, JSON.stringify({ features: SENTENCE_FEATURES, train: rowsOut(train), test: rowsOut(test) }));
}
if (inner) console.log(`inner split of the training part: ${heldOut.size} of ${new Set(squad.questions.map((g) => g.article)).size} articles tested`);
const dim = SENTENCE_FEATURES.length + (relative ? RELATIVE.length : 0);
const weights = trainConditionalLogit(
  train.map((r) => r.group),
  dim,
);
const boost = args.includes('--linear') ? undefined : trainBoosted(train.map((r) => r.group), dim, (x) => dot(weights, x));
const ranker = { features: [...SENTENCE_FEATURES], weights, ...(boost ? { trees: boost.trees } : {}) };
const top = (r: Row, score: (x: readonly number[]) => number): number => {
  let best = 0;
  r.group.features.forEach((x, i) => {
    if (score(x) > score(r.group.features[best] ?? [])) best = i;
  });
  return best;
};
const tallies = new Map<string, { n: number; multi: number; linear: number; model: number; given: number; pick: number }>();
const errors: string[] = [];
for (const r of test) {
  const lin = top(r, (x) => dot(weights, x));
  const mod = top(r, (x) => rankerScore(ranker, x));
  const giv = given ? top(r, (x) => rankerScore(given, x)) : -1;
  const pic = givenPick ? top(r, (x) => rankerScore(givenPick, x)) : -1;
  for (const key of ['all', r.type]) {
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = { n: 0, multi: 0, linear: 0, model: 0, given: 0, pick: 0 }));
    t.n++;
    if (r.group.features.length > 1) t.multi++;
    if (r.group.positive[lin]) t.linear++;
    if (r.group.positive[mod]) t.model++;
    if (r.group.positive[giv]) t.given++;
    if (r.group.positive[pic]) t.pick++;
  }
  if (!r.group.positive[mod] && errors.length < showErrors) {
    const right = r.group.positive.findIndex(Boolean);
    errors.push(`[${r.type}] ${r.g.question}  (${r.g.answers[0] ?? ''})\n  chose #${mod}: ${r.texts[mod] ?? ''}\n  right #${right}: ${r.texts[right] ?? ''}`);
  }
}
console.log(`train ${train.length} groups, held-out ${test.length}; features ${((featured - started) / 1000).toFixed(1)} s, training ${((performance.now() - featured) / 1000).toFixed(1)} s${boost ? `, ${boost.chosen} trees` : ''}`);
for (const [k, t] of [...tallies].sort((a, b) => b[1].n - a[1].n)) {
  console.log(`${k.padEnd(8)} n ${String(t.n).padStart(5)}  multi-sentence ${String(t.multi).padStart(5)}  linear ${(t.linear / t.n).toFixed(3)}  model ${(t.model / t.n).toFixed(3)}${given ? `  given sentence model ${(t.given / t.n).toFixed(3)}` : ''}${givenPick ? `  given pick model ${(t.pick / t.n).toFixed(3)}` : ''}`);
}
for (const e of errors) console.log(e);
for (const [name, k] of alone) {
  const right = test.filter((r) => r.group.positive[top(r, (x) => x[k] ?? 0)]).length;
  const oracle = test.filter((r) => r.group.features.some((x, i) => r.group.positive[i] && x[k] === Math.max(...r.group.features.map((y) => y[k] ?? 0)))).length;
  console.log(`alone ${name}: ${(right / test.length).toFixed(3)} (ties broken first; a right one among the best ${(oracle / test.length).toFixed(3)})`);
}
// --compare F,F: the same rows fitted again with those features at 0, paired per test question (the features' own effect).
// --compare "A,B;C": one comparison per set, each against the rows with EVERY listed feature at 0 (each set's own effect).
const compareSets = (args.includes('--compare') ? (args[args.indexOf('--compare') + 1] ?? '') : '').split(';').filter(Boolean);
const comparedAll = featureList('--compare').map(([, k]) => k);
const fitWithout = (zeroed: readonly number[]) => {
  const without = (g: Group): Group => ({ ...g, features: g.features.map((x) => x.map((v, k) => (zeroed.includes(k) ? 0 : v))) });
  const rows = train.map((r) => without(r.group));
  const w = trainConditionalLogit(rows, dim);
  const b = args.includes('--linear') ? undefined : trainBoosted(rows, dim, (x) => dot(w, x));
  return { without, w, b, r: { features: [...SENTENCE_FEATURES], weights: w, ...(b ? { trees: b.trees } : {}) } };
};
if (comparedAll.length) {
  const base = fitWithout(comparedAll);
  for (const set of compareSets) {
    const mine = set.split(',').map((name) => SENTENCE_FEATURES.indexOf(name as (typeof SENTENCE_FEATURES)[number]));
    // One set: the full model is "with" (as before); several: each set alone on top of the base.
    const other = compareSets.length === 1 ? undefined : fitWithout(comparedAll.filter((k) => !mine.includes(k)));
    const withModel = other ? other.r : ranker;
    const withLinear = other ? other.w : weights;
    const withRows = other ? other.without : (g: Group) => g;
    for (const [label, withScore, withoutScore] of [
      ['linear', (x: readonly number[]) => dot(withLinear, x), (x: readonly number[]) => dot(base.w, x)],
      ['model', (x: readonly number[]) => rankerScore(withModel, x), (x: readonly number[]) => rankerScore(base.r, x)],
    ] as const) {
      let gained = 0;
      let lost = 0;
      let rightWithout = 0;
      for (const r of test) {
        const a = r.group.positive[top({ ...r, group: withRows(r.group) }, withScore)] ?? false;
        const b = r.group.positive[top({ ...r, group: base.without(r.group) }, withoutScore)] ?? false;
        if (b) rightWithout++;
        if (a && !b) gained++;
        if (b && !a) lost++;
      }
      console.log(`compare ${set} ${label}: without ${(rightWithout / test.length).toFixed(3)} → with ${((rightWithout + gained - lost) / test.length).toFixed(3)}; gained ${gained}, lost ${lost} (sign test p ${signTest(gained, lost).toFixed(3)})${base.b && label === 'model' ? `; ${base.b.chosen} trees without` : ''}`);
    }
  }
}
const pickInto = args.includes('--pick-into') ? args[args.indexOf('--pick-into') + 1] : undefined;
if (pickInto && relative) {
  console.error('--pick-into: a pick model over the --relative features would not load (they are not SENTENCE_FEATURES)');
  process.exit(1);
}
if (pickInto) {
  const doc = parseWeights(JSON.parse(readFileSync(pickInto, 'utf8')));
  const trainedOn = `${doc.trainedOn.replace(/; pick model: .*$/, '')}; pick model: train part, study:sentences`;
  writeFileSync(pickInto, `${JSON.stringify({ ...doc, trainedOn, pick: ranker }, null, 1)}\n`);
  console.log(`pick model written into ${pickInto}`);
}

/** The articles tested by --inner: every third article of the training part, in the docs file's order. */
function innerHeldOut(docs: string, outerHeldOut: ReadonlySet<string>): Set<string> {
  const trainPart = [...new Set(readFileSync(docs, 'utf8').split('\n').filter(Boolean).map((line) => articleId((JSON.parse(line) as { id: string }).id)))].filter((a) => !outerHeldOut.has(a));
  return new Set(trainPart.filter((_, i) => i % 3 === 2));
}

/** Two-sided sign test of gained against lost questions (exact binomial, p = 1/2). */
function signTest(gained: number, lost: number): number {
  const n = gained + lost;
  if (n === 0) return 1;
  let tail = 0;
  let c = 1;
  for (let i = 0; i <= Math.min(gained, lost); i++) {
    tail += c;
    c = (c * (n - i)) / (i + 1);
  }
  return Math.min(1, (2 * tail) / 2 ** n);
}
