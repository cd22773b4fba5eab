/**
 * Learns when `ask` may present its top sentence as the answer on a news pool
 * (src/search/confidence.ts): every training news question is asked through the real engine, and a
 * logistic model learns from the cues (Engine.askScored) whether the top sentence holds an answer.
 * Only the answers the fixed rule presents are learnt from and judged: the model can turn a guess
 * into reading, never reading into an answer.
 * The cues must be what `ask` sees on news it was not fitted to: each file is asked with a news
 * correction fitted WITHOUT that file (chooseCorrection over the other files, leaving one file out
 * to choose its L2), over the given ask weights' other models. The L2 strength and the threshold
 * are chosen by leaving one file out (a wrong answer presented counts as much as a right one
 * withheld, `--cost` to change); the held-out figure per file comes from a nested choice (the
 * file takes no part in choosing what judges it). The model is then fit on every file and
 * stamped with the ask weights it was learnt over.
 * It refuses the unseen news measures (bench/news-ask.ts UNSEEN_NEWS_FILES), also in `--rows`.
 *
 *   npm run train:confidence -- --news FILE,FILE[,...] --news-corpus DIR[,DIR] [--weights ASK.json] [--rows-out F.jsonl | --rows F.jsonl] [--cost N] [--out OUT.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ASK_POOL, type Engine } from '../src/engine.js';
import { DEFAULT_ASK_WEIGHTS, parseWeights, type AskWeights } from '../src/search/ask-model.js';
import { holdsAnswer } from '../src/search/ask-train.js';
import { askWeightsStamp, CONFIDENCE_FEATURES, confidenceFeatures, type ConfidenceCues, type ConfidenceModel } from '../src/search/confidence.js';
import { chooseCorrection, CORRECTION_FEATURES, passageFingerprint } from '../src/search/news-correction.js';
import { correctionGroups } from '../src/search/news-correction-train.js';
import { UserError } from '../src/errors.js';
import { corpusEngines, readNewsQuestions, refuseUnseen, unseenMeasureOf, UNSEEN_NEWS_FILES, type NewsQuestion } from './news-ask.js';

export interface ConfidenceRow {
  /** The question file's name. */
  group: string;
  id: string;
  cues: ConfidenceCues;
  right: boolean;
}

const USAGE = 'usage: npm run train:confidence -- --news FILE,FILE[,...] --news-corpus DIR[,DIR] [--weights ASK.json] [--rows-out F.jsonl | --rows F.jsonl] [--cost N] [--out OUT.json]';
const VALUED = ['--news', '--news-corpus', '--weights', '--rows-out', '--rows', '--cost', '--out'];
export const CONFIDENCE_L2 = [0.1, 1, 10, 100];
export const CONFIDENCE_THRESHOLDS = Array.from({ length: 17 }, (_, i) => Math.round((0.3 + i * 0.025) * 1000) / 1000);

