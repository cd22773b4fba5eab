import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFolds } from '../../src/search/folds.js';
import { DEFAULT_ASK_WEIGHTS, parseWeights, PASSAGE_FEATURES, SENTENCE_FEATURES, trainConditionalLogit, type AskWeights, type Group, type Ranker } from '../../src/search/ask-model.js';
import {
  askedQuestions,
  crossFitAlign,
  crossFitRanker,
  passageGroup,
  passageTrainingGroups,
  SENTENCE_POOL,
  sentenceGroup,
  trainAskWeights,
  withoutPickOnly,
  type ArticlePair,
  type GoldQuestion,
} from '../../src/search/ask-train.js';
import { UserError } from '../../src/errors.js';
import type { Engine } from '../../src/engine.js';
import { ROOT } from '../spawn.js';
import { engineFor, removeDir, writeArchive } from '../helpers/archive.js';

/** Three small stories written for this test, each with questions on two paragraphs. */
const DOCS: Record<string, string[]> = {
  harbor: [
    'The Riverton harbor was built in 1888 by the Lakeside Shipping Company. It is the oldest harbor on the lake.',
    'Ferries leave the harbor every hour for Pine Island. The crossing takes forty minutes and costs 6 dollars.',
  ],
  library: [
    'The Riverton library holds 120,000 books. It was designed by the architect Maria Lund.',
    'The library opened on 4 May 1921. Its reading room seats 200 people.',
  ],
  stadium: [
    'The Riverton stadium was opened by mayor Tom Hale in 1975. It seats 30,000 fans.',
    'The stadium hosts the county football final every June. Tickets cost 12 dollars.',
  ],
};
const GOLD: GoldQuestion[] = [
  { question: 'When was the Riverton harbor built?', article: 'harbor', paragraph: 1, answers: ['1888'] },
  { question: 'Who built the Riverton harbor?', article: 'harbor', paragraph: 1, answers: ['Lakeside Shipping Company'] },
  { question: 'Where do ferries from the harbor go?', article: 'harbor', paragraph: 2, answers: ['Pine Island'] },
  { question: 'How many books does the library hold?', article: 'library', paragraph: 1, answers: ['120,000'] },
  { question: 'Who designed the Riverton library?', article: 'library', paragraph: 1, answers: ['Maria Lund'] },
  { question: 'When did the library open?', article: 'library', paragraph: 2, answers: ['4 May 1921'] },
  { question: 'Who opened the Riverton stadium?', article: 'stadium', paragraph: 1, answers: ['Tom Hale'] },
  { question: 'How many fans does the stadium seat?', article: 'stadium', paragraph: 1, answers: ['30,000'] },
  { question: 'How much do stadium tickets cost?', article: 'stadium', paragraph: 2, answers: ['12 dollars'] },
];

let dir: string;
let engine: Engine;
beforeAll(() => {
  dir = writeArchive(Object.fromEntries(Object.entries(DOCS).map(([id, paragraphs]) => [`${id}.txt`, `date 2020-01-01\n\n${paragraphs.join('\n\n')}\n`])));
  engine = engineFor(dir);
});
afterAll(() => removeDir(dir));

/** A linear sentence ranker, as train:ask --linear fits one. */
const linear = (groups: readonly Group[]): Ranker => ({ features: [...SENTENCE_FEATURES], weights: trainConditionalLogit(groups, SENTENCE_FEATURES.length) });

