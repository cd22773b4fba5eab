/**
 * `npm run train:summary -- FILE.jsonl [FILE.jsonl …] [--out PATH] [--folds K] [--l2 X]`:
 * trains the summariser's weights on the given sets (each set counts equally), prints k-fold
 * held-out ROUGE against Lead-3 and the hand-set weights, and leave-one-set-out scores (train
 * on the other sets only: news of a kind the model never saw), then writes the weights
 * trained on everything to src/summary/weights.json (or --out).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HAND_SET_WEIGHTS } from '../src/summary/score.js';
import { FEATURES } from '../src/summary/model.js';
import { loadExamples, type Example } from './summary-data.js';
import { asWeights, crossValidate, labelArticles, scoreSets, trainLogistic, type SetScores } from './summary-training.js';

export const DEFAULT_OUT = fileURLToPath(new URL('../src/summary/weights.json', import.meta.url));

interface Args {
  paths: string[];
  out: string;
  folds: number;
  l2: number;
}

export function parseArgs(argv: string[]): Args {
  const args: Args = { paths: [], out: DEFAULT_OUT, folds: 5, l2: 0.3 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`train:summary: ${a} needs a value`);
      return v;
    };
    if (a === '--out') args.out = value();
    else if (a === '--folds') args.folds = Number(value());
    else if (a === '--l2') args.l2 = Number(value());
    else if (a.startsWith('--')) throw new Error(`train:summary: unknown option ${a}`);
    else args.paths.push(a);
  }
  if (args.paths.length === 0) throw new Error('usage: npm run train:summary -- FILE.jsonl [FILE.jsonl …] [--out PATH] [--folds K] [--l2 X]');
  if (!Number.isInteger(args.folds) || args.folds < 2) throw new Error('train:summary: --folds must be a whole number of at least 2');
  if (!Number.isFinite(args.l2) || args.l2 < 0) throw new Error('train:summary: --l2 must be a number of at least 0');
  return args;
}

const f = (x: number): string => x.toFixed(4);
const r = (a: number, b: number): string => (b > 0 ? (a / b).toFixed(3) : '-');

export function formatScores(label: string, scores: readonly SetScores[]): string {
  const lines = [`${label}`];
  for (const s of scores) {
    lines.push(
      `  ${s.set.padEnd(12)} n=${String(s.articles).padEnd(5)} R1 ${f(s.ours.rouge1)} R2 ${f(s.ours.rouge2)} RL ${f(s.ours.rougeL)}` +
        ` | ×Lead-3 clean R1 ${r(s.ours.rouge1, s.lead3Clean.rouge1)} R2 ${r(s.ours.rouge2, s.lead3Clean.rouge2)} RL ${r(s.ours.rougeL, s.lead3Clean.rougeL)}` +
        ` | ×Lead-3 raw R1 ${r(s.ours.rouge1, s.lead3.rouge1)} R2 ${r(s.ours.rouge2, s.lead3.rouge2)}`,
    );
  }
  return lines.join('\n');
}

export interface TrainReport {
  weights: number[];
  heldOut: SetScores[];
  hand: SetScores[];
  crossSet: SetScores[];
}

/** Everything train:summary does short of printing and writing. */
export function trainReport(examples: readonly Example[], folds: number, l2: number): TrainReport {
  const labelled = labelArticles(examples);
  const heldOut = crossValidate(examples, labelled, folds, l2);
  const hand = scoreSets(examples, HAND_SET_WEIGHTS);
  const sets = [...new Set(examples.map((e) => e.set))];
  const crossSet =
    sets.length < 2
      ? []
      : sets.flatMap((set) => {
          const w = asWeights(trainLogistic(labelled.filter((l) => l.set !== set), l2));
          return scoreSets(examples.filter((e) => e.set === set), w);
        });
  return { weights: trainLogistic(labelled, l2), heldOut, hand, crossSet };
}

function main(argv: string[]): void {
  const args = parseArgs(argv);
  const t0 = performance.now();
  const examples = args.paths.flatMap(loadExamples);
  const report = trainReport(examples, args.folds, args.l2);
  console.log(formatScores(`hand-set weights (all articles; they were set on bbc-dev):`, report.hand));
  console.log(formatScores(`learned, ${args.folds}-fold held out:`, report.heldOut));
  if (report.crossSet.length) console.log(formatScores('learned on the other set(s) only:', report.crossSet));
  const round = (x: number): number => Math.round(x * 1e4) / 1e4;
  const trainedOn = {
    sets: [...new Set(examples.map((e) => e.set))].map((set) => ({ set, articles: examples.filter((e) => e.set === set).length })),
    folds: args.folds,
    l2: args.l2,
    heldOut: report.heldOut.map((s) => ({ set: s.set, rouge1: round(s.ours.rouge1), rouge2: round(s.ours.rouge2), lead3Rouge1: round(s.lead3Clean.rouge1), lead3Rouge2: round(s.lead3Clean.rouge2) })),
  };
  const file = { features: FEATURES, weights: report.weights.map(round), trainedOn };
  writeFileSync(args.out, `${JSON.stringify(file, null, 1)}\n`);
  console.log('weights:', FEATURES.map((n, i) => `${n} ${round(report.weights[i] ?? 0)}`).join(', '));
  console.log(`wrote ${args.out} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