/** The rows of one engine's questions on news pools: a question with no usable words, no hit or another kind of pool is left out (and counted). */
function rowsOf(engine: Engine, group: string, questions: readonly NewsQuestion[], skipped: { n: number }): ConfidenceRow[] {
  const out: ConfidenceRow[] = [];
  for (const q of questions) {
    let scored: ReturnType<Engine['askScored']>;
    try {
      scored = engine.askScored({ question: q.question, limit: ASK_POOL }, engine.askPool(q.question, ASK_POOL));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      skipped.n++;
      continue;
    }
    const top = scored.result.hits[0];
    if (!scored.cues || !top || !scored.cues.news) {
      skipped.n++;
      continue;
    }
    out.push({ group, id: q.id, cues: scored.cues, right: holdsAnswer(top.answer, q.answers) });
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
  for (let iter = 0; iter < 100; iter++) {
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

export const probability = (w: readonly number[], c: ConfidenceCues): number => {
  const x = confidenceFeatures(c);
  let z = 0;
  for (let k = 0; k < x.length; k++) z += (w[k] ?? 0) * (x[k] ?? 0);
  return 1 / (1 + Math.exp(-z));
};

/** Fit on the rule's presented answers, every file weighing the same in total. */
export function fitGroups(rows: readonly ConfidenceRow[], l2: number): number[] {
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

/** Right answers presented less `cost` × wrong ones presented, per question. */
export const utility = (t: Tally, cost: number): number => (t.confident - t.confidentWrong - cost * t.confidentWrong) / Math.max(1, t.n);

/** The model's decision: the rule's answer, kept when the probability reaches the threshold. */
export const decide = (w: readonly number[], threshold: number) => (r: ConfidenceRow): boolean => r.cues.ruled && probability(w, r.cues) >= threshold;

/**
 * L2 and threshold by leaving one file out: each file judged by the model fit on the others; the
 * best summed utility (files weigh the same); ties go to the stronger L2 and the lower threshold.
 */
export function chooseByFile(rows: readonly ConfidenceRow[], cost: number, l2s: readonly number[] = CONFIDENCE_L2, thresholds: readonly number[] = CONFIDENCE_THRESHOLDS): { l2: number; threshold: number; score: number } {
  const groups = [...new Set(rows.map((r) => r.group))];
  if (groups.length < 2) throw new Error('the confidence model needs at least two question files (one is left out at a time)');
  let best = { l2: l2s[0] as number, threshold: thresholds[0] as number, score: -Infinity };
  for (const l2 of [...l2s].sort((a, b) => b - a)) {
    const ws = new Map(groups.map((g) => [g, fitGroups(rows.filter((r) => r.group !== g), l2)] as const));
    for (const threshold of thresholds) {
      let score = 0;
      for (const g of groups) score += utility(tally(rows.filter((r) => r.group === g), decide(ws.get(g) as number[], threshold)), cost);
      if (score > best.score + 1e-12) best = { l2, threshold, score };
    }
  }
  return best;
}

/** Refuses rows of an unseen measure: by the file they name, or by a question id of one (a renamed file). */
export function refuseUnseenRows(path: string, rows: readonly ConfidenceRow[]): void {
  for (const r of rows) {
    const measure = UNSEEN_NEWS_FILES.includes(r.group) ? r.group : unseenMeasureOf(r.id);
    if (measure) throw new Error(`${path}: row ${r.id} comes from the unseen measure ${measure}: never train on it`);
  }
}

/** Rows of every file, each asked with a news correction fitted without it. */
export function askRows(files: readonly string[], dirs: readonly string[], weights: AskWeights): { rows: ConfidenceRow[]; skipped: number } {
  const perFile = files.map((f) => {
    const questions = readNewsQuestions(f);
    refuseUnseen(f, questions);
    return questions;
  });
  const engines = corpusEngines(dirs, (engine) => {
    // The model being learnt must not judge its own cues (nor warn that it is stale over these weights).
    engine.confidence = undefined;
  });
  const { newsCorrection: _committed, ...base } = weights;
  for (const engine of engines.values()) engine.askWeights = base as AskWeights;
  const groups = perFile.map((questions) => correctionGroups([...engines].map(([corpus, engine]) => ({ engine, questions: questions.filter((q) => q.corpus === corpus) })), base as AskWeights));
  const rows: ConfidenceRow[] = [];
  const skipped = { n: 0 };
  files.forEach((f, i) => {
    const choice = chooseCorrection(groups.filter((_, j) => j !== i), undefined, 'file');
    const left: AskWeights = Number.isFinite(choice.l2)
      ? ({ ...base, newsCorrection: { features: [...CORRECTION_FEATURES], weights: choice.weights, l2: choice.l2, trainedOn: `without ${basename(f)}`, passage: passageFingerprint(base.passage) } } as AskWeights)
      : (base as AskWeights);
    for (const [corpus, engine] of engines) {
      engine.askWeights = left;
      rows.push(...rowsOf(engine, basename(f), (perFile[i] as NewsQuestion[]).filter((q) => q.corpus === corpus), skipped));
    }
    console.error(`${basename(f)}: asked with a news correction fitted without it (l2 ${choice.l2}); ${rows.length} rows so far`);
  });
  return { rows, skipped: skipped.n };
}

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
  const weightsPath = values.get('--weights');
  const weights = weightsPath ? parseWeights(JSON.parse(readFileSync(weightsPath, 'utf8'))) : DEFAULT_ASK_WEIGHTS;
  let rows: ConfidenceRow[];
  const rowsIn = values.get('--rows');
  if (rowsIn) {
    rows = readFileSync(rowsIn, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ConfidenceRow);
    refuseUnseenRows(rowsIn, rows);
  } else {
    const files = values.get('--news')?.split(',').filter(Boolean) ?? [];
    const dirs = values.get('--news-corpus')?.split(',').filter(Boolean) ?? [];
    if (files.length < 2 || dirs.length === 0) throw new Error(USAGE);
    const asked = askRows(files, dirs, weights);
    rows = asked.rows;
    console.error(`${asked.skipped} questions left out (no usable words, no hit, or not a news pool)`);
    const rowsOut = values.get('--rows-out');
    if (rowsOut) writeFileSync(rowsOut, rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
  }
  const groups = [...new Set(rows.map((r) => r.group))];
  const line = (name: string, t: Tally): string =>
    `${name.padEnd(34)} n ${String(t.n).padStart(4)}  right ${String(t.right).padStart(4)}  confident ${String(t.confident).padStart(4)}  confident-and-wrong ${String(t.confidentWrong).padStart(3)}  unsure-and-right ${String(t.unsureRight).padStart(3)}`;
  const zero: Tally = { n: 0, right: 0, confident: 0, confidentWrong: 0, unsureRight: 0 };
  const add = (a: Tally, b: Tally): Tally => ({ n: a.n + b.n, right: a.right + b.right, confident: a.confident + b.confident, confidentWrong: a.confidentWrong + b.confidentWrong, unsureRight: a.unsureRight + b.unsureRight });
  let ruleAll = zero;
  let heldAll = zero;
  console.log(`held out by file (nested: L2 and threshold chosen without the file, cost ${cost}):`);
  for (const g of groups) {
    const rest = rows.filter((r) => r.group !== g);
    const mine = rows.filter((r) => r.group === g);
    const inner = chooseByFile(rest, cost);
    const rule = tally(mine, (r) => r.cues.ruled);
    const held = tally(mine, decide(fitGroups(rest, inner.l2), inner.threshold));
    console.log(line(`${g} rule`, rule));
    console.log(line(`${g} model (l2 ${inner.l2}, th ${inner.threshold})`, held));
    ruleAll = add(ruleAll, rule);
    heldAll = add(heldAll, held);
  }
  console.log(line('pooled rule', ruleAll));
  console.log(line('pooled model held out', heldAll));
  const best = chooseByFile(rows, cost);
  const w = fitGroups(rows, best.l2);
  console.log(`final: l2 ${best.l2}, threshold ${best.threshold} (leave one file out over all ${groups.length} files)`);
  console.log(line('all files, in sample', tally(rows, decide(w, best.threshold))));
  const model: ConfidenceModel = {
    features: [...CONFIDENCE_FEATURES],
    weights: w.map((x) => Math.round(x * 1e4) / 1e4),
    threshold: best.threshold,
    trainedOn: `${groups.join(', ')} (${rows.length} news questions, each file asked with a news correction fitted without it; l2 ${best.l2} and threshold by leaving one file out, cost ${cost})`,
    ask: askWeightsStamp(weights),
  };
  console.log(CONFIDENCE_FEATURES.map((f, i) => `${f} ${model.weights[i]}`).join('  '));
  const out = values.get('--out') ?? fileURLToPath(new URL('../src/search/confidence-weights.json', import.meta.url));
  writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
  console.log(`-> ${out}`);
}

if (process.argv[1]?.endsWith('train-confidence.ts')) {
  try {
    main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
