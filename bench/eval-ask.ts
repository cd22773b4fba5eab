/**
 * Answer quality on SQuAD-style data: one article a doc (paragraphs only), then every question
 * through the real `ask`. Prints recall@1/5/20 of the gold paragraph, MRR, answer-sentence
 * accuracy (the top hit's answer sentence contains a gold answer), SQuAD exact match and token
 * F1 of the top hit's `answerSpan`, the same by question type, and how `confident` splits them.
 * Then where the span loses: its EM/F1 when the chosen sentence holds a gold answer and when
 * not, and the oracle F1 of the best candidate in the chosen sentence (the candidates the span
 * model may choose, and all of them): a low oracle means candidate generation is the limit, a
 * high oracle with a low F1 means ranking is.
 *
 * `--dump FILE` writes one JSON line per right-passage, wrong-sentence question: the question,
 * its type, the chosen sentence and the first sentence holding a gold answer, their places in
 * the passage, the sentence before the answer's, and both sentences' SENTENCE_FEATURES by name.
 *
 * `--misses FILE` writes one JSON line per question whose answer sentence is lost, for reading
 * why: the loss (`wrongPassageTop5`: the gold paragraph is ranked 2–5; `wrongPassage`; `wrongSentence`),
 * and for the winning passage and the gold one (when in the pool) their text, best sentence,
 * passage-model score and named passage features.
 *
 *   npm run eval:ask -- DOCS.jsonl QUESTIONS.jsonl [--part all|train|heldout] [--weights FILE] [--limit N] [--dump FILE] [--misses FILE]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { AskResult } from '../src/engine.js';
import { parseWeights, PASSAGE_FEATURES, SENTENCE_FEATURES } from '../src/search/ask-model.js';
import { pickable, scorePool, scoreSentences, type PassageChoice } from '../src/search/answer.js';
import { answerCandidates } from '../src/search/candidates.js';
import { answerScores, holdsAnswer } from '../src/search/ask-train.js';
import { openSquad, partOf } from './squad.js';

const args = process.argv.slice(2);
const valued = ['--part', '--weights', '--limit', '--dump', '--misses'];
const [docsPath, questionsPath] = args.filter((a, i) => !a.startsWith('--') && !valued.includes(args[i - 1] ?? ''));
if (!docsPath || !questionsPath) {
  console.error('usage: npm run eval:ask -- DOCS.jsonl QUESTIONS.jsonl [--part all|train|heldout] [--weights FILE] [--limit N] [--dump FILE] [--misses FILE]');
  process.exit(1);
}
const valueOf = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const squad = openSquad(docsPath, questionsPath, partOf(args));
const weightsPath = valueOf('--weights');
if (weightsPath) squad.engine.askWeights = parseWeights(JSON.parse(readFileSync(weightsPath, 'utf8')));
const limit = valueOf('--limit');
const questions = limit ? squad.questions.slice(0, Number(limit)) : squad.questions;
const missesPath = valueOf('--misses');
const misses: string[] = [];
/** A pool passage as the misses file shows it. */
const described = (c: PassageChoice, rank: number): Record<string, unknown> => {
  const { index } = squad.engine;
  const p = index.passages[c.ranked.passage];
  return {
    rank: rank + 1,
    article: p ? (index.articles[p.article]?.id ?? '') : '',
    paragraph: p?.paragraph ?? 0,
    score: Math.round(c.score * 1000) / 1000,
    best: c.best.sentence.text,
    text: index.passageText(c.ranked.passage),
    features: Object.fromEntries(PASSAGE_FEATURES.map((f, i) => [f, Math.round((c.features[i] ?? 0) * 1000) / 1000])),
  };
};

