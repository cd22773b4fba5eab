/**
 * Learns when `ask` may present its top sentence as the answer (src/search/confidence.ts): every
 * training question is asked through the real engine, and a logistic model learns from the cues
 * (Engine.askScored) whether the top sentence holds an answer. Only the answers the fixed rule
 * already presents are learnt from and judged: the model can turn a guess into reading, never
 * reading into an answer. The news files and SQuAD's train part are each one group; the model is
 * fit with every group weighing the same (SQuAD's thousands of questions would otherwise drown the
 * news ones), the L2 strength and threshold are chosen by leaving one group out at a time, and
 * each group's confident-and-wrong and unsure-and-right counts are printed under the rule alone,
 * the model left out, and the model fit on all.
 * It refuses the unseen news measures (bench/news-ask.ts UNSEEN_NEWS_FILES).
 *
 *   npm run train:confidence -- --news FILE,FILE[,...] --news-corpus DIR[,DIR] [--squad DOCS.jsonl,QUESTIONS.jsonl] [--weights ASK.json] [--rows-out F.jsonl | --rows F.jsonl] [--cost N] [--out OUT.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchive } from '../src/archive/load.js';
import { ASK_POOL, Engine } from '../src/engine.js';
import { parseWeights } from '../src/search/ask-model.js';
import { holdsAnswer } from '../src/search/ask-train.js';
import { CONFIDENCE_FEATURES, confidenceFeatures, type ConfidenceCues, type ConfidenceModel } from '../src/search/confidence.js';
import { PassageIndex } from '../src/search/index.js';
import { readNewsQuestions, refuseUnseen } from './news-ask.js';
import { openSquad } from './squad.js';

export interface ConfidenceRow {
  group: string;
  id: string;
  cues: ConfidenceCues;
  right: boolean;
}

const USAGE =
  'usage: npm run train:confidence -- --news FILE,FILE[,...] --news-corpus DIR[,DIR] [--squad DOCS.jsonl,QUESTIONS.jsonl] [--weights ASK.json] [--rows-out F.jsonl | --rows F.jsonl] [--cost N] [--out OUT.json]';
const VALUED = ['--news', '--news-corpus', '--squad', '--weights', '--rows-out', '--rows', '--cost', '--out'];

/** The rows of one engine's questions: those with no hit are left out (nothing is presented). */
function rowsOf(engine: Engine, group: string, questions: readonly { id: string; question: string; answers: readonly string[] }[]): ConfidenceRow[] {
  const out: ConfidenceRow[] = [];
  for (const q of questions) {
    const asked = engine.askPool(q.question, ASK_POOL);
    const { result, cues } = engine.askScored({ question: q.question, limit: ASK_POOL }, asked);
    const top = result.hits[0];
    if (!cues || !top) continue;
    out.push({ group, id: q.id, cues, right: holdsAnswer(top.answer, q.answers) });
  }
  return out;
}

/**
 * L2-regularised logistic regression by Newton steps (a dozen features): rows weigh `weight[i]`;
 * the bias is not penalised.
 */
export function fitLogistic(x: readonly number[][], y: readonly number[], weight: readonly number[], l2: number): number[] {
  const d = x[0]?.length ?? 0;
  const w = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < x.length; i++) {
      const xi = x[i] as number[];
      let z = 0;
      for (let k = 0; k < d; k++) z += (w[k] as number) * (xi[k] as number);
      const p = 1 / (1 + Math.exp(-z));
      const c = weight[i] as number;
      const r = c * (p - (y[i] as number));
      const s = c * p * (1 - p);
      for (let k = 0; k < d; k++) {
        (g as number[])[k] = (g[k] as number) + r * (xi[k] as number);
        const hk = h[k] as number[];
        for (let m = 0; m < d; m++) hk[m] = (hk[m] as number) + s * (xi[k] as number) * (xi[m] as number);
      }
    }
    for (let k = 1; k < d; k++) {
      g[k] = (g[k] as number) + l2 * (w[k] as number);
      (h[k] as number[])[k] = ((h[k] as number[])[k] as number) + l2;
    }
    for (let k = 0; k < d; k++) (h[k] as number[])[k] = ((h[k] as number[])[k] as number) + 1e-9;
    const step = solve(h, g);
    let moved = 0;
    for (let k = 0; k < d; k++) {
      w[k] = (w[k] as number) - (step[k] as number);
      moved = Math.max(moved, Math.abs(step[k] as number));
    }
    if (moved < 1e-8) break;
  }
  return w;
}

