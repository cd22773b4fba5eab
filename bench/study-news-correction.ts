/**
 * Which passage cues the news correction (src/search/news-correction.ts) should read: each training
 * news file's pools are asked once (as `ask` asks them, scored by the passage model without a
 * correction) and kept with every passage feature (`--cache FILE` keeps them between runs); then each candidate feature list is fit and
 * judged by leaving one FILE out (and, `--loqo`, one question out), the L2 strength chosen as the trainer
 * chooses it. The unseen measures are refused as the trainer refuses them.
 *
 *   npx tsx bench/study-news-correction.ts --news FILE,FILE[,FILE] --news-corpus DIR[,DIR] [--weights IN.json] [--sets NAME,NAME] [--cache FILE] [--loqo] [--l2 X]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ASK_POOL } from '../src/engine.js';
import { isNewsPoolOf, scorePool } from '../src/search/answer.js';
import { PASSAGE_FEATURES, parseWeights, type AskWeights } from '../src/search/ask-model.js';
import { answersNews, askNews } from '../src/search/ask-train.js';
import { CORRECTION_L2, chooseCorrection, correctedTop1, fitCorrection, type CorrectionGroup } from '../src/search/news-correction.js';
import type { AnswerType } from '../src/search/question.js';
import { sha256 } from '../src/search/cache.js';
import { corpusEngines, readNewsQuestions, refuseUnseen } from './news-ask.js';

interface Pool {
  id: string;
  base: number[];
  passages: number[][];
  positive: boolean[];
  type: AnswerType;
  news: boolean;
}

const at = (name: string): number => {
  const i = (PASSAGE_FEATURES as readonly string[]).indexOf(name);
  if (i < 0) throw new Error(`no passage feature ${name}`);
  return i;
};

type Extract = (x: readonly number[], score: number, type: AnswerType) => number[];

/** The committed list (correctionFeatures) and candidates that add one reading of the pool each. */
function sets(): Map<string, Extract> {
  const first = at('articleFirst');
  const typed = at('typedPassage');
  const overlap = at('overlap');
  const v = (x: readonly number[], name: string): number => x[at(name)] ?? 0;
  const base: Extract = (x, score, type) => {
    const f = x[first] ?? 0;
    const untyped = type === 'other' ? 0 : 1 - (x[typed] ?? 0);
    return [score, f, f * untyped, (x[overlap] ?? 0) * untyped, x[typed] ?? 0];
  };
  const plus =
    (...names: string[]): Extract =>
    (x, score, type) => [...base(x, score, type), ...names.map((n) => v(x, n))];
  const out = new Map<string, Extract>([['base', base]]);
  for (const n of ['lead', 'articleOverlap', 'articleLocal', 'title', 'bestTypedNear', 'typedNearVsArticle', 'uniqueCover', 'tlm:vsArticle', 'typedVsArticle', 'overlapVsArticle', 'typedSentence', 'sentenceVsArticle', 'articleRank', 'topArticle']) {
    out.set(`+${n}`, plus(n));
  }
  out.set('+articleOverlap+articleLocal', plus('articleOverlap', 'articleLocal'));
  out.set('+typedLater', (x, score, type) => [...base(x, score, type), (x[typed] ?? 0) * (1 - (x[first] ?? 0))]);
  out.set('+localTyped', (x, score, type) => [...base(x, score, type), (x[typed] ?? 0) * v(x, 'articleLocal')]);
  out.set('+localLater', (x, score, type) => [...base(x, score, type), (1 - (x[first] ?? 0)) * v(x, 'articleLocal')]);
  out.set('+uniqueTyped', (x, score, type) => [...base(x, score, type), (x[typed] ?? 0) * v(x, 'uniqueCover')]);
  return out;
}

function pools(files: readonly string[], dirs: readonly string[], weights: AskWeights): Pool[][] {
  const engines = corpusEngines(dirs, (engine) => {
    engine.askWeights = weights;
  });
  const { newsCorrection: _ignored, ...plain } = weights;
  return files.map((f) => {
    const questions = readNewsQuestions(f);
    refuseUnseen(f, questions);
    const out: Pool[] = [];
    for (const q of questions) {
      const engine = engines.get(q.corpus);
      if (!engine) throw new Error(`${q.id}: no --news-corpus folder named ${q.corpus}`);
      const asked = askNews(engine, q, ASK_POOL);
      if (!asked) continue;
      const scored = scorePool(engine.index, asked.pool, asked.q, plain);
      out.push({
        id: q.id,
        base: scored.map((s) => s.score),
        passages: scored.map((s) => s.features),
        positive: scored.map((s) => {
          const p = engine.index.passages[s.ranked.passage];
          return p !== undefined && answersNews(engine, q, p, s.ranked.passage);
        }),
        type: asked.q.type,
        news: isNewsPoolOf(engine.index, asked.pool),
      });
    }
    return out;
  });
}

/** What a cache of pools was made from: the first-stage weights (their hash) and the news files and folders, in order. */
export interface CacheKey {
  weights: string;
  files: string[];
  dirs: string[];
}

export const cacheKey = (weightsText: string, files: readonly string[], dirs: readonly string[]): CacheKey => ({ weights: sha256(weightsText), files: [...files], dirs: [...dirs] });

/**
 * The pools a cache file holds, refused when it was made from other weights or other news files:
 * its figures would then be about another first stage (or other questions), silently.
 */
