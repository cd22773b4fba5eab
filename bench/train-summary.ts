/**
 * `npm run train:summary -- FILE.jsonl [FILE.jsonl …] [--out PATH] [--folds K] [--l2 X|auto] [--splits N] [--no-relayout]`:
 * trains the summariser's weights on the given sets (each set counts equally). The L2 strength
 * is chosen by cross-validation (`auto`, the default: the strength whose held-out summaries do
 * best on the set they do worst on, over three k-fold splits of their own). It prints k-fold
 * held-out ROUGE against Lead-3 over N further splits (mean and worst split), the hand-set
 * weights, and leave-one-set-out scores (train on the other sets only: news of a kind the model
 * never saw), then writes the weights trained on everything to src/summary/weights.json (or --out).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HAND_SET_WEIGHTS } from '../src/summary/score.js';
import { FEATURES } from '../src/summary/model.js';
import { RELAID, loadExamples, relaid, type Example } from './summary-data.js';
import { asWeights, chooseL2, labelArticles, repeatedCV, scoreSets, summariseSplits, trainLogistic, type LabelledArticle, type SetScores, type SplitSummary } from './summary-training.js';

export const DEFAULT_OUT = fileURLToPath(new URL('../src/summary/weights.json', import.meta.url));

/** L2 strengths `--l2 auto` tries. */
export const L2_GRID = [0.01, 0.03, 0.1, 0.3, 1, 3, 10];
/** Splits the L2 choice is made on (numbered apart from the reported ones). */
const CHOICE_SPLITS = 3;
const CHOICE_FIRST_SPLIT = 101;

interface Args {
  paths: string[];
  out: string;
  folds: number;
  /** null: chosen by cross-validation. */
  l2: number | null;
  splits: number;
  /** Also train and judge on a paragraphed copy of every flattened article (see relaid). */
  relayout: boolean;
}

export function parseArgs(argv: string[]): Args {
  const args: Args = { paths: [], out: DEFAULT_OUT, folds: 5, l2: null, splits: 5, relayout: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`train:summary: ${a} needs a value`);
      return v;
    };
    if (a === '--out') args.out = value();
    else if (a === '--folds') args.folds = Number(value());
    else if (a === '--l2') {
      const v = value();
      args.l2 = v === 'auto' ? null : Number(v);
    } else if (a === '--splits') args.splits = Number(value());
    else if (a.startsWith('--')) throw new Error(`train:summary: unknown option ${a}`);
    else args.paths.push(a);
  }
  if (args.paths.length === 0) throw new Error('usage: npm run train:summary -- FILE.jsonl [FILE.jsonl …] [--out PATH] [--folds K] [--l2 X|auto] [--splits N] [--no-relayout]');
  if (!Number.isInteger(args.folds) || args.folds < 2) throw new Error('train:summary: --folds must be a whole number of at least 2');
  if (args.l2 !== null && (!Number.isFinite(args.l2) || args.l2 < 0)) throw new Error('train:summary: --l2 must be a number of at least 0, or auto');
  if (!Number.isInteger(args.splits) || args.splits < 1) throw new Error('train:summary: --splits must be a whole number of at least 1');
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

export function formatSplits(label: string, summary: readonly SplitSummary[]): string {
  const lines = [label];
  for (const s of summary) {
    lines.push(`  ${s.set.padEnd(12)} ×Lead-3 clean R1 mean ${s.rouge1.mean.toFixed(3)} worst ${s.rouge1.min.toFixed(3)} | R2 mean ${s.rouge2.mean.toFixed(3)} worst ${s.rouge2.min.toFixed(3)}`);
  }
  return lines.join('\n');
}

export interface TrainReport {
  weights: number[];
  l2: number;
  /** Held-out (mean, worst) over the reported splits. */
  heldOut: SplitSummary[];
  /** The first reported split in full. */
  firstSplit: SetScores[];
  /** Each L2 tried, with its worst set's mean ratio (empty when given). */
  l2Table: { l2: number; worst: number }[];
  hand: SetScores[];
  crossSet: SetScores[];
}

/** Everything train:summary does short of printing and writing. */
export function trainReport(examples: readonly Example[], folds: number, l2Given: number | null, splits = 1): TrainReport {
  const labelled = labelArticles(examples);
  const choice = l2Given === null ? chooseL2WithSplits(examples, labelled, folds) : { l2: l2Given, table: [] };
  const l2 = choice.l2;
  const runs = repeatedCV(examples, labelled, folds, l2, splits);
  const hand = scoreSets(examples, HAND_SET_WEIGHTS);
  const sets = [...new Set(examples.map((e) => e.set))];
  // Trained without the set's kind at all: its re-laid copies are the same articles.
  const kind = (set: string): string => set.replace(RELAID, '');
  const crossSet =
    new Set(sets.map(kind)).size < 2
      ? []
      : sets.flatMap((set) => {
          const w = asWeights(trainLogistic(labelled.filter((l) => kind(l.set) !== kind(set)), l2));
          return scoreSets(examples.filter((e) => e.set === set), w);
        });
  return { weights: trainLogistic(labelled, l2), l2, heldOut: summariseSplits(runs), firstSplit: runs[0] ?? [], l2Table: choice.table, hand, crossSet };
}

function chooseL2WithSplits(examples: readonly Example[], labelled: readonly LabelledArticle[], folds: number): ReturnType<typeof chooseL2> {
  return chooseL2(examples, labelled, folds, L2_GRID, CHOICE_SPLITS, CHOICE_FIRST_SPLIT);
}

function main(argv: string[]): void {
  const args = parseArgs(argv);
  const t0 = performance.now();
  const loaded = args.paths.flatMap(loadExamples);
  const examples = args.relayout ? [...loaded, ...loaded.flatMap((e) => relaid(e) ?? [])] : loaded;
  const report = trainReport(examples, args.folds, args.l2, args.splits);
  console.log(formatScores(`hand-set weights (all articles; they were set on bbc-dev):`, report.hand));
  if (report.l2Table.length) console.log(`L2 chosen by cross-validation: ${report.l2Table.map((t) => `${t.l2} → worst set ${t.worst.toFixed(4)}`).join(', ')}; chose ${report.l2}`);
  console.log(formatScores(`learned (L2 ${report.l2}), ${args.folds}-fold held out, first split:`, report.firstSplit));
  console.log(formatSplits(`learned, ${args.folds}-fold held out over ${args.splits} splits:`, report.heldOut));
  if (report.crossSet.length) console.log(formatScores('learned on the other set(s) only:', report.crossSet));
  const round = (x: number): number => Math.round(x * 1e4) / 1e4;
  const trainedOn = {
    sets: [...new Set(examples.map((e) => e.set))].map((set) => ({ set, articles: examples.filter((e) => e.set === set).length })),
    folds: args.folds,
    l2: report.l2,
    splits: args.splits,
    heldOutVsLead3: report.heldOut.map((s) => ({
      set: s.set,
      rouge1: { mean: round(s.rouge1.mean), worst: round(s.rouge1.min) },
      rouge2: { mean: round(s.rouge2.mean), worst: round(s.rouge2.min) },
    })),
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