/** Gaussian elimination with partial pivoting: a (symmetric positive definite) d×d system. */
function solve(a: readonly number[][], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[p] as number[])[c] as number)) p = r;
    [m[c], m[p]] = [m[p] as number[], m[c] as number[]];
    const pivot = (m[c] as number[])[c] as number;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = ((m[r] as number[])[c] as number) / pivot;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) (m[r] as number[])[k] = ((m[r] as number[])[k] as number) - f * ((m[c] as number[])[k] as number);
    }
  }
  return m.map((row, i) => (row[n] as number) / (row[i] as number));
}

const probability = (w: readonly number[], c: ConfidenceCues): number => {
  const x = confidenceFeatures(c);
  let z = 0;
  for (let k = 0; k < x.length; k++) z += (w[k] ?? 0) * (x[k] ?? 0);
  return 1 / (1 + Math.exp(-z));
};

/** Fit on the rule's presented answers, every group weighing the same in total. */
function fitGroups(rows: readonly ConfidenceRow[], l2: number): number[] {
  const presented = rows.filter((r) => r.cues.ruled);
  const per = new Map<string, number>();
  for (const r of presented) per.set(r.group, (per.get(r.group) ?? 0) + 1);
  const mean = presented.length / Math.max(1, per.size);
  return fitLogistic(
    presented.map((r) => confidenceFeatures(r.cues)),
    presented.map((r) => (r.right ? 1 : 0)),
    presented.map((r) => mean / (per.get(r.group) ?? 1)),
    l2,
  );
}

export interface Tally {
  n: number;
  right: number;
  confident: number;
  confidentWrong: number;
  unsureRight: number;
}

/**
 * What a decision gives on rows: a wrong answer presented costs `cost` right answers hidden (the
 * score is right presented minus cost × wrong presented).
 */
export function tally(rows: readonly ConfidenceRow[], confident: (r: ConfidenceRow) => boolean): Tally {
  const t: Tally = { n: 0, right: 0, confident: 0, confidentWrong: 0, unsureRight: 0 };
  for (const r of rows) {
    t.n++;
    if (r.right) t.right++;
    const c = confident(r);
    if (c) t.confident++;
    if (c && !r.right) t.confidentWrong++;
    if (!c && r.right) t.unsureRight++;
  }
  return t;
}

const utility = (t: Tally, cost: number): number => t.confident - t.confidentWrong - cost * t.confidentWrong;

