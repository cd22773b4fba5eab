/**
 * Trains the ask models (passage, sentence, answer span) on SQuAD-style questions and writes
 * the weights JSON the engine loads.
 *
 *   npm run train:ask -- DOCS.jsonl QUESTIONS.jsonl [--part all|train] [--out FILE] [--linear] [--sentence-pool N] [--passage-only WEIGHTS]
 *
 * `--part train` learns from two articles in three, so `eval:ask --part heldout --weights FILE`
 * measures questions on articles the models never saw. The default output is the committed
 * src/search/ask-weights.json. `--passage-only WEIGHTS` keeps that file's sentence and span
 * models and retrains the passage model alone (for passage features: a fraction of the time).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseWeights, type AskWeights } from '../src/search/ask-model.js';
import { trainAskWeights } from '../src/search/ask-train.js';
import { openSquad, partOf } from './squad.js';

const args = process.argv.slice(2);
const paths = args.filter((a, i) => !a.startsWith('--') && !['--part', '--out', '--sentence-pool', '--passage-only'].includes(args[i - 1] ?? ''));
const [docsPath, questionsPath] = paths;
if (!docsPath || !questionsPath) {
  console.error('usage: npm run train:ask -- DOCS.jsonl QUESTIONS.jsonl [--part all|train] [--out FILE] [--linear] [--sentence-pool N] [--passage-only WEIGHTS]');
  process.exit(1);
}
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : fileURLToPath(new URL('../src/search/ask-weights.json', import.meta.url));
if (!out) {
  console.error('--out needs a file name');
  process.exit(1);
}
const poolIndex = args.indexOf('--sentence-pool');
const sentencePool = poolIndex >= 0 ? Number(args[poolIndex + 1]) : undefined;
if (sentencePool !== undefined && !(Number.isInteger(sentencePool) && sentencePool >= 0)) {
  console.error('--sentence-pool needs a whole number of passages (0 or more)');
  process.exit(1);
}
const keptIndex = args.indexOf('--passage-only');
let passageOnly: AskWeights | undefined;
if (keptIndex >= 0) {
  const file = args[keptIndex + 1];
  try {
    if (!file || file.startsWith('--')) throw new Error('needs the weights file whose sentence and span models to keep');
    passageOnly = parseWeights(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    console.error(`--passage-only: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
const part = partOf(args);
const squad = openSquad(docsPath, questionsPath, part);
try {
  const started = performance.now();
  const { weights, report } = trainAskWeights(squad.engine, squad.questions, `${basename(questionsPath)} (${part})`, { trees: !args.includes('--linear'), ...(sentencePool === undefined ? {} : { sentencePool }), ...(passageOnly ? { passageOnly } : {}) });
  // One line per list of numbers (a tree's lists, a weight vector): hundreds of trees stay a readable file.
  const text = JSON.stringify(weights, null, 1).replace(/\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g, (_, inner: string) => `[${inner.replace(/\s+/g, '')}]`);
  writeFileSync(out, `${text}\n`);
  console.log(`trained on ${report.questions} questions (${part}) in ${((performance.now() - started) / 1000).toFixed(1)} s → ${out}`);
  console.log(
    passageOnly
      ? `training accuracy: passage ${report.passageAccuracy.toFixed(3)} (${report.passageGroups} groups); sentence and span models kept from ${args[keptIndex + 1] ?? ''}`
      : `training accuracy: passage ${report.passageAccuracy.toFixed(3)} (${report.passageGroups} groups)  sentence ${report.sentenceAccuracy.toFixed(3)} (${report.sentenceGroups})  span ${report.spanAccuracy.toFixed(3)} (${report.spanGroups})`,
  );
  for (const [name, t] of [['sentence', report.sentenceTrees], ['passage', report.passageTrees], ...Object.entries(report.spanTrees).map(([type, r]) => [`span ${type}`, r] as const)] as const) {
    if (t) console.log(`${name} trees: ${t.chosen} (validation top-1 ${t.validationTop1Before.toFixed(3)} linear → ${t.validationTop1After.toFixed(3)} with trees)`);
  }
} finally {
  squad.close();
}
