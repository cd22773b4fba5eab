/**
 * `ask` on news questions written by reading BBC and Reuters articles (bench/news-questions.jsonl,
 * and bench/news-questions-2.jsonl drawn and written later, never tuned on: see README). Each line:
 * question, corpus folder name, expected article, type and answers. The models learn from SQuAD.
 * Prints, over the questions: the top hit's answer sentence holds an answer (top-sentence
 * accuracy), its answer span matches (SQuAD EM/F1), the top passage or one of the top 5 holds an
 * answer, the expected article is first, and the misses by class (bench/news-ask.ts NewsMiss).
 *
 * `--rule-only` decides `confident` by the fixed rule alone, without the learnt confidence model
 * (src/search/confidence.ts): the reply as it was before the model, for paired counts.
 * `--confidence FILE` uses that confidence model (train:confidence --out FILE) instead of the
 * committed one. The summary's first line says which decided: a model learnt over other ask weights
 * than `--weights` is ignored (stale), so compare retrained ask weights with `--rule-only` on both
 * sides, then each with its own confidence model.
 *
 *   npm run eval:news-ask -- QUESTIONS.jsonl CORPUS_DIR... [--weights FILE] [--confidence FILE | --rule-only] [--verbose] [--misses-only]
 */
import { readFileSync } from 'node:fs';
import type { Engine } from '../src/engine.js';
import { parseWeights } from '../src/search/ask-model.js';
import { parseConfidence } from '../src/search/confidence.js';
import { corpusEngines, evalNews, formatResult, formatSummary, gateState, readNewsQuestions, summarize } from './news-ask.js';

const USAGE = 'usage: npm run eval:news-ask -- QUESTIONS.jsonl CORPUS_DIR... [--weights FILE] [--confidence FILE | --rule-only] [--verbose] [--misses-only]';

function main(): void {
  const args = process.argv.slice(2);
  const paths: string[] = [];
  let weightsPath: string | undefined;
  let confidencePath: string | undefined;
  let verbose = false;
  let missesOnly = false;
  let ruleOnly = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--weights') {
      weightsPath = args[++i];
      if (weightsPath === undefined) throw new Error('--weights needs a file');
    } else if (a === '--confidence') {
      confidencePath = args[++i];
      if (confidencePath === undefined) throw new Error('--confidence needs a file');
    } else if (a === '--verbose') verbose = true;
    else if (a === '--misses-only') verbose = missesOnly = true;
    else if (a === '--rule-only') ruleOnly = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else paths.push(a);
  }
  const [questionsPath, ...dirs] = paths;
  if (!questionsPath || dirs.length === 0) throw new Error(USAGE);
  if (ruleOnly && confidencePath) throw new Error(`--rule-only and --confidence exclude each other\n${USAGE}`);
  const confidence = confidencePath ? parseConfidence(JSON.parse(readFileSync(confidencePath, 'utf8'))) : undefined;
  const weights = weightsPath ? parseWeights(JSON.parse(readFileSync(weightsPath, 'utf8'))) : undefined;
  const questions = readNewsQuestions(questionsPath);
  const engines = corpusEngines(dirs, (engine) => {
    if (weights) engine.askWeights = weights;
    if (confidence) engine.confidence = confidence;
    if (ruleOnly) engine.confidence = undefined;
  });
  const asked = questions.filter((q) => engines.has(q.corpus));
  for (const q of questions) if (!engines.has(q.corpus)) console.error(`${q.id}: no corpus folder named ${q.corpus} was given; skipped`);
  const results = evalNews(engines, asked);
  if (verbose) for (const r of results) if (!missesOnly || !r.sentence) console.log(formatResult(r));
  const first = [...engines.values()][0] as Engine;
  console.log(gateState(first.confidence, first.askWeights, confidencePath ?? 'committed'));
  console.log(formatSummary(summarize(results)));
}

try {
  main();
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