interface Tally {
  n: number;
  r1: number;
  r5: number;
  r20: number;
  mrr: number;
  sentence: number;
  em: number;
  f1: number;
  spans: number;
}
const tally = (): Tally => ({ n: 0, r1: 0, r5: 0, r20: 0, mrr: 0, sentence: 0, em: 0, f1: 0, spans: 0 });
const all = tally();
const byType = new Map<string, Tally>();
const confidence = { yes: tally(), no: tally() };
/** Span figures split by whether the chosen sentence holds a gold answer. */
interface SpanTally {
  n: number;
  em: number;
  f1: number;
  /** Best F1 of any candidate the span may be (`pickable`: the honest bold's rules), and of any candidate at all. */
  oracle: number;
  oracleAll: number;
  candidates: number;
}
const spanTally = (): SpanTally => ({ n: 0, em: 0, f1: 0, oracle: 0, oracleAll: 0, candidates: 0 });
const spanSplit = new Map<string, { holds: SpanTally; misses: SpanTally }>();
const splitOf = (type: string): { holds: SpanTally; misses: SpanTally } => {
  let s = spanSplit.get(type);
  if (!s) spanSplit.set(type, (s = { holds: spanTally(), misses: spanTally() }));
  return s;
};
/** Where the answer sentence is lost: a wrong top passage, or the right passage and a wrong sentence of it. */
interface Loss {
  n: number;
  right: number;
  wrongPassage: number;
  wrongSentence: number;
  /** …of the wrong-passage misses, those whose gold paragraph is in the top 5. */
  goldInTop5: number;
}
const losses = new Map<string, Loss>();
const lossOf = (type: string): Loss => {
  let l = losses.get(type);
  if (!l) losses.set(type, (l = { n: 0, right: 0, wrongPassage: 0, wrongSentence: 0, goldInTop5: 0 }));
  return l;
};
const dumpPath = valueOf('--dump');
const dumped: string[] = [];
const named = (x: readonly number[]): Record<string, number> => Object.fromEntries(SENTENCE_FEATURES.map((name, i) => [name, Math.round((x[i] ?? 0) * 1000) / 1000]));
const bestF1 = (texts: readonly string[], answers: readonly string[]): number => Math.max(0, ...texts.map((t) => answerScores(t, answers).f1));
const started = performance.now();
try {
  for (const q of questions) {
    let r: AskResult;
    try {
      r = squad.engine.ask({ question: q.question, limit: 20 });
    } catch {
      r = { hits: [], answerType: 'other', confident: false };
    }
    const rank = r.hits.findIndex((h) => h.article === q.article && h.paragraph === q.paragraph);
    const top = r.hits[0];
    const span = top?.answerSpan ?? null;
    const scores = span ? answerScores(span.text, q.answers) : { em: 0, f1: 0 };
    if (!byType.has(r.answerType)) byType.set(r.answerType, tally());
    for (const t of [all, byType.get(r.answerType), r.confident ? confidence.yes : confidence.no]) {
      if (!t) continue;
      t.n++;
      if (rank === 0) t.r1++;
      if (rank >= 0 && rank < 5) t.r5++;
      if (rank >= 0 && rank < 20) t.r20++;
      if (rank >= 0) t.mrr += 1 / (rank + 1);
      if (top && holdsAnswer(top.answer, q.answers)) t.sentence++;
      t.em += scores.em;
      t.f1 += scores.f1;
      if (span) t.spans++;
    }
    if (missesPath && !(top && holdsAnswer(top.answer, q.answers))) {
      const { q: view, pool } = squad.engine.askPool(q.question, 20);
      const scored = scorePool(squad.engine.index, pool, view, squad.engine.askWeights).sort((a, b) => b.score - a.score);
      const goldAt = scored.findIndex((c) => {
        const p = squad.engine.index.passages[c.ranked.passage];
        return p !== undefined && squad.engine.index.articles[p.article]?.id === q.article && p.paragraph === q.paragraph;
      });
      const winner = scored[0];
      const gold = scored[goldAt];
      misses.push(
        JSON.stringify({
          loss: rank === 0 ? 'wrongSentence' : rank > 0 && rank < 5 ? 'wrongPassageTop5' : 'wrongPassage',
          question: q.question,
          type: r.answerType,
          answers: q.answers,
          article: q.article,
          paragraph: q.paragraph,
          sameArticle: winner ? described(winner, 0).article === q.article : false,
          winner: winner ? described(winner, 0) : null,
          gold: gold ? described(gold, goldAt) : null,
        }),
      );
    }
    for (const l of [lossOf('all'), lossOf(r.answerType)]) {
      l.n++;
      if (top && holdsAnswer(top.answer, q.answers)) l.right++;
      else if (rank === 0) l.wrongSentence++;
      else {
        l.wrongPassage++;
        if (rank > 0 && rank < 5) l.goldInTop5++;
      }
    }
    if (dumpPath && top && rank === 0 && !holdsAnswer(top.answer, q.answers)) {
      const { q: view } = squad.engine.askPool(q.question, 1);
      const scored = scoreSentences(top.text, view, squad.engine.askWeights);
      const chosen = scored.findIndex((s) => s.sentence.text === top.answer);
      const gold = scored.findIndex((s) => holdsAnswer(s.sentence.text, q.answers));
      dumped.push(
        JSON.stringify({
          question: q.question,
          type: r.answerType,
          answers: q.answers,
          sentences: scored.length,
          chosenAt: chosen,
          goldAt: gold,
          chosen: top.answer,
          gold: scored[gold]?.sentence.text ?? null,
          beforeGold: scored[gold - 1]?.sentence.text ?? null,
          chosenScore: scored[chosen]?.score ?? null,
          goldScore: scored[gold]?.score ?? null,
          chosenFeatures: named(scored[chosen]?.features ?? []),
          goldFeatures: named(scored[gold]?.features ?? []),
        }),
      );
    }
    if (top) {
      const { q: view } = squad.engine.askPool(q.question, 1);
      const candidates = answerCandidates(top.answer, view.termSet);
      const may = pickable(candidates, view);
      const allowed = candidates.filter((_, i) => may[i]).map((c) => c.text);
      const every = candidates.map((c) => c.text);
      const holds = holdsAnswer(top.answer, q.answers);
      for (const split of [splitOf('all'), splitOf(r.answerType)]) {
        const t = holds ? split.holds : split.misses;
        t.n++;
        t.em += scores.em;
        t.f1 += scores.f1;
        t.oracle += bestF1(allowed, q.answers);
        t.oracleAll += bestF1(every, q.answers);
        t.candidates += allowed.length;
      }
    }
  }
} finally {
  squad.close();
}
if (dumpPath) writeFileSync(dumpPath, dumped.map((l) => `${l}\n`).join(''));
if (missesPath) writeFileSync(missesPath, misses.map((m) => `${m}\n`).join(''));
const f = (x: number, n: number): string => (n ? x / n : 0).toFixed(3);
const line = (name: string, t: Tally): string =>
  `${name.padEnd(10)} n ${String(t.n).padStart(5)}  recall@1 ${f(t.r1, t.n)}  recall@5 ${f(t.r5, t.n)}  recall@20 ${f(t.r20, t.n)}  MRR ${f(t.mrr, t.n)}  sentence ${f(t.sentence, t.n)}  EM ${(100 * (t.em / (t.n || 1))).toFixed(1)}  F1 ${(100 * (t.f1 / (t.n || 1))).toFixed(1)}  span given ${f(t.spans, t.n)}`;
