import { describe, expect, it } from 'vitest';
import { DEFAULT_ASK_WEIGHTS, dot, groupAccuracy, PASSAGE_FEATURES, parseWeights, rankerScore, trainConditionalLogit, type Group } from '../../src/search/ask-model.js';
import { checkForest, dot as leafDot, forestValue, teaches, trainBoosted, treeValue, type Tree } from '../../src/search/boost.js';
import { correctedScore, passageCues, type NewsCorrection } from '../../src/search/news-correction.js';

/**
 * Groups where the right item is the one whose feature 0 is middling (0.5 among 0.1 and 0.9),
 * in an order that varies: a weighted sum can only prefer the largest or the smallest, trees
 * can pick the middle. Feature 1 is noise.
 */
function middleGroups(n: number, seed: number): Group[] {
  return Array.from({ length: n }, (_, i) => {
    const values = [0.1, 0.5, 0.9];
    const shift = (i * 7 + seed) % 3;
    const order = [...values.slice(shift), ...values.slice(0, shift)];
    return {
      features: order.map((v, k) => [v, ((i + k * 5 + seed) % 7) / 7]),
      positive: order.map((v) => v === 0.5),
    };
  });
}

describe('boosted trees for ask', () => {
  it('GIVEN a tree THEN an item goes left when its feature is at most the threshold', () => {
    const tree: Tree = { feature: [0, -1, -1], threshold: [0.5, 0, 0], value: [0, -1, 2] };
    expect(treeValue(tree, [0.5])).toBe(-1);
    expect(treeValue(tree, [0.7])).toBe(2);
    expect(forestValue([tree, tree], [0.9])).toBe(4);
  });

  it('GIVEN a right item no weighted sum can pick THEN the trees boosted on the linear score learn it', () => {
    const train = middleGroups(400, 1);
    const test = middleGroups(200, 2);
    const w = trainConditionalLogit(train, 2);
    const linear = groupAccuracy(test, w);
    expect(linear).toBeLessThan(0.6);
    const { trees, chosen } = trainBoosted(train, 2, (x) => dot(w, x), { trees: 60 });
    expect(chosen).toBeGreaterThan(0);
    expect(trees).toHaveLength(chosen);
    let right = 0;
    for (const g of test) {
      const scores = g.features.map((x) => dot(w, x) + forestValue(trees, x));
      if (g.positive[scores.indexOf(Math.max(...scores))]) right++;
    }
    expect(right / test.length).toBe(1);
  });

  it('GIVEN the same groups twice THEN the trees are the same (retraining is reproducible)', () => {
    const groups = middleGroups(100, 3);
    const a = trainBoosted(groups, 2, () => 0, { trees: 10 });
    const b = trainBoosted(groups, 2, () => 0, { trees: 10 });
    expect(JSON.stringify(a.trees)).toBe(JSON.stringify(b.trees));
  });

  it('GIVEN nothing the trees can learn THEN none are kept', () => {
    const groups = Array.from({ length: 50 }, () => ({ features: [[1], [0]], positive: [true, false] }));
    // The base score already ranks every group right and confidently.
    expect(trainBoosted(groups, 1, (x) => 30 * (x[0] ?? 0), { trees: 5 }).chosen).toBe(0);
  });

  it('GIVEN malformed trees THEN loading says what is wrong and to retrain', () => {
    expect(() => checkForest({}, 3, 'sentence')).toThrow(/sentence trees must be a list.*npm run train:ask/);
    expect(() => checkForest([{ feature: [5, -1, -1], threshold: [0, 0, 0], value: [0, 0, 0] }], 3, 'passage')).toThrow(/feature 5 out of range/);
    expect(() => checkForest([{ feature: [0], threshold: [0], value: [0] }], 3, 'passage')).toThrow(/a split without children/);
    expect(() => checkForest([{ feature: [-1], threshold: [0], value: [Number.NaN] }], 3, 'passage')).toThrow(/finite numbers/);
    expect(() => checkForest([{ feature: [-1, -1], threshold: [0], value: [0] }], 3, 'passage')).toThrow(/differ in length/);
    const doc = JSON.parse(JSON.stringify(DEFAULT_ASK_WEIGHTS)) as { sentence: { trees?: unknown } };
    doc.sentence.trees = [{ feature: [99, -1, -1], threshold: [0, 0, 0], value: [0, 0, 0] }];
    expect(() => parseWeights(doc)).toThrow(/sentence trees feature 99 out of range/);
  });

  it('GIVEN the committed weights THEN the sentence ranker carries trees and rankers score linear plus trees', () => {
    // The passage ranker keeps as many trees as its validation asked for (possibly none).
    expect(DEFAULT_ASK_WEIGHTS.sentence.trees?.length).toBeGreaterThan(0);
    for (const r of [DEFAULT_ASK_WEIGHTS.sentence, DEFAULT_ASK_WEIGHTS.passage]) {
      expect(Array.isArray(r.trees)).toBe(true);
      const x = r.features.map((_, i) => (i % 3) / 2);
      expect(rankerScore(r, x)).toBeCloseTo(dot(r.weights, x) + forestValue(r.trees ?? [], x), 10);
    }
  });
});

describe('the shared linear score and group filter (boost.ts dot, teaches)', () => {
  it('GIVEN weights, features and a start THEN dot adds the terms to the start in feature order (the news correction on a passage score sums the same way, bit for bit)', () => {
    const w = [0.1, -0.7, 1e-17, 3];
    const x = [0.3, 0.2, 1, 1e-16, 5];
    let s = 0.9;
    for (let i = 0; i < x.length; i++) s += (w[i] ?? 0) * (x[i] ?? 0);
    expect(leafDot(w, x, 0.9)).toBe(s);
    expect(leafDot(w, x)).toBe(leafDot(w, x, 0));
    expect(dot).toBe(leafDot);
    // The correction: the passage score plus its weighted features, in that order.
    const correction: NewsCorrection = { features: ['score', 'articleFirst', 'leadUntyped', 'restateUntyped', 'typedPassage'], weights: [-0.4, -1.1, -0.5, -0.6, 0.9], l2: 0.003, trainedOn: 'fixture', passage: 'x' };
    const cues = passageCues(PASSAGE_FEATURES);
    const passage = PASSAGE_FEATURES.map((_, i) => (i === cues.first ? 1 : i === cues.overlap ? 0.7 : 0));
    const expected = [0.35, 1, 1, 0.7, 0].reduce((acc, v, i) => acc + (correction.weights[i] ?? 0) * v, 0.35);
    expect(correctedScore(correction, passage, cues, 0.35, 'person', true)).toBe(expected);
    expect(correctedScore(correction, passage, cues, 0.35, 'person', false)).toBe(0.35);
  });

  it('GIVEN groups THEN only those with a right and a wrong item teach', () => {
    expect(teaches({ positive: [true, false] })).toBe(true);
    expect(teaches({ positive: [false, false, true] })).toBe(true);
    expect(teaches({ positive: [true, true] })).toBe(false);
    expect(teaches({ positive: [false] })).toBe(false);
    expect(teaches({ positive: [] })).toBe(false);
  });
});
