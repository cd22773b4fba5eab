/**
 * Chooses the boosting settings of the ask models (src/search/boost.ts) on the TRAINING part
 * only: each setting is fitted on the first four fifths of the training questions' groups and
 * scored (top-1, softmax loss) on the last fifth, so the held-out articles stay unseen.
 *
 *   npx tsx bench/tune-ask-trees.ts DOCS.jsonl QUESTIONS.jsonl
 */
import { DEFAULT_ASK_WEIGHTS, dot, PASSAGE_FEATURES, SENTENCE_FEATURES, trainConditionalLogit, type AskWeights, type Group } from '../src/search/ask-model.js';
import { askedQuestions, passageGroup, type AskedQuestion } from '../src/search/ask-train.js';
import { DEFAULT_BOOST, trainBoosted, type BoostOptions } from '../src/search/boost.js';
import { openSquad } from './squad.js';

const [docsPath, questionsPath] = process.argv.slice(2);
if (!docsPath || !questionsPath) {
  console.error('usage: npx tsx bench/tune-ask-trees.ts DOCS.jsonl QUESTIONS.jsonl');
  process.exit(1);
}
const squad = openSquad(docsPath, questionsPath, 'train');
const settings: Array<Partial<BoostOptions>> = [];
for (const depth of [2, 3, 4]) for (const learningRate of [0.05, 0.1]) for (const minChildWeight of [4, 16]) settings.push({ depth, learningRate, minChildWeight, trees: learningRate < 0.1 ? 300 : 150 });

function tune(name: string, groups: Group[], dim: number, base: (x: readonly number[]) => number): void {
  for (const s of settings) {
    const started = performance.now();
    const r = trainBoosted(groups, dim, base, s);
    console.log(
      `${name} depth ${s.depth} lr ${s.learningRate} minChild ${s.minChildWeight}: trees ${r.chosen}  validation top-1 ${r.validationTop1Before.toFixed(3)} → ${r.validationTop1After.toFixed(3)}  (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
}

try {
  const sentenceGroups: Group[] = [];
  const prepared: AskedQuestion[] = [];
  for (const asked of askedQuestions(squad.engine, squad.questions)) {
    prepared.push(asked);
    if (asked.gold) sentenceGroups.push({ features: asked.gold.sentences.map((s) => s.features), positive: asked.gold.positive });
  }
  const sw = trainConditionalLogit(sentenceGroups, SENTENCE_FEATURES.length);
  tune('sentence', sentenceGroups, SENTENCE_FEATURES.length, (x) => dot(sw, x));
  const sentence = { features: [...SENTENCE_FEATURES], weights: sw, trees: trainBoosted(sentenceGroups, SENTENCE_FEATURES.length, (x) => dot(sw, x), DEFAULT_BOOST).trees };
  const weights: AskWeights = { ...DEFAULT_ASK_WEIGHTS, sentence };
  const passageGroups = prepared.map(({ g, q, pool }) => passageGroup(squad.engine, g, q, pool, weights));
  const pw = trainConditionalLogit(passageGroups, PASSAGE_FEATURES.length);
  tune('passage', passageGroups, PASSAGE_FEATURES.length, (x) => dot(pw, x));
} finally {
  squad.close();
}
