/**
 * Gradient-boosted regression trees over the items of one question, added to the linear score
 * of the conditional logit: the trees learn what a weighted sum cannot (a typed candidate counts
 * when the question words stand beside it, overlap counts differently in a lead than in a later
 * paragraph). Loss: the same softmax over a question's items as the linear model, fitted by
 * Newton steps on histogram splits (LambdaMART's recipe with the listwise softmax gradient).
 * Small and deterministic; the trees are committed in the weights JSON.
 */

/** One question's items: their feature vectors and which of them are right. */
export interface Group {
  features: number[][];
  positive: boolean[];
  /** The article it comes from: cross-validation keeps one article's groups in one fold. */
  key?: string;
}

/**
 * The linear score w·x added to `start`, term by term in feature order: every model (the
 * rankers, the news correction on top of a passage score) sums the same way, bit for bit.
 */
export function dot(w: readonly number[], x: readonly number[], start = 0): number {
  let s = start;
  for (let i = 0; i < x.length; i++) s += (w[i] ?? 0) * (x[i] ?? 0);
  return s;
}

/** Whether a group can teach a ranker: it has a right item and a wrong one (the others are skipped in training). */
export function teaches(g: { readonly positive: readonly boolean[] }): boolean {
  return g.positive.some(Boolean) && g.positive.some((p) => !p);
}

/** One tree as a complete binary tree in arrays: node i has children 2i+1 and 2i+2; feature -1 is a leaf. */
export interface Tree {
  feature: number[];
  threshold: number[];
  value: number[];
}

export interface BoostOptions {
  trees: number;
  depth: number;
  learningRate: number;
  /** L2 on leaf values (Newton denominator). */
  lambda: number;
  /** Least summed hessian in a child: no leaf learns from a handful of items. */
  minChildWeight: number;
  /** Candidate thresholds per feature (quantiles of the training values). */
  bins: number;
}

export const DEFAULT_BOOST: BoostOptions = { trees: 300, depth: 3, learningRate: 0.1, lambda: 1, minChildWeight: 4, bins: 32 };

export function treeValue(tree: Tree, x: readonly number[]): number {
  let i = 0;
  for (;;) {
    const f = tree.feature[i];
    if (f === undefined || f < 0) return tree.value[i] ?? 0;
    i = (x[f] ?? 0) <= (tree.threshold[i] ?? 0) ? 2 * i + 1 : 2 * i + 2;
  }
}

export function forestValue(trees: readonly Tree[], x: readonly number[]): number {
  let s = 0;
  for (const t of trees) s += treeValue(t, x);
  return s;
}

/** Checks a parsed forest: every node index in range, finite numbers. */
export function checkForest(doc: unknown, dim: number, name: string): Tree[] {
  const fail = (why: string): never => {
    throw new Error(`ask weights: ${name} trees ${why}; retrain with npm run train:ask`);
  };
  if (!Array.isArray(doc)) return fail('must be a list');
  return doc.map((t: unknown) => {
    const tree = t as Partial<Tree>;
    const { feature, threshold, value } = tree;
    if (!Array.isArray(feature) || !Array.isArray(threshold) || !Array.isArray(value)) return fail('need feature, threshold and value lists');
    if (threshold.length !== feature.length || value.length !== feature.length) fail('lists differ in length');
    feature.forEach((f: unknown, i) => {
      if (!Number.isInteger(f) || (f as number) < -1 || (f as number) >= dim) fail(`feature ${String(f)} out of range`);
      if ((f as number) >= 0 && 2 * i + 2 >= feature.length) fail('a split without children');
    });
    if (![...threshold, ...value].every((v: unknown) => typeof v === 'number' && Number.isFinite(v))) fail('need finite numbers');
    return tree as Tree;
  });
}

interface Rows {
  x: number[][];
  positive: Uint8Array;
  base: Float64Array;
  starts: number[];
}

function flatten(groups: readonly Group[], base: (x: readonly number[]) => number): Rows {
  const useful = groups.filter(teaches);
  const x: number[][] = [];
  const positive: number[] = [];
  const starts: number[] = [];
  useful.forEach((g) => {
    starts.push(x.length);
    g.features.forEach((f, i) => {
      x.push(f);
      positive.push(g.positive[i] ? 1 : 0);
    });
  });
  starts.push(x.length);
  return { x, positive: Uint8Array.from(positive), base: Float64Array.from(x.map(base)), starts };
}

