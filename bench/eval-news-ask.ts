/**
 * `ask` on news questions written by reading BBC and Reuters articles (bench/news-questions.jsonl:
 * question, corpus folder name, expected article and answers). Nothing here is tuned on them;
 * the models learn from SQuAD. Prints, over the questions: the top hit's answer sentence holds
 * an answer (top-sentence accuracy), its answer span matches (SQuAD EM/F1), the top passage or
 * one of the top 5 holds an answer, and the expected article is first.
 *
 *   npm run eval:news-ask -- QUESTIONS.jsonl CORPUS_DIR... [--weights FILE] [--verbose]
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadArchive } from '../src/archive/load.js';
import { Engine } from '../src/engine.js';
import { parseWeights } from '../src/search/ask-model.js';
import { answerScores, holdsAnswer } from '../src/search/ask-train.js';
import { PassageIndex } from '../src/search/index.js';
import { readJsonl } from './squad.js';

interface NewsQuestion {
  id: string;
  corpus: string;
  article: string;
  type: string;
  question: string;
  answers: string[];
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const weightsAt = args.indexOf('--weights');
const weightsPath = weightsAt >= 0 ? args[weightsAt + 1] : undefined;
const [questionsPath, ...dirs] = args.filter((a, i) => !a.startsWith('--') && (weightsAt < 0 || i !== weightsAt + 1));
if (!questionsPath || dirs.length === 0 || (weightsAt >= 0 && !weightsPath)) {
  console.error('usage: npm run eval:news-ask -- QUESTIONS.jsonl CORPUS_DIR... [--weights FILE] [--verbose]');
  process.exit(1);
}
const weights = weightsPath ? parseWeights(JSON.parse(readFileSync(weightsPath, 'utf8'))) : undefined;
const questions = readJsonl<NewsQuestion>(questionsPath);
const engines = new Map<string, Engine>();
for (const dir of dirs) {
  const archive = loadArchive(dir);
  const engine = new Engine(archive, PassageIndex.build(archive.articles));
  if (weights) engine.askWeights = weights;
  engines.set(basename(dir.replace(/\/+$/, '')), engine);
}

const counts = { n: 0, sentence: 0, em: 0, f1: 0, topPassage: 0, top5: 0, article: 0, confident: 0 };
const byType = new Map<string, { n: number; sentence: number }>();
for (const q of questions) {
  const engine = engines.get(q.corpus);
  if (!engine) {
    console.error(`${q.id}: no corpus folder named ${q.corpus} was given; skipped`);
    continue;
  }
  const r = engine.ask({ question: q.question, limit: 5 });
  const top = r.hits[0];
  const sentence = top !== undefined && holdsAnswer(top.answer, q.answers);
  const span = top?.answerSpan ? answerScores(top.answerSpan.text, q.answers) : { em: 0, f1: 0 };
  counts.n++;
  if (sentence) counts.sentence++;
  counts.em += span.em;
  counts.f1 += span.f1;
  if (top && holdsAnswer(top.text, q.answers)) counts.topPassage++;
  if (r.hits.some((h) => holdsAnswer(h.text, q.answers))) counts.top5++;
  if (top?.article === q.article) counts.article++;
  if (r.confident) counts.confident++;
  const t = byType.get(q.type) ?? { n: 0, sentence: 0 };
  t.n++;
  if (sentence) t.sentence++;
  byType.set(q.type, t);
  if (verbose) {
    console.log(`${sentence ? 'ok ' : 'MISS'} ${q.id} ${q.question}\n     top ${top?.article ?? '-'} ¶${top?.paragraph ?? '-'} span ${JSON.stringify(top?.answerSpan?.text ?? null)} ${r.confident ? '' : '(unsure)'}\n     ${top?.answer ?? ''}`);
  }
}
const f = (x: number): string => (counts.n ? x / counts.n : 0).toFixed(3);
console.log(
  `questions ${counts.n}  top-sentence accuracy ${f(counts.sentence)} (${counts.sentence}/${counts.n})  span EM ${(100 * (counts.em / (counts.n || 1))).toFixed(1)} F1 ${(100 * (counts.f1 / (counts.n || 1))).toFixed(1)}  answer in top passage ${f(counts.topPassage)}  in top 5 ${f(counts.top5)}  expected article first ${f(counts.article)}  confident ${f(counts.confident)}`,
);
console.log([...byType].map(([t, c]) => `${t} ${c.sentence}/${c.n}`).join('  '));