function main(): void {
  const args = process.argv.slice(2);
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!VALUED.includes(a)) throw new Error(a.startsWith('--') ? `unknown option ${a}\n${USAGE}` : `unexpected argument ${a}\n${USAGE}`);
    const v = args[++i];
    if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
    values.set(a, v);
  }
  const cost = Number(values.get('--cost') ?? '1');
  if (!(cost > 0)) throw new Error('--cost must be a positive number');
  let rows: ConfidenceRow[];
  const rowsIn = values.get('--rows');
  if (rowsIn) rows = readFileSync(rowsIn, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ConfidenceRow);
  else {
    const files = values.get('--news')?.split(',').filter(Boolean) ?? [];
    const dirs = values.get('--news-corpus')?.split(',').filter(Boolean) ?? [];
    if (files.length === 0 || dirs.length === 0) throw new Error(USAGE);
    const weightsPath = values.get('--weights');
    const weights = weightsPath ? parseWeights(JSON.parse(readFileSync(weightsPath, 'utf8'))) : undefined;
    const engines = new Map<string, Engine>();
    for (const dir of dirs) {
      const archive = loadArchive(dir);
      const engine = new Engine(archive, PassageIndex.build(archive.articles));
      if (weights) engine.askWeights = weights;
      engines.set(basename(dir.replace(/\/+$/, '')), engine);
    }
    rows = [];
    for (const f of files) {
      const questions = readNewsQuestions(f);
      refuseUnseen(f, questions);
      for (const [corpus, engine] of engines) rows.push(...rowsOf(engine, basename(f), questions.filter((q) => q.corpus === corpus)));
      console.error(`${basename(f)}: ${rows.length} rows so far`);
    }
    const squadArg = values.get('--squad');
    if (squadArg) {
      const [docs, questions] = squadArg.split(',');
      if (!docs || !questions) throw new Error('--squad needs DOCS.jsonl,QUESTIONS.jsonl');
      const squad = openSquad(docs, questions, 'train');
      try {
        if (weights) squad.engine.askWeights = weights;
        rows.push(...rowsOf(squad.engine, 'squad-train', squad.questions.map((q, i) => ({ id: `sq${i}`, question: q.question, answers: q.answers }))));
      } finally {
        squad.close();
      }
      console.error(`squad-train: ${rows.length} rows so far`);
    }
    const rowsOut = values.get('--rows-out');
    if (rowsOut) writeFileSync(rowsOut, rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
  }
  const groups = [...new Set(rows.map((r) => r.group))];
  const thresholds = Array.from({ length: 17 }, (_, i) => 0.3 + i * 0.025);
  const l2s = [0.01, 0.1, 1, 10];
  // Leave one group out: the model fit without it decides its questions.
  let best = { l2: l2s[0] as number, threshold: 0.5, score: -Infinity };
  const heldOut = new Map<number, Map<string, number[]>>();
  for (const l2 of l2s) {
    const ws = new Map(groups.map((g) => [g, fitGroups(rows.filter((r) => r.group !== g), l2)] as const));
    heldOut.set(l2, ws);
    for (const th of thresholds) {
      // Each group's held-out utility, normalised by its size, so every group weighs the same.
      let score = 0;
      for (const g of groups) {
        const gr = rows.filter((r) => r.group === g);
        score += utility(tally(gr, (r) => r.cues.ruled && probability(ws.get(g) as number[], r.cues) >= th), cost) / gr.length;
      }
      if (score > best.score + 1e-12) best = { l2, threshold: th, score };
    }
  }
  const wAll = fitGroups(rows, best.l2);
  const line = (name: string, t: Tally): string =>
    `${name.padEnd(26)} n ${String(t.n).padStart(5)}  right ${String(t.right).padStart(5)}  confident ${String(t.confident).padStart(5)}  confident-and-wrong ${String(t.confidentWrong).padStart(4)}  unsure-and-right ${String(t.unsureRight).padStart(4)}`;
  console.log(`chosen by leaving one group out (cost ${cost} per wrong answer presented): l2 ${best.l2}  threshold ${best.threshold.toFixed(3)}`);
  const ws = heldOut.get(best.l2) as Map<string, number[]>;
  const sum = (a: Tally, b: Tally): Tally => ({ n: a.n + b.n, right: a.right + b.right, confident: a.confident + b.confident, confidentWrong: a.confidentWrong + b.confidentWrong, unsureRight: a.unsureRight + b.unsureRight });
  const zero: Tally = { n: 0, right: 0, confident: 0, confidentWrong: 0, unsureRight: 0 };
  let newsRule = zero;
  let newsHeld = zero;
  for (const g of groups) {
    const gr = rows.filter((r) => r.group === g);
    const rule = tally(gr, (r) => r.cues.ruled);
    const held = tally(gr, (r) => r.cues.ruled && probability(ws.get(g) as number[], r.cues) >= best.threshold);
    console.log(line(`${g} rule`, rule));
    console.log(line(`${g} model left out`, held));
    console.log(line(`${g} model fit on all`, tally(gr, (r) => r.cues.ruled && probability(wAll, r.cues) >= best.threshold)));
    if (g !== 'squad-train') {
      newsRule = sum(newsRule, rule);
      newsHeld = sum(newsHeld, held);
    }
  }
  console.log(line('news pooled rule', newsRule));
  console.log(line('news pooled left out', newsHeld));
  const model: ConfidenceModel = {
    features: [...CONFIDENCE_FEATURES],
    weights: wAll.map((w) => Math.round(w * 1e4) / 1e4),
    threshold: best.threshold,
    trainedOn: `${groups.join(', ')}; l2 ${best.l2}, cost ${cost}, rows ${rows.length}`,
  };
  console.log(CONFIDENCE_FEATURES.map((f, i) => `${f} ${model.weights[i]}`).join('  '));
  const out = values.get('--out') ?? fileURLToPath(new URL('../src/search/confidence-weights.json', import.meta.url));
  writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
  console.log(`wrote ${out}`);
}

if (process.argv[1]?.endsWith('train-confidence.ts')) {
  try {
    main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
