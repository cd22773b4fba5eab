/**
 * Answer-aware sentence choice, studied without a retrain: over a weights file trained on the
 * SQuAD train part (`train:ask --part train`), every question is asked as `ask` asks it, and for
 * the top passages' sentences the study records what the answer models say: the passage score,
 * the pick and sentence models' scores against their passage's best, and the span model's
 * evidence (its best pickable candidate's score, the margin over the second, how many). A small
 * re-ranker over those (re-rank.ts) is fitted on the training part and scored on the held-out
 * part against `ask`'s own choice (the top passage's shown sentence), with the paired flips and
 * a sign test.
 *
 * The span scores of the training questions are cross-fitted: span models fitted without the
 * question's fold of articles (articleFolds, 5 folds), each question read with the answer-type
 * prior that never counted it (crossFitPrior). The passage, sentence and pick models (and the
 * stored translation table) are the file's, so on the training questions those scores are in
 * sample (`--pick-folds` reads the pick out of fold too); the held-out questions read the file's
 * own models throughout, as `ask` will.
 *
 * `--pick-folds`: the training questions' pick scores out of fold as well (5 pick models fitted as
 * train:ask fits it, each without one fold of articles). `--use P`, `--per S`: fit and score with
 * only the top P passages' best S sentences of those recorded. Knobs are chosen on 5-fold
 * cross-validation by article over the training part; `--final` also scores the held-out part
 * (run it once, with the chosen knobs). `--drop F,F`: features read 0.
 *
 *   npx tsx bench/study-rerank.ts DOCS.jsonl QUESTIONS.jsonl --weights TRAIN.json [--cache FILE] [--passages P] [--pick-folds] [--use P] [--per S] [--linear] [--drop F,F] [--final] [--limit N]
 *
 * `--cache FILE`: the recorded items are written there on the first run and read back after (the
 * asking is most of the time); a cache recorded under other settings is refused. `--limit N`: the
 * first N questions and as many held-out ones (a quick check of the script, not a measure).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dot, OPEN_SPAN_FEATURES, parseWeights, SENTENCE_FEATURES, SPAN_FEATURES, trainConditionalLogit, type AskWeights, type Group, type Ranker } from '../src/search/ask-model.js';
import { trainBoosted, type Tree } from '../src/search/boost.js';
import { ANSWER_TYPES, type AnswerType } from '../src/search/question.js';
import { scorePool, withPrior } from '../src/search/answer.js';
import { countedPrior, goldSentences, holdsAnswer, spanGroupsOf, spanItems, answerScores } from '../src/search/ask-train.js';
import { articleFolds } from '../src/search/folds.js';
import { MAX_MARGIN, rerankItems, RERANK_FEATURES, RERANK_SENTENCES, trainRerank, rerankScore, type RerankItem, type Rerank } from './rerank.js';
import { heldOutArticles, openSquad } from './squad.js';

const args = process.argv.slice(2);
const valued = ['--weights', '--cache', '--passages', '--drop', '--limit', '--use', '--per'];
const [docsPath, questionsPath] = args.filter((a, i) => !a.startsWith('--') && !valued.includes(args[i - 1] ?? ''));
const valueOf = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const weightsPath = valueOf('--weights');
if (!docsPath || !questionsPath || !weightsPath) {
  console.error('usage: npx tsx bench/study-rerank.ts DOCS.jsonl QUESTIONS.jsonl --weights TRAIN.json [--cache FILE] [--passages P] [--pick-folds] [--use P] [--per S] [--linear] [--drop F,F] [--final] [--limit N]');
  process.exit(1);
}
const passages = Number(valueOf('--passages') ?? 3);
const drop = new Set((valueOf('--drop') ?? '').split(',').filter(Boolean).map((f) => RERANK_FEATURES.indexOf(f as (typeof RERANK_FEATURES)[number])));
if (drop.has(-1)) {
  console.error(`--drop: unknown feature; known: ${RERANK_FEATURES.join(', ')}`);
  process.exit(1);
}

/** One question as recorded: its items (the top passages' sentences) and what each would score. */
interface Row {
  part: 'train' | 'heldout';
  type: string;
  article: string;
  items: Array<RerankItem & { right: boolean; goldPassage: boolean; em: number; f1: number }>;
}

