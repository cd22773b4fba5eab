// Training the speaker ranker (src/quotes/ranker.ts): every speech quote matched to a gold quote
// whose speaker counts gives one example, its candidates labelled right or wrong by the same test
// the evaluation uses; a conditional logit (softmax over a quote's candidates, L2-regularised) is fitted
// by gradient descent. Features depend on earlier decisions (the previous speaker), so collection and
// fitting alternate a few rounds, starting from the committed weights' shape with neutral values.

import { existsSync, statSync } from 'node:fs';
import type { Article } from '../src/archive/types.js';
import { attributeArticle, type CandidateView } from '../src/quotes/attribute.js';
import { FEATURES, type Feature, type SpeakerWeights } from '../src/quotes/ranker.js';
import type { QuoteSpan } from '../src/quotes/extract.js';
import { judgeSpeaker, matchQuotes, readGoldSet, type GoldRecord, type GoldSet } from './quote-gold.js';
import { judgeAt, type NewsArticle } from './news-labels.js';

export interface Example {
  /** Feature vectors of the candidates, in FEATURES order. */
  x: number[][];
  /** Which candidates are right. */
  y: boolean[];
  /** Weight of the example: each set counts as much as the other, whatever its size. */
  weight: number;
}

export interface LabelledArticle {
  set: Pick<GoldSet, 'mentions' | 'name'>;
  article: Article;
  gold: GoldRecord;
}

/**
 * A training article: an annotated file's (quotes matched by text, LabelledArticle) or a hand-labelled
 * news article's (quotes matched by key, bench/news-labels.ts). Each set weighs as much as the others.
 */
export type TrainingArticle = LabelledArticle | NewsArticle;

const isNews = (a: TrainingArticle): a is NewsArticle => 'labels' in a;

/** The id the folds split by: the annotated record's, or the news article's. */
export const articleId = (a: TrainingArticle): string => (isNews(a) ? `${a.corpus}/${a.article.id}` : a.gold.id);

const vector = (c: CandidateView): number[] => Array.from(c.vector);

/** Each quote of a text-matched article with the judge of its speakers, when it counts. */
function goldJudged<P extends { text: string }>(a: LabelledArticle, preds: readonly P[]): Array<{ pred: P; judge: (speaker: string | null) => boolean; gold: string | null }> {
  const out: Array<{ pred: P; judge: (speaker: string | null) => boolean; gold: string | null }> = [];
  for (const m of matchQuotes(preds, a.gold).matches) {
    if (!m.gold) continue;
    const g = m.gold;
    if (!judgeSpeaker(a.set, g, null).counts) continue;
    out.push({ pred: m.pred, judge: (s) => judgeSpeaker(a.set, g, s).right, gold: g.speaker });
  }
  return out;
}

/** Each quote of a labelled news article with the judge of its speakers, when its label counts (matched by paragraph and opening mark). */
function newsJudged<P extends { paragraph: number; open: number }>(a: NewsArticle, preds: readonly P[]): Array<{ pred: P; judge: (speaker: string | null) => boolean; gold: string | null }> {
  return preds.flatMap((pred) => {
    const judge = judgeAt(a, pred.paragraph, pred.open);
    const label = a.labels.get(`${pred.paragraph}#${pred.open}`);
    return judge ? [{ pred, judge, gold: `${label?.speaker ?? 'nobody'} (${label?.type ?? '?'})` }] : [];
  });
}

/**
 * The training examples of some articles under the given weights. Each set weighs the same in total
 * unless `newsWeight` says how much the labelled news weighs against one annotated file (1 = the same).
 */
export function collect(articles: readonly TrainingArticle[], weights: SpeakerWeights, newsWeight = 1): Example[] {
  const perSet = new Map<string, Example[]>();
  for (const a of articles) {
    const seen: Array<{ span: QuoteSpan; text: string; paragraph: number; open: number; candidates: readonly CandidateView[] }> = [];
    attributeArticle(a.article.paragraphs, { weights, observe: (span, candidates) => seen.push({ span, text: span.text, paragraph: span.paragraph, open: span.open, candidates }) });
    const judged = isNews(a) ? newsJudged(a, seen) : goldJudged(a, seen);
    for (const { pred, judge } of judged) {
      const y = pred.candidates.map((c) => judge(c.speaker));
      if (!y.some(Boolean) || y.every(Boolean)) continue;
      const list = perSet.get(a.set.name) ?? [];
      list.push({ x: pred.candidates.map(vector), y, weight: 1 });
      perSet.set(a.set.name, list);
    }
  }
  const out: Example[] = [];
  const news = new Set(articles.filter(isNews).map((a) => a.set.name));
  const share = (name: string): number => (news.has(name) ? newsWeight : 1);
  const shares = [...perSet.keys()].reduce((s, name) => s + share(name), 0);
  for (const [name, list] of perSet) for (const e of list) out.push({ ...e, weight: (1000 * share(name)) / (shares * list.length) });
  return out;
}