/** Softmax-over-the-group gradient and hessian of every row at the current scores. */
function gradients(rows: Rows, score: Float64Array, g: Float64Array, h: Float64Array): number {
  let loss = 0;
  for (let k = 0; k + 1 < rows.starts.length; k++) {
    const a = rows.starts[k] ?? 0;
    const b = rows.starts[k + 1] ?? 0;
    let max = -Infinity;
    for (let i = a; i < b; i++) max = Math.max(max, score[i] ?? 0);
    let total = 0;
    let pos = 0;
    for (let i = a; i < b; i++) {
      const e = Math.exp((score[i] ?? 0) - max);
      total += e;
      if (rows.positive[i]) pos += e;
    }
    loss -= Math.log(pos / total);
    for (let i = a; i < b; i++) {
      const e = Math.exp((score[i] ?? 0) - max);
      const p = e / total;
      const t = rows.positive[i] ? e / pos : 0;
      g[i] = p - t;
      h[i] = Math.max(p * (1 - p), 1e-6);
    }
  }
  return loss;
}

/**
 * Up to `bins` - 1 thresholds per feature, midpoints between neighbouring distinct values: all
 * of them when a feature has few values (indicators, counts), else at about equal counts.
 */
function thresholds(x: readonly number[][], dim: number, bins: number): number[][] {
  const out: number[][] = [];
  for (let f = 0; f < dim; f++) {
    const values = x.map((r) => r[f] ?? 0).sort((a, b) => a - b);
    const distinct: number[] = [];
    const upTo: number[] = [];
    values.forEach((v, i) => {
      if (distinct[distinct.length - 1] !== v) distinct.push(v);
      upTo[distinct.length - 1] = i + 1;
    });
    const cuts: number[] = [];
    const step = values.length / bins;
    let next = step;
    for (let k = 0; k + 1 < distinct.length; k++) {
      if (distinct.length > bins && (upTo[k] ?? 0) < next) continue;
      cuts.push(Math.round((((distinct[k] ?? 0) + (distinct[k + 1] ?? 0)) / 2) * 1e6) / 1e6);
      while (next <= (upTo[k] ?? 0)) next += step;
    }
    out.push([...new Set(cuts)].slice(0, bins - 1));
  }
  return out;
}

function binOf(cuts: readonly number[], v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= (cuts[mid] ?? 0)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function fitTree(rows: Rows, binned: Uint8Array[], cuts: number[][], g: Float64Array, h: Float64Array, o: BoostOptions): Tree {
  const size = 2 ** (o.depth + 1) - 1;
  const tree: Tree = { feature: new Array<number>(size).fill(-1), threshold: new Array<number>(size).fill(0), value: new Array<number>(size).fill(0) };
  const n = rows.x.length;
  const dim = binned.length;
  const B = o.bins + 1;
  // Each row's node, or -1 once its node is a leaf.
  const node = new Int32Array(n);
  for (let depth = 0; depth <= o.depth; depth++) {
    const first = 2 ** depth - 1;
    const width = 2 ** depth;
    const G = new Float64Array(width);
    const H = new Float64Array(width);
    for (let i = 0; i < n; i++) {
      const k = (node[i] ?? -1) - first;
      if (k < 0) continue;
      G[k] = (G[k] ?? 0) + (g[i] ?? 0);
      H[k] = (H[k] ?? 0) + (h[i] ?? 0);
    }
    for (let k = 0; k < width; k++) tree.value[first + k] = Math.round(((-o.learningRate * (G[k] ?? 0)) / ((H[k] ?? 0) + o.lambda)) * 1e5) / 1e5;
    if (depth === o.depth) break;
    // One pass over the rows fills every node's histogram of this level.
    const hg = new Float64Array(width * dim * B);
    const hh = new Float64Array(width * dim * B);
    for (let i = 0; i < n; i++) {
      const k = (node[i] ?? -1) - first;
      if (k < 0 || (H[k] ?? 0) < 2 * o.minChildWeight) continue;
      const gi = g[i] ?? 0;
      const hi = h[i] ?? 0;
      const base = k * dim * B;
      for (let f = 0; f < dim; f++) {
        const at = base + f * B + (binned[f]?.[i] ?? 0);
        hg[at] = (hg[at] ?? 0) + gi;
        hh[at] = (hh[at] ?? 0) + hi;
      }
    }
    const splitBin = new Int32Array(width).fill(-1);
    for (let k = 0; k < width; k++) {
      const Gk = G[k] ?? 0;
      const Hk = H[k] ?? 0;
      if (Hk < 2 * o.minChildWeight) continue;
      const parent = (Gk * Gk) / (Hk + o.lambda);
      let bestGain = 1e-6;
      let bestF = -1;
      let bestBin = 0;
      for (let f = 0; f < dim; f++) {
        const nb = (cuts[f]?.length ?? 0) + 1;
        let GL = 0;
        let HL = 0;
        const base = k * dim * B + f * B;
        for (let b = 0; b + 1 < nb; b++) {
          GL += hg[base + b] ?? 0;
          HL += hh[base + b] ?? 0;
          const HR = Hk - HL;
          if (HL < o.minChildWeight || HR < o.minChildWeight) continue;
          const GR = Gk - GL;
          const gain = (GL * GL) / (HL + o.lambda) + (GR * GR) / (HR + o.lambda) - parent;
          if (gain > bestGain) {
            bestGain = gain;
            bestF = f;
            bestBin = b;
          }
        }
      }
      if (bestF < 0) continue;
      tree.feature[first + k] = bestF;
      tree.threshold[first + k] = cuts[bestF]?.[bestBin] ?? 0;
      splitBin[k] = bestBin;
    }
    for (let i = 0; i < n; i++) {
      const at = node[i] ?? -1;
      const k = at - first;
      if (k < 0) continue;
      const f = tree.feature[at] ?? -1;
      node[i] = f < 0 ? -1 : (binned[f]?.[i] ?? 0) <= (splitBin[k] ?? 0) ? 2 * at + 1 : 2 * at + 2;
    }
  }
  // Trim unused trailing nodes (a shallower tree is shorter in the JSON).
  let last = 0;
  tree.feature.forEach((f, i) => {
    if (f >= 0) last = Math.max(last, 2 * i + 2);
  });
  return { feature: tree.feature.slice(0, last + 1), threshold: tree.threshold.slice(0, last + 1), value: tree.value.slice(0, last + 1) };
}

function top1(rows: Rows, score: Float64Array): number {
  let right = 0;
  const n = rows.starts.length - 1;
  for (let k = 0; k < n; k++) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = rows.starts[k] ?? 0; i < (rows.starts[k + 1] ?? 0); i++) {
      if ((score[i] ?? 0) > bestScore) {
        bestScore = score[i] ?? 0;
        best = i;
      }
    }
    if (best >= 0 && rows.positive[best]) right++;
  }
  return n ? right / n : 0;
}

