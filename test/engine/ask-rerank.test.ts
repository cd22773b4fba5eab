import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { scorePool } from '../../src/search/answer.js';
import { DEFAULT_ASK_WEIGHTS, SENTENCE_FEATURES, type AskWeights, type Ranker } from '../../src/search/ask-model.js';
import { MAX_MARGIN, RERANK_FEATURES, rerankChoice, rerankItems, trainRerank } from '../../bench/rerank.js';
import { engineFor, removeDir, writeArchive } from '../helpers/archive.js';

const NEWS: Record<string, string> = {
  'bridge.txt': `date 2006-05-02
Bridge reopens

The old river bridge in Dunmore reopened to traffic on Monday after repairs. Engineers had closed the bridge in March because of cracks in its piers. The repairs cost the county 2 million pounds.`,
  'ferry.txt': `date 2006-05-09
Ferry returns

The Dunmore ferry that carried traffic while the river bridge was repaired stopped on Friday. Its owners said the repairs to the bridge had doubled their trade.`,
};

let dir: string;
let engine: Engine;
beforeAll(() => {
  dir = writeArchive(NEWS);
  engine = engineFor(dir);
});
afterAll(() => removeDir(dir));

const QUESTION = 'How much did the repairs to the Dunmore bridge cost?';
/** A sentence ranker that reads one feature only. */
const onlySentence = (name: (typeof SENTENCE_FEATURES)[number], weight: number): Ranker => ({
  features: [...SENTENCE_FEATURES],
  weights: SENTENCE_FEATURES.map((f) => (f === name ? weight : 0)),
});
/** The default weights whose pick model shows a passage's first sentence (which holds no amount). */
const firstShown: AskWeights = { ...DEFAULT_ASK_WEIGHTS, pick: onlySentence('position', -5) };
const ranked = (weights: AskWeights) => {
  const { q, pool } = engine.askPool(QUESTION, 20);
  return { q, ranked: scorePool(engine.index, pool, q, weights).sort((a, b) => b.score - a.score) };
};
const at = (name: (typeof RERANK_FEATURES)[number]): number => RERANK_FEATURES.indexOf(name);

describe('bench/rerank.ts: the answer-aware re-ranker study reads the span model beside the sentence models', () => {
  it('GIVEN the top passages THEN each competes with its best sentences by the pick model, one of them the shown one, and the span model\'s evidence', () => {
    const { q, ranked: pool } = ranked(firstShown);
    expect(pool.length).toBeGreaterThanOrEqual(2);
    const items = rerankItems(pool.slice(0, 2), q, firstShown, 2);
    // Two passages, at most two sentences each (the ferry story has two).
    expect(items.map((it) => it.passage)).toEqual([0, 0, 1, 1]);
    for (const p of [0, 1]) expect(items.filter((it) => it.passage === p && it.shown)).toHaveLength(1);
    for (const it of items) {
      expect(it.features).toHaveLength(RERANK_FEATURES.length);
      expect(it.features[at('topPassage')]).toBe(it.passage === 0 ? 1 : 0);
      if (it.shown) expect(it.features[at('pickVsBest')]).toBe(0);
      else expect(it.features[at('pickVsBest')]).toBeLessThan(0);
      // A how-much question: only a sentence with an amount has a candidate the span may be.
      expect(it.features[at('noCandidate')]).toBe(it.span === null ? 1 : 0);
      if (it.span === null) expect(it.features[at('spanVsBest')]).toBe(-MAX_MARGIN);
    }
    const top = items.filter((it) => it.passage === 0);
    expect(top[0]?.sentence).toMatch(/^The old river bridge/);
    expect(top.map((it) => it.span)).toContain(null);
    // With three sentences each, the amount's sentence competes too, with the best span score of the items.
    const amount = rerankItems(pool.slice(0, 1), q, firstShown, 3).find((it) => it.span === '2 million pounds');
    expect(amount?.sentence).toMatch(/^The repairs cost/);
    expect(amount?.features[at('spanVsBest')]).toBe(0);
  });

  it('GIVEN groups whose right item has a candidate THEN the fitted re-ranker learns to prefer a candidate and chooses the right items', () => {
    const x = (noCandidate: number, shown: number): number[] => RERANK_FEATURES.map((f) => (f === 'noCandidate' ? noCandidate : f === 'shown' ? shown : 0));
    const groups = Array.from({ length: 40 }, (_, i) => ({ features: [x(1, 1), x(0, 0), x(1, 0)], positive: [i % 10 === 0, i % 10 !== 0, false] }));
    const model = trainRerank(groups, { trees: false, passages: 3 });
    expect(model.weights[at('noCandidate')]).toBeLessThan(0);
    const items = groups[1]?.features.map((f, i) => ({ passage: 0, at: i, sentence: '', shown: i === 0, span: null, features: f })) ?? [];
    expect(rerankChoice(model, items)).toBe(1);
  });
});