/** Fits the weights to the examples: minimises the weighted −log P(a right candidate) + λ‖w‖². */
export function fit(examples: readonly Example[], options: { epochs?: number; rate?: number; l2?: number } = {}): SpeakerWeights {
  const epochs = options.epochs ?? 300;
  const rate = options.rate ?? 0.05;
  const l2 = options.l2 ?? 0.001;
  const n = FEATURES.length;
  const w = new Array<number>(n).fill(0);
  // Adam: the features differ in scale and frequency by orders of magnitude.
  const m = new Array<number>(n).fill(0);
  const v = new Array<number>(n).fill(0);
  const totalWeight = examples.reduce((s, e) => s + e.weight, 0) || 1;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const grad = w.map((wi) => 2 * l2 * wi);
    for (const e of examples) {
      const scores = e.x.map((x) => x.reduce((s, xi, j) => s + xi * (w[j] ?? 0), 0));
      const top = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - top));
      const z = exp.reduce((a, b) => a + b, 0);
      const zPos = exp.reduce((a, b, k) => a + (e.y[k] ? b : 0), 0);
      const scale = e.weight / totalWeight;
      e.x.forEach((x, k) => {
        const g = (exp[k] ?? 0) / z - (e.y[k] ? (exp[k] ?? 0) / zPos : 0);
        if (g === 0) return;
        x.forEach((xi, j) => {
          if (xi !== 0) grad[j] = (grad[j] ?? 0) + scale * g * xi;
        });
      });
    }
    adamStep(w, grad, m, v, epoch, rate);
  }
  const weights = {} as Record<Feature, number>;
  FEATURES.forEach((f, j) => {
    weights[f] = Math.round((w[j] ?? 0) * 1000) / 1000;
  });
  return { version: 1, weights };
}

/** One Adam update of `w` from the gradient `grad` (moments `m`, `v`; `epoch` from 1), in place. */
export function adamStep(w: Vector, grad: Vector, m: Vector, v: Vector, epoch: number, rate: number): void {
  for (let j = 0; j < w.length; j++) {
    const g = grad[j] ?? 0;
    m[j] = 0.9 * (m[j] ?? 0) + 0.1 * g;
    v[j] = 0.999 * (v[j] ?? 0) + 0.001 * g * g;
    const mh = (m[j] ?? 0) / (1 - 0.9 ** epoch);
    const vh = (v[j] ?? 0) / (1 - 0.999 ** epoch);
    w[j] = (w[j] ?? 0) - (rate * mh) / (Math.sqrt(vh) + 1e-8);
  }
}
type Vector = number[] | Float64Array;

/**
 * The command line of the training scripts: annotated files, `--folds K`, `--out FILE`, other flags;
 * `--news-labels PATH` (label files or folders of hand-labelled news, bench/news-labels.ts) with
 * `--corpora DIR` (the folder holding each label's corpus folder). Either files or news labels are needed.
 */