console.log(`questions ${all.n}  docs ${squad.docs}  passages ${squad.engine.index.passages.length}  part ${partOf(args)}  weights ${weightsPath ?? squad.engine.askWeights.trainedOn}  ${((performance.now() - started) / all.n || 0).toFixed(2)} ms/question`);
console.log(line('all', all));
for (const [type, t] of [...byType].sort((a, b) => b[1].n - a[1].n)) console.log(line(type, t));
console.log(line('confident', confidence.yes));
console.log(line('unsure', confidence.no));
console.log('answer sentence lost, by type (share of questions): right / wrong passage (gold in top 5) / right passage, wrong sentence:');
for (const [type, l] of [...losses].sort((a, b) => b[1].n - a[1].n)) {
  console.log(`${type.padEnd(10)} n ${String(l.n).padStart(5)}  right ${f(l.right, l.n)}  wrong passage ${f(l.wrongPassage, l.n)} (${f(l.goldInTop5, l.n)})  wrong sentence ${f(l.wrongSentence, l.n)}`);
}
const pct = (x: number, n: number): string => (100 * (n ? x / n : 0)).toFixed(1);
const spanLine = (name: string, t: SpanTally): string =>
  `${name.padEnd(24)} n ${String(t.n).padStart(5)}  EM ${pct(t.em, t.n)}  F1 ${pct(t.f1, t.n)}  oracle F1 ${pct(t.oracle, t.n)} (all candidates ${pct(t.oracleAll, t.n)})  candidates ${(t.n ? t.candidates / t.n : 0).toFixed(1)}`;
console.log('span, by whether the chosen sentence holds a gold answer (oracle = best candidate in that sentence):');
for (const [type, s] of [...spanSplit].sort((a, b) => b[1].holds.n + b[1].misses.n - (a[1].holds.n + a[1].misses.n))) {
  console.log(spanLine(`${type} / sentence holds`, s.holds));
  console.log(spanLine(`${type} / sentence misses`, s.misses));
}