const cachePath = valueOf('--cache');
let rows: Row[];
const weights: AskWeights = parseWeights(JSON.parse(readFileSync(weightsPath, 'utf8')));
// What the recording depends on: a cache made under other settings is refused, not read.
const meta = JSON.stringify({ weights: createHash('sha256').update(readFileSync(weightsPath)).digest('hex').slice(0, 16), passages, pickFolds: args.includes('--pick-folds'), limit: valueOf('--limit') ?? null });
if (cachePath && existsSync(cachePath)) {
  const cached = JSON.parse(readFileSync(cachePath, 'utf8')) as { meta?: string; rows: Row[] };
  if (cached.meta !== meta) {
    console.error(`${cachePath} was recorded under ${String(cached.meta)}, not ${meta}: remove it or name another cache`);
    process.exit(1);
  }
  rows = cached.rows;
  console.log(`read ${rows.length} questions from ${cachePath}`);
} else {
  rows = record(weights);
  if (cachePath) writeFileSync(cachePath, JSON.stringify({ meta, rows }));
}

/**
 * A span model fitted as trainSpanWeights fits it (open-question features for 'other' only, a
 * small type borrowing every type's groups, trees for 'other'), without its cross-validated
 * choice of leaving the who/where evidence out: that choice took most of the time, and on the
 * train part it left it in for every type (train:ask's report, base19).
 */
function foldSpan(groups: ReadonlyMap<AnswerType, Group[]>): AskWeights['span'] {
  const open = new Set(OPEN_SPAN_FEATURES.map((f) => SPAN_FEATURES.indexOf(f)));
  const zero = (gs: readonly Group[]): Group[] => gs.map((g) => ({ ...g, features: g.features.map((x) => x.map((v, i) => (open.has(i) ? 0 : v))) }));
  const every = [...groups.values()].flat();
  const weights = {} as Record<AnswerType, number[]>;
  const trees: Partial<Record<AnswerType, Tree[]>> = {};
  for (const t of ANSWER_TYPES) {
    const own = groups.get(t) ?? [];
    const gs = t === 'other' ? own : zero(own);
    const linear = trainConditionalLogit(gs.length >= 30 ? gs : t === 'other' ? every : zero(every), SPAN_FEATURES.length);
    weights[t] = linear;
    if (t === 'other' && gs.length >= 30) {
      const boosted = trainBoosted(gs, SPAN_FEATURES.length, (x) => dot(linear, x));
      if (boosted.chosen > 0) trees[t] = boosted.trees;
    }
  }
  return { features: [...SPAN_FEATURES], weights, ...(Object.keys(trees).length ? { trees } : {}) };
}