export function trainingArgs(
  argv: readonly string[],
  usage: string,
  defaultOut: string,
): { paths: string[]; folds: number; out: string; flags: Set<string>; without: string | undefined; newsLabels: string[]; corpora: string | undefined; newsWeight: number } {
  const valueOf = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const valueFlags = new Set(['--folds', '--out', '--without', '--news-labels', '--corpora', '--news-weight']);
  const paths: string[] = [];
  const newsLabels: string[] = [];
  argv.forEach((a, i) => {
    if (a.startsWith('--') || valueFlags.has(argv[i - 1] ?? '')) {
      if (argv[i - 1] === '--news-labels') newsLabels.push(a);
      return;
    }
    paths.push(a);
  });
  const corpora = valueOf('--corpora');
  const fail = (message: string): never => {
    console.error(message);
    process.exit(1);
  };
  if (paths.length === 0 && newsLabels.length === 0) fail(usage);
  // "--news-labels A B" takes A only; B would be read as an annotated file: say how to pass two.
  for (const p of paths) if (existsSync(p) && statSync(p).isDirectory()) fail(`${p} is a folder, not an annotated file: pass each label folder or file after its own --news-labels\n${usage}`);
  if (newsLabels.length > 0 && !corpora) fail(`--news-labels needs --corpora DIR (the folder of the corpus folders the labels name)\n${usage}`);
  if (corpora && newsLabels.length === 0) fail(`--corpora is for --news-labels PATH\n${usage}`);
  const folds = Number(valueOf('--folds') ?? 0);
  if (!Number.isInteger(folds) || folds < 0 || folds === 1) fail('--folds must be 0 (none) or an integer ≥ 2');
  const rawNewsWeight = valueOf('--news-weight');
  // A flag given with no value (last, or followed by another flag) is a mistake, not the default.
  if (argv.includes('--news-weight') && (rawNewsWeight === undefined || rawNewsWeight.startsWith('--'))) fail(`--news-weight needs a value (1 = the labelled news weighs as much as each annotated file)\n${usage}`);
  const newsWeight = Number(rawNewsWeight ?? 1);
  if (!Number.isFinite(newsWeight) || newsWeight <= 0) fail(`--news-weight must be a positive number (1 = the labelled news weighs as much as each annotated file)\n${usage}`);
  if (argv.includes('--news-weight') && newsLabels.length === 0) fail(`--news-weight is for --news-labels PATH\n${usage}`);
  return { paths, folds, out: valueOf('--out') ?? defaultOut, flags: new Set(argv.filter((a) => a.startsWith('--'))), without: valueOf('--without'), newsLabels, corpora, newsWeight };
}

