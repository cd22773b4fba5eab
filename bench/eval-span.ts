/**
 * The span model alone, on the sentence that holds the answer: trains the span weights on the
 * training part's gold sentences (as `train:ask` does) and scores `chooseSpan` on the held-out
 * part's gold sentences, so span figures are separable from sentence choice. Prints EM / F1 by
 * question type, the oracle F1 of the best candidate the span may be, the share of questions a
 * span is shown for, and how the model's probability splits precision of the shown spans.
 * Fast (no passage or sentence training): for trying span features and models. The answer-type
 * prior is counted on the training part (cross-fitted for its items, as train:ask does), never the
 * committed one, which counted the held-out questions too.
 *
 * `--splice IN OUT` writes IN's weights with this span model in place of its own (a `train:ask
 * --part train` file gets the span model of this code without retraining sentences and passages,
 * which the span features do not touch), with the prior it was trained with.
 *
 *   npx tsx bench/eval-span.ts DOCS.jsonl QUESTIONS.jsonl [--boost TYPE,TYPE] [--errors N] [--splice IN OUT]
 */
import { chooseSpan, pickable, spanCandidates } from '../src/search/answer.js';
import { writeFileSync } from 'node:fs';
import { DEFAULT_ASK_WEIGHTS, parseWeights, type AskWeights } from '../src/search/ask-model.js';
import { answerScores, priorExamples, spanGroupsOf, spanItems, trainSpanWeights, type SpanItem } from '../src/search/ask-train.js';
import type { AnswerType } from '../src/search/question.js';
import { crossFitPrior, type TypePrior } from '../src/search/type-prior.js';
import { heldOutArticles, openSquad } from './squad.js';
import { parseSpanEvalArgs, SPAN_EVAL_USAGE } from './span-args.js';

const parsed = parseSpanEvalArgs(process.argv.slice(2));
if ('error' in parsed) {
  console.error(`${parsed.error}\n${SPAN_EVAL_USAGE}`);
  process.exit(1);
}
const { docsPath, questionsPath, boost, errors } = parsed;
const squad = openSquad(docsPath, questionsPath, 'all');
const heldOut = heldOutArticles(docsPath);

const started = performance.now();
let items: SpanItem[];
let typePrior: TypePrior;
try {
  // The answer-type prior counted on the training part only (not the engine's, which counted every
  // question): training items read it cross-fitted, as train:ask does; held-out ones read it whole.
  const typed = crossFitPrior(priorExamples(squad.engine, squad.questions.filter((g) => !heldOut.has(g.article))));
  typePrior = typed.all;
  items = spanItems(squad.engine, squad.questions, (g) => (heldOut.has(g.article) ? typed.all : typed.of(g.article)));
} finally {
  squad.close();
}
const train = items.filter((x) => !heldOut.has(x.g.article));
const test = items.filter((x) => heldOut.has(x.g.article));
const groups = spanGroupsOf(train);
const trained = trainSpanWeights(groups, boost);
const weights: AskWeights = { ...DEFAULT_ASK_WEIGHTS, typePrior, span: { features: DEFAULT_ASK_WEIGHTS.span.features, weights: trained.weights, trees: trained.trees } };
if (parsed.splice) {
  const { from, doc, to } = parsed.splice;
  // The prior the span model was trained with goes with it.
  writeFileSync(to, `${JSON.stringify(parseWeights({ ...doc, span: weights.span, typePrior }), null, 1)}\n`);
  console.log(`span model spliced into ${from} → ${to}`);
}
for (const [t, r] of Object.entries(trained.boosted)) {
  console.log(`span trees ${t}: ${r.chosen} (validation top-1 ${r.validationTop1Before.toFixed(3)} → ${r.validationTop1After.toFixed(3)})`);
}
console.log(`${items.length} questions with a gold sentence (train ${train.length}, held-out ${test.length}); span training accuracy ${trained.accuracy.toFixed(3)} on ${trained.groups} groups; ${((performance.now() - started) / 1000).toFixed(1)} s`);

interface Tally {
  n: number;
  em: number;
  f1: number;
  oracle: number;
  shown: number;
  shownF1: number;
}
const tallies = new Map<string, Tally>();
const tallyOf = (name: string): Tally => {
  let t = tallies.get(name);
  if (!t) tallies.set(name, (t = { n: 0, em: 0, f1: 0, oracle: 0, shown: 0, shownF1: 0 }));
  return t;
};
const byProbability: Array<{ p: number; f1: number; type: AnswerType }> = [];
let printed = 0;
for (const { g, q, sentences } of test) {
  const s = sentences[0] ?? '';
  const found = chooseSpan(s, q, weights);
  const scores = found ? answerScores(found.span.text, g.answers) : { em: 0, f1: 0 };
  const candidates = spanCandidates(s, q);
  const may = pickable(candidates, q);
  const oracle = Math.max(0, ...candidates.filter((_, i) => may[i]).map((c) => answerScores(c.text, g.answers).f1));
  for (const t of [tallyOf('all'), tallyOf(q.type)]) {
    t.n++;
    t.em += scores.em;
    t.f1 += scores.f1;
    t.oracle += oracle;
    if (found) {
      t.shown++;
      t.shownF1 += scores.f1;
    }
  }
  if (found) byProbability.push({ p: found.probability, f1: scores.f1, type: q.type });
  if (printed < errors && scores.f1 < 0.5 && oracle >= 0.5) {
    printed++;
    console.log(`- [${q.type}] ${g.question}\n  gold: ${g.answers.join(' | ')}\n  span: ${found?.span.text ?? '(none)'} (p ${found?.probability.toFixed(2) ?? '-'})\n  in: ${s}`);
  }
}
const pct = (x: number, n: number): string => (100 * (n ? x / n : 0)).toFixed(1);
for (const [name, t] of [...tallies].sort((a, b) => b[1].n - a[1].n)) {
  console.log(
    `${name.padEnd(7)} n ${String(t.n).padStart(5)}  EM ${pct(t.em, t.n)}  F1 ${pct(t.f1, t.n)}  oracle F1 ${pct(t.oracle, t.n)}  shown ${pct(t.shown, t.n)}%  F1 of shown ${pct(t.shownF1, t.shown)}`,
  );
}
// What a confidence threshold on open questions' spans would trade: how many are shown, how many of those are right.
for (const threshold of [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6]) {
  const open = byProbability.filter((x) => x.type === 'other');
  const kept = open.filter((x) => x.p >= threshold);
  const good = kept.filter((x) => x.f1 >= 0.5).length;
  console.log(`what/other, probability ≥ ${threshold}: shown ${pct(kept.length, open.length)}%  F1 ≥ 0.5 for ${pct(good, kept.length)}%  mean F1 ${pct(kept.reduce((a, x) => a + x.f1, 0), kept.length)}`);
}