export function readCache<T>(path: string, text: string, key: CacheKey): T {
  const parsed: unknown = JSON.parse(text);
  const held = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as { key?: CacheKey; pools?: T }) : undefined;
  if (!held?.key || held.pools === undefined) throw new Error(`${path} holds no cache key (made by an older study): delete it and run again`);
  const diff = (['weights', 'files', 'dirs'] as const).filter((k) => JSON.stringify(held.key?.[k]) !== JSON.stringify(key[k]));
  if (diff.length > 0) throw new Error(`${path} was made with other ${diff.join(', ')} (cache ${diff.map((k) => JSON.stringify(held.key?.[k])).join(' / ')}; now ${diff.map((k) => JSON.stringify(key[k])).join(' / ')}): delete it or give another --cache`);
  return held.pools;
}

/** Each question's outcome (right passage on top) with its file left out of the fit, in file order. */
function lofoOutcomes(files: readonly CorrectionGroup[][], l2: number): boolean[] {
  return files.flatMap((test, k) => {
    const w = Number.isFinite(l2) ? fitCorrection(files.filter((_, j) => j !== k).flat(), l2) : new Array<number>(test[0]?.features[0]?.length ?? 0).fill(0);
    return test.map((g) => correctedTop1([g], w) === 1);
  });
}

function main(): void {
  const args = process.argv.slice(2);
  const value = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const files = value('--news')?.split(',') ?? [];
  const dirs = value('--news-corpus')?.split(',') ?? [];
  if (files.length < 2 || dirs.length === 0) throw new Error('usage: npx tsx bench/study-news-correction.ts --news FILE,FILE[,FILE] --news-corpus DIR[,DIR] [--weights IN.json] [--sets NAME,NAME] [--cache FILE] [--loqo] [--l2 X]');
  const weightsPath = value('--weights') ?? fileURLToPath(new URL('../src/search/ask-weights.json', import.meta.url));
  const weightsText = readFileSync(weightsPath, 'utf8');
  const weights = parseWeights(JSON.parse(weightsText));
  const loqo = args.includes('--loqo');
  const l2Text = value('--l2');
  const fixedL2 = l2Text === undefined ? undefined : Number(l2Text);
  if (fixedL2 !== undefined && !(Number.isFinite(fixedL2) && fixedL2 >= 0)) throw new Error(`--l2 needs a number ≥ 0 (got ${l2Text})`);
  // `base` first: every other list is compared with it.
  const wanted = value('--sets')?.split(',').filter((n) => n !== 'base');
  // The pools are the slow part (every question asked): kept in a cache file between runs, keyed by
  // the weights and the news files they were asked with.
  const cache = value('--cache');
  const key = cacheKey(weightsText, files, dirs);
  const byFile: Pool[][] = cache && existsSync(cache) ? readCache<Pool[][]>(cache, readFileSync(cache, 'utf8'), key) : pools(files, dirs, weights);
  if (cache && !existsSync(cache)) writeFileSync(cache, JSON.stringify({ key, pools: byFile }));
  console.log(`${byFile.flat().length} questions; right passage on top with no correction: ${byFile.map((f) => f.filter((p) => p.positive[p.base.indexOf(Math.max(...p.base))]).length).join(' / ')}`);
  const known = sets();
  // A wanted name not listed is read as passage features to add: "+articleOverlap+title".
  const plus = (name: string): Extract => {
    const extra = name.split('+').filter(Boolean);
    const base = known.get('base') as Extract;
    return (x, score, type) => [...base(x, score, type), ...extra.map((n) => x[at(n)] ?? 0)];
  };
  let baseOutcomes: boolean[] = [];
  const chosen: [string, Extract][] = wanted ? [['base', known.get('base') as Extract], ...wanted.map((n): [string, Extract] => [n, known.get(n) ?? plus(n)])] : [...known];
  for (const [name, extract] of chosen) {
    const groups: CorrectionGroup[][] = byFile.map((f) =>
      f.filter((p) => p.news).map((p) => ({ base: p.base, positive: p.positive, features: p.passages.map((x, i) => extract(x, p.base[i] ?? 0, p.type)) })),
    );
    // `--l2 X`: every list at one strength, so no list wins by its own best strength on the same split.
    const file = chooseCorrection(groups, fixedL2 === undefined ? CORRECTION_L2 : [fixedL2], 'file', 'best');
    const question = loqo ? chooseCorrection(groups, CORRECTION_L2, 'question', 'best') : file;
    const row = (c: typeof file): string => `l2 ${c.l2} held-out ${c.table.find((r) => r.l2 === c.l2)?.heldOut.join('/')} = ${c.table.find((r) => r.l2 === c.l2)?.total}`;
    const outcomes = lofoOutcomes(groups, file.l2);
    if (name === 'base') baseOutcomes = outcomes;
    const ids = byFile.flatMap((f) => f.filter((p) => p.news).map((p) => p.id));
    const gained = ids.filter((_, i) => outcomes[i] && !baseOutcomes[i]);
    const lost = ids.filter((_, i) => !outcomes[i] && baseOutcomes[i]);
    if (name !== 'base' && baseOutcomes.length) console.log(`  vs base (LOFO): gained ${gained.join(' ') || '-'}; lost ${lost.join(' ') || '-'}`);
    console.log(`${name.padEnd(30)} LOFO ${row(file)}   LOQO ${loqo ? row(question) : '-'}   in-sample ${correctedTop1(groups.flat(), question.weights)}   w ${question.weights.join(' ')}`);
  }
}

if (process.argv[1]?.endsWith('study-news-correction.ts')) main();