/** The features named by `--without a,b`: an ablation trains as if they did not exist. Throws naming an unknown one. */
export function featureMask(list: string | undefined): Set<Feature> | { error: string } {
  const out = new Set<Feature>();
  for (const name of (list ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    // A typo on the command line is the user's, not a bug: a message, not a throw.
    if (!(FEATURES as readonly string[]).includes(name)) return { error: `--without: no feature "${name}" (features: ${FEATURES.join(', ')})` };
    out.add(name as Feature);
  }
  return out;
}

/** The articles of annotated files, each with its file's scoring rule. */
export function readLabelled(paths: readonly string[]): LabelledArticle[] {
  const out: LabelledArticle[] = [];
  for (const path of paths) {
    const set = readGoldSet(path);
    for (const a of set.articles) out.push({ set, article: a.article, gold: a.gold });
  }
  return out;
}

/**
 * Collection and fitting alternated `rounds` times, starting from `start`; the round whose weights
 * score best on the training articles (mean accuracy over the sets) is kept, since a round can
 * overshoot when earlier choices shift.
 */
export function train(articles: readonly TrainingArticle[], start: SpeakerWeights, rounds = 4, options: Parameters<typeof fit>[1] & { without?: ReadonlySet<Feature>; newsWeight?: number } = {}): SpeakerWeights {
  const without = options.without ?? new Set<Feature>();
  const newsWeight = options.newsWeight ?? 1;
  // A feature left out is zero in every example, so its weight stays zero (its gradient is the L2 term alone).
  const masked = FEATURES.flatMap((f, j) => (without.has(f) ? [j] : []));
  let weights = masked.length === 0 ? start : { ...start, weights: { ...start.weights, ...Object.fromEntries([...without].map((f) => [f, 0])) } };
  let best: { weights: SpeakerWeights; score: number } | null = null;
  for (let r = 0; r < rounds; r++) {
    const examples = collect(articles, weights, newsWeight);
    for (const e of examples) for (const x of e.x) for (const j of masked) x[j] = 0;
    weights = fit(examples, options);
    // The round is chosen by the same weighting of the sets as the fit.
    const acc = [...speakerAccuracy(articles, weights)];
    const news = new Set(articles.filter(isNews).map((a) => a.set.name));
    const share = (name: string): number => (news.has(name) ? newsWeight : 1);
    const score = acc.reduce((s, [name, a]) => s + (share(name) * a.right) / Math.max(1, a.judged), 0) / Math.max(1e-9, acc.reduce((s, [name]) => s + share(name), 0));
    if (!best || score > best.score) best = { weights, score };
  }
  return best?.weights ?? weights;
}

export interface SetScore {
  judged: number;
  right: number;
}

/**
 * Speaker accuracy per set: of direct quotes for annotated files, as bench/eval-quotes.ts counts it; of
 * every labelled quote (direct and partial, as the speaker dumps and the hand audits read them) for
 * labelled news. `outcomes`, when given, receives each judged quote's result by `set|article#paragraph#open`
 * (paired comparisons of two weights on the same quotes).
 */
export function speakerAccuracy(articles: readonly TrainingArticle[], weights: SpeakerWeights, errors?: string[], outcomes?: Map<string, boolean>): Map<string, SetScore> {
  const out = new Map<string, SetScore>();
  for (const a of articles) {
    const { set, article } = a;
    const all = attributeArticle(article.paragraphs, { weights });
    const judged = isNews(a) ? newsJudged(a, all.filter((q) => q.kind !== 'fragment')) : goldJudged(a, all.filter((q) => q.kind === 'direct'));
    const sc = out.get(set.name) ?? { judged: 0, right: 0 };
    for (const { pred, judge, gold } of judged) {
      const right = judge(pred.speaker);
      sc.judged++;
      if (right) sc.right++;
      else errors?.push(`${set.name} ${articleId(a)} ¶${pred.paragraph} "${pred.text.slice(0, 60)}" → ${pred.speaker ?? 'nobody'}, gold ${gold ?? 'nobody'}`);
      outcomes?.set(`${set.name}|${articleId(a)}#${pred.paragraph}#${pred.open}`, right);
    }
    out.set(set.name, sc);
  }
  return out;
}

/** Quoted strings long enough to identify a story's text ("…" or “…”), case and spacing folded. */
const QUOTED = /["“]([^"“”]{20,}?)["”]/gu;
const folded = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Near-duplicate articles joined into one group (the group's id: its smallest article id): the same
 * body after folding (the headline left out), or two identical quoted strings or more. Wire stories
 * reissued with a word changed otherwise fall on both sides of a fold, and a held-out figure then
 * tests on text it trained on.
 */
export function foldGroups(articles: readonly TrainingArticle[]): Map<string, string> {
  const ids = articles.map(articleId);
  const parent = new Map(ids.map((id) => [id, id]));
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    parent.set(id, r);
    return r;
  };
  const join = (a: string, b: string): void => {
    const [x, y] = [root(a), root(b)];
    if (x !== y) parent.set(x < y ? y : x, x < y ? x : y);
  };
  const byBody = new Map<string, string>();
  const byQuote = new Map<string, string[]>();
  articles.forEach((a, i) => {
    const id = ids[i] ?? '';
    const body = folded(a.article.paragraphs.slice(1).join(' '));
    const same = byBody.get(body);
    if (same !== undefined && body.length > 0) join(id, same);
    else byBody.set(body, id);
    const quotes = new Set(a.article.paragraphs.flatMap((p) => [...p.matchAll(QUOTED)].map((m) => folded(m[1] ?? ''))));
    for (const q of quotes) byQuote.set(q, [...(byQuote.get(q) ?? []), id]);
  });
  // Quadratic in the number of articles holding one quoted string: fine for a few thousand labelled
  // articles, where a string is held by a handful of reissues; not for a whole archive.
  const shared = new Map<string, number>();
  for (const holders of byQuote.values()) {
    for (let i = 0; i < holders.length; i++) {
      for (let j = i + 1; j < holders.length; j++) {
        const pair = `${holders[i]}\n${holders[j]}`;
        const n = (shared.get(pair) ?? 0) + 1;
        shared.set(pair, n);
        if (n === 2) join(holders[i] ?? '', holders[j] ?? '');
      }
    }
  }
  return new Map(ids.map((id) => [id, root(id)]));
}

/** Each article's fold: its near-duplicate group's (foldGroups), so a group never straddles folds. */
export function articleFolds(articles: readonly TrainingArticle[], k: number): Map<string, number> {
  return new Map([...foldGroups(articles)].map(([id, group]) => [id, foldOf(group, k)]));
}

/** Articles split into `k` folds by a hash of their id, so a fold holds whole articles and never changes between runs. */
export function foldOf(id: string, k: number): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % k;
}