function grow(rows: Rows, dim: number, o: BoostOptions, count: number, validation?: Rows): { trees: Tree[]; curve: number[] } {
  const cuts = thresholds(rows.x, dim, o.bins);
  const binned = cuts.map((c, f) => Uint8Array.from(rows.x, (r) => binOf(c, r[f] ?? 0)));
  const score = Float64Array.from(rows.base);
  const vScore = validation ? Float64Array.from(validation.base) : undefined;
  const g = new Float64Array(rows.x.length);
  const h = new Float64Array(rows.x.length);
  const trees: Tree[] = [];
  const curve: number[] = [];
  const vg = validation ? new Float64Array(validation.x.length) : undefined;
  const vh = validation ? new Float64Array(validation.x.length) : undefined;
  for (let t = 0; t < count; t++) {
    gradients(rows, score, g, h);
    const tree = fitTree(rows, binned, cuts, g, h, o);
    trees.push(tree);
    for (let i = 0; i < rows.x.length; i++) score[i] = (score[i] ?? 0) + treeValue(tree, rows.x[i] ?? []);
    if (validation && vScore && vg && vh) {
      for (let i = 0; i < validation.x.length; i++) vScore[i] = (vScore[i] ?? 0) + treeValue(tree, validation.x[i] ?? []);
      curve.push(gradients(validation, vScore, vg, vh));
    }
  }
  return { trees, curve };
}

export interface BoostReport {
  trees: Tree[];
  /** Trees chosen by the validation loss on the last fifth of the groups. */
  chosen: number;
  validationTop1Before: number;
  validationTop1After: number;
}

/**
 * Boosts trees on top of a linear scorer. The number of trees is chosen on the last fifth of
 * the groups (the training questions come article by article, so that fifth is mostly articles
 * the trees did not see), then the trees are refitted on all groups.
 */
export function trainBoosted(groups: readonly Group[], dim: number, base: (x: readonly number[]) => number, options: Partial<BoostOptions> = {}): BoostReport {
  const o = { ...DEFAULT_BOOST, ...options };
  const cut = Math.floor(groups.length * 0.8);
  const fit = flatten(groups.slice(0, cut), base);
  const val = flatten(groups.slice(cut), base);
  const { trees: trial, curve } = grow(fit, dim, o, o.trees, val);
  let chosen = 0;
  let bestLoss = gradients(val, Float64Array.from(val.base), new Float64Array(val.x.length), new Float64Array(val.x.length));
  curve.forEach((loss, i) => {
    if (loss < bestLoss - 1e-9) {
      bestLoss = loss;
      chosen = i + 1;
    }
  });
  const vScore = Float64Array.from(val.base);
  const before = top1(val, vScore);
  for (let i = 0; i < val.x.length; i++) vScore[i] = (vScore[i] ?? 0) + forestValue(trial.slice(0, chosen), val.x[i] ?? []);
  const after = top1(val, vScore);
  const all = flatten(groups, base);
  const { trees } = grow(all, dim, o, chosen);
  return { trees, chosen, validationTop1Before: before, validationTop1After: after };
}