describe('cross-fitting the sentence model for the passage model\'s training', () => {
  it('GIVEN groups of three articles and a spy trainer THEN each fold model learns from every group but its fold\'s, and each article reads the one that never saw it', () => {
    const articles = ['a', 'a', 'b', 'c', 'c', 'c'];
    const groups: Group[] = articles.map((key, i) => ({ features: [[i], [0]], positive: [true, false], key }));
    const seen: string[][] = [];
    const all: Ranker = { features: ['x'], weights: [0] };
    const of = crossFitRanker(groups, articles, 3, (gs) => {
      seen.push(gs.map((g) => g.key ?? ''));
      return { features: ['x'], weights: [seen.length] };
    }, all);
    expect(seen.map((keys) => [...new Set(keys)].sort().join(''))).toEqual(['bc', 'ac', 'ab']);
    expect(seen.map((keys) => keys.length)).toEqual([4, 5, 3]);
    for (const article of ['a', 'b', 'c']) {
      const model = of(article);
      expect(model).not.toBe(all);
      expect(seen[(model.weights[0] ?? 0) - 1]).not.toContain(article);
    }
    // An article no group comes from: the model fitted on all never saw it either.
    expect(of('d')).toBe(all);
    // One fold: in sample, nothing fitted.
    let calls = 0;
    expect(crossFitRanker(groups, articles, 1, () => ((calls += 1), all), all)('a')).toBe(all);
    expect(calls).toBe(0);
    expect(() => crossFitRanker(groups, articles, 1.5, linear, all)).toThrow(UserError);
    expect(() => crossFitRanker(groups, articles, 0, linear, all)).toThrow(/whole number of 1 or more/);
    expect(() => crossFitRanker(groups, articles.slice(1), 2, linear, all)).toThrow(/6 groups but 5 articles/);
  });

  it('GIVEN the same articles and folds THEN an article\'s sentence fold is its translation table\'s fold (crossFitAlign), whole articles in the order they come', () => {
    const articles = ['a', 'a', 'b', 'c', 'd', 'd', 'e'];
    expect([...articleFolds(articles, 2)]).toEqual([['a', 0], ['b', 0], ['c', 0], ['d', 1], ['e', 1]]);
    const pairs: ArticlePair[] = articles.map((source, i) => ({ source, question: [`w${i}`], sentence: [`w${i}`, 'filler'] }));
    const { of } = crossFitAlign(pairs, 'spy', {}, 2);
    // Articles of one fold read one table; of the other fold, another.
    expect(of('a')).toBe(of('c'));
    expect(of('d')).toBe(of('e'));
    expect(of('a')).not.toBe(of('d'));
  });

  it('GIVEN a tiny question set THEN each question\'s passage group is scored with a sentence model fitted without its article, and trainAskWeights\' passage model is the one learnt over those groups', () => {
    const prepared = [...askedQuestions(engine, GOLD, () => undefined)];
    expect(prepared.map((a) => a.g.article)).toEqual(GOLD.map((g) => g.article));
    // As trainAskWeights fits the sentence model: the pick-only features at 0.
    const groups = prepared.map(({ g, q, pool, gold }) => withoutPickOnly(sentenceGroup(engine, g, q, pool, SENTENCE_POOL, gold) as Group));
    const articles = prepared.map((a) => a.g.article);
    const all = linear(groups);
    const of = crossFitRanker(groups, articles, 3, linear, all);
    const { pick: _pick, ...defaults } = DEFAULT_ASK_WEIGHTS;
    const under = (sentence: Ranker): AskWeights => ({ ...defaults, sentence });
    const stacked = passageTrainingGroups(engine, prepared, of);
    prepared.forEach(({ g, q, pool }, i) => {
      const without = linear(groups.filter((_, j) => articles[j] !== g.article));
      expect(stacked[i]).toEqual(passageGroup(engine, g, q, pool, under(without)));
    });
    // The in-sample model scores the pools otherwise (else this test could not tell the two apart).
    const inSample = passageTrainingGroups(engine, prepared, () => all);
    expect(stacked).not.toEqual(inSample);

    const trained = (sentenceFolds: number): AskWeights => trainAskWeights(engine, GOLD, 'stack fixture', { trees: false, align: false, pick: false, sentenceFolds }).weights;
    const threeFolds = trained(3);
    expect(threeFolds.sentence.weights).toEqual(all.weights);
    expect(threeFolds.passage.weights).toEqual(trainConditionalLogit(stacked, PASSAGE_FEATURES.length));
    expect(trained(1).passage.weights).toEqual(trainConditionalLogit(inSample, PASSAGE_FEATURES.length));
    expect(() => trainAskWeights(engine, GOLD, 'stack fixture', { sentenceFolds: 0 })).toThrow(/sentence folds must be a whole number/);
  });
});

describe('train:ask --sentence-folds', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'ask-stack-'));
    writeFileSync(join(tmp, 'docs.jsonl'), Object.entries(DOCS).map(([id, paragraphs]) => JSON.stringify({ id, paragraphs })).join('\n'));
    writeFileSync(join(tmp, 'questions.jsonl'), GOLD.map((g) => JSON.stringify({ question: g.question, doc_id: g.article, paragraph_index: g.paragraph - 1, answers: g.answers })).join('\n'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const trainAsk = (...extra: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'train-ask.ts'), join(tmp, 'docs.jsonl'), join(tmp, 'questions.jsonl'), ...extra], { cwd: ROOT, encoding: 'utf8' });

  it('GIVEN a fold count THEN the script trains over that many sentence models and says so; a bad count or one with --span-only / --passage-only is refused', () => {
    const run = trainAsk('--out', join(tmp, 'w.json'), '--linear', '--sentence-folds', '3', '--passage-variants');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/out-of-fold sentence scores: 3 folds by article, each scored by a sentence model fitted without it \(fold models \d+\.\d s\)/);
    // Each boosting setting: a weights file that loads, the same models but the passage one.
    const base = parseWeights(JSON.parse(readFileSync(join(tmp, 'w.json'), 'utf8')));
    for (const label of ['depth2', 'depth4', 'lambda10', 'minchild16', 'lr005']) {
      expect(run.stdout).toContain(`w.passage-${label}.json`);
      const variant = parseWeights(JSON.parse(readFileSync(join(tmp, `w.passage-${label}.json`), 'utf8')));
      expect({ ...variant, passage: base.passage }).toEqual(base);
      expect(variant.passage.weights).toEqual(base.passage.weights);
    }
    expect(trainAsk('--linear', '--sentence-folds', '1', '--out', join(tmp, 'w1.json')).stdout).toMatch(/in-sample sentence scores \(--sentence-folds 1\)/);
    // 0 and 1.5 are refused by trainAskWeights itself (above); the script's own check, before loading anything:
    const bad = trainAsk('--sentence-folds', 'two');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--sentence-folds needs a whole number of folds/);
    const span = trainAsk('--out', join(tmp, 'w.json'), '--span-only', '--sentence-folds', '3');
    expect(span.status).toBe(1);
    expect(span.stderr).toMatch(/--sentence-folds trains the passage model, which --span-only keeps/);
    const kept = trainAsk('--passage-only', join(tmp, 'w.json'), '--sentence-folds', '3');
    expect(kept.status).toBe(1);
    expect(kept.stderr).toMatch(/--passage-only cannot/);
  }, 120_000); // five spawned trainings on two shared cores
});