function record(w: AskWeights): Row[] {
  const started = performance.now();
  const heldOut = heldOutArticles(docsPath as string);
  const squad = openSquad(docsPath as string, questionsPath as string, 'all');
  squad.engine.askWeights = w;
  const out: Row[] = [];
  try {
    const limit = Number(valueOf('--limit') ?? Infinity);
    const questions = squad.questions.filter((_, i) => i < limit || heldOut.has(squad.questions[i]?.article ?? '')).slice(0, 2 * limit);
    const train = questions.filter((g) => !heldOut.has(g.article));
    // The span model of each training fold, fitted without it; the prior each training question reads never counted it.
    const typed = countedPrior(squad.engine, train, true);
    const foldOf = articleFolds(train.map((g) => g.article), 5);
    const items = spanItems(squad.engine, train, (g) => typed?.of(g.article));
    const spans = new Map<number, AskWeights['span']>();
    for (const k of new Set(foldOf.values())) {
      spans.set(k, foldSpan(spanGroupsOf(items.filter((it) => foldOf.get(it.g.article) !== k))));
      console.log(`fold ${k} span model ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    console.log(`fold span models ${((performance.now() - started) / 1000).toFixed(0)} s`);
    // `--pick-folds`: the pick model read out of fold too (fitted as train:ask fits it, on the gold paragraphs of the other folds).
    const picks = new Map<number, Ranker>();
    if (args.includes('--pick-folds')) {
      const pickGroups: Array<{ article: string; group: Group }> = [];
      for (const g of train) {
        let q;
        try {
          q = squad.engine.askPool(g.question, 1).q;
        } catch {
          continue;
        }
        const gold = goldSentences(squad.engine, g, q);
        if (gold) pickGroups.push({ article: g.article, group: { features: gold.sentences.map((x) => x.features), positive: gold.positive } });
      }
      for (const k of new Set(foldOf.values())) {
        const fit = pickGroups.filter((x) => foldOf.get(x.article) !== k).map((x) => x.group);
        const linear = trainConditionalLogit(fit, SENTENCE_FEATURES.length);
        const boosted = trainBoosted(fit, SENTENCE_FEATURES.length, (x) => dot(linear, x));
        picks.set(k, { features: [...SENTENCE_FEATURES], weights: linear, trees: boosted.trees });
      }
      console.log(`fold pick models ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    for (const g of questions) {
      const held = heldOut.has(g.article);
      let asked;
      try {
        asked = squad.engine.askPool(g.question, 20);
      } catch {
        continue;
      }
      const q = held ? asked.q : withPrior(asked.q, typed?.of(g.article));
      const span = held ? w.span : (spans.get(foldOf.get(g.article) ?? -1) ?? w.span);
      const pick = held ? w.pick : (picks.get(foldOf.get(g.article) ?? -1) ?? w.pick);
      const shown = new Set<string>();
      const ranked = scorePool(squad.engine.index, asked.pool, asked.q, w)
        .sort((a, b) => b.score - a.score)
        .filter((c) => {
          const text = squad.engine.index.passageText(c.ranked.passage);
          if (shown.has(text)) return false;
          shown.add(text);
          return true;
        });
      const top = ranked.slice(0, passages);
      const found = rerankItems(
        top,
        q,
        { ...w, span, ...(pick ? { pick } : {}) },
        RERANK_SENTENCES,
      );
      out.push({
        part: held ? 'heldout' : 'train',
        type: q.type,
        article: g.article,
        items: found.map((it) => {
          const c = top[it.passage];
          const p = c ? squad.engine.index.passages[c.ranked.passage] : undefined;
          const s = it.span ? answerScores(it.span, g.answers) : { em: 0, f1: 0 };
          return { ...it, right: holdsAnswer(it.sentence, g.answers), goldPassage: p !== undefined && squad.engine.index.articles[p.article]?.id === g.article && p.paragraph === g.paragraph, em: s.em, f1: s.f1 };
        }),
      });
      if (out.length % 500 === 0) console.log(`${out.length} questions, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    squad.close();
  }
  return out;
}

const masked = (x: readonly number[]): number[] => x.map((v, i) => (drop.has(i) ? 0 : v));
// `--use P` / `--per S`: fewer passages or sentences than recorded compete (spanVsBest read again over those left).
const use = Number(valueOf('--use') ?? passages);
const per = Number(valueOf('--per') ?? RERANK_SENTENCES);
if (!(Number.isInteger(use) && use >= 1 && use <= passages && Number.isInteger(per) && per >= 1 && per <= RERANK_SENTENCES)) {
  console.error(`--use must be 1…${passages} (the passages recorded) and --per 1…${RERANK_SENTENCES}`);
  process.exit(1);
}
const SPAN = RERANK_FEATURES.indexOf('span');
const VS = RERANK_FEATURES.indexOf('spanVsBest');
const NONE = RERANK_FEATURES.indexOf('noCandidate');
for (const r of rows) {
  const rank = new Map<number, number>();
  r.items = r.items.filter((it) => {
    const k = rank.get(it.passage) ?? 0;
    rank.set(it.passage, k + 1);
    return it.passage < use && k < per;
  });
  const spans = r.items.filter((it) => it.features[NONE] === 0).map((it) => it.features[SPAN] ?? 0);
  const top = spans.length ? Math.max(...spans) : 0;
  for (const it of r.items) it.features[VS] = it.features[NONE] === 0 ? (it.features[SPAN] ?? 0) - top : -MAX_MARGIN;
}
const trainRows = rows.filter((r) => r.part === 'train');
const testRows = rows.filter((r) => r.part === 'heldout');
const groups = trainRows.map((r) => ({ features: r.items.map((it) => masked(it.features)), positive: r.items.map((it) => it.right), key: r.article }));
const model: Rerank = trainRerank(groups, { trees: !args.includes('--linear'), passages: use, sentences: per });
console.log(`trained on ${groups.filter((g) => g.positive.some(Boolean) && !g.positive.every(Boolean)).length} groups; weights ${RERANK_FEATURES.map((f, i) => `${f} ${model.weights[i]}`).join(', ')}; trees ${model.trees?.length ?? 0}`);

/** Two-sided exact sign test: the probability of a split at least this uneven among n flips. */
function signTest(wins: number, losses: number): number {
  const n = wins + losses;
  const k = Math.min(wins, losses);
  let p = 0;
  let c = 1;
  for (let i = 0; i <= n; i++) {
    if (i <= k) p += c;
    c = (c * (n - i)) / (i + 1);
  }
  return Math.min(1, (2 * p) / 2 ** n);
}

/** The re-ranker's choice in a row (the first of equals; ask's own choice when nothing scores above it). */
function choice(m: Rerank, r: Row, base: number): number {
  let best = base;
  r.items.forEach((it, i) => {
    if (best < 0 || rerankScore(m, masked(it.features)) > rerankScore(m, masked(r.items[best]?.features ?? [])) + 1e-12) best = i;
  });
  return best;
}
// Knobs are chosen here: 5-fold cross-validation over the training part's articles (fit on four, score the fifth).
const cvFold = articleFolds(trainRows.map((r) => r.article), 5);
const cvChoice = new Map<Row, number>();
for (let k = 0; k < 5; k++) {
  const fit = trainRows.filter((r) => cvFold.get(r.article) !== k);
  const m = trainRerank(fit.map((r) => ({ features: r.items.map((it) => masked(it.features)), positive: r.items.map((it) => it.right), key: r.article })), { trees: !args.includes('--linear'), passages: use, sentences: per });
  for (const r of trainRows) if (cvFold.get(r.article) === k) cvChoice.set(r, choice(m, r, r.items.findIndex((it) => it.passage === 0 && it.shown)));
}
// The held-out part is scored only with --final (once, after the knobs were chosen on the training part).
for (const [name, part, pick] of [
  ['train part, 5-fold CV by article', trainRows, (r: Row, base: number) => cvChoice.get(r) ?? base],
  ...(args.includes('--final') ? ([['held out (final)', testRows, (r: Row, base: number) => choice(model, r, base)]] as const) : []),
] as const) {
  const byType = new Map<string, { n: number; base: number; after: number; r1: number; r1after: number; em: number; emAfter: number; f1: number; f1After: number; oracle: number }>();
  let wins = 0;
  let losses = 0;
  for (const r of part) {
    const base = r.items.findIndex((it) => it.passage === 0 && it.shown);
    if (base < 0) continue; // the top passage has no sentence: nothing to compare
    const best = pick(r, base);
    const b = r.items[base];
    const a = r.items[best];
    if (a?.right && !b?.right) wins++;
    if (!a?.right && b?.right) losses++;
    for (const key of ['all', r.type]) {
      let t = byType.get(key);
      if (!t) byType.set(key, (t = { n: 0, base: 0, after: 0, r1: 0, r1after: 0, em: 0, emAfter: 0, f1: 0, f1After: 0, oracle: 0 }));
      t.n++;
      if (b?.right) t.base++;
      if (a?.right) t.after++;
      if (r.items.some((it) => it.right)) t.oracle++;
      if (r.items.find((it) => it.passage === 0)?.goldPassage) t.r1++;
      if (a?.goldPassage) t.r1after++;
      t.em += b?.em ?? 0;
      t.emAfter += a?.em ?? 0;
      t.f1 += b?.f1 ?? 0;
      t.f1After += a?.f1 ?? 0;
    }
  }
  console.log(`${name}: flips right ${wins} / wrong ${losses}, sign test p ${signTest(wins, losses).toFixed(3)}`);
  const f = (x: number, n: number): string => (x / n).toFixed(3);
  for (const [k, t] of [...byType].sort((x, y) => y[1].n - x[1].n)) {
    console.log(
      `  ${k.padEnd(7)} n ${String(t.n).padStart(5)}  sentence ${f(t.base, t.n)} → ${f(t.after, t.n)}  recall@1 ${f(t.r1, t.n)} → ${f(t.r1after, t.n)}  EM ${(100 * (t.em / t.n)).toFixed(1)} → ${(100 * (t.emAfter / t.n)).toFixed(1)}  F1 ${(100 * (t.f1 / t.n)).toFixed(1)} → ${(100 * (t.f1After / t.n)).toFixed(1)}  oracle ${f(t.oracle, t.n)}`,
    );
  }
}
