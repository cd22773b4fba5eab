import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIDENT_MARGIN, CONFIDENT_OVERLAP, CONFIDENT_TYPED_OVERLAP, type Engine } from '../../src/engine.js';
import { scorePool } from '../../src/search/answer.js';
import { DEFAULT_ASK_WEIGHTS, parseWeights, SENTENCE_FEATURES, type AskWeights, type Ranker } from '../../src/search/ask-model.js';
import { answerFirst, RERANK_FEATURES, rerankChoice, rerankFingerprint, rerankItems, trainRerank, type Rerank } from '../../src/search/rerank.js';
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
/** A re-ranker that reads one feature only. */
const onlyRerank = (name: (typeof RERANK_FEATURES)[number], weight: number, passages = 3): Rerank => ({
  features: [...RERANK_FEATURES],
  weights: RERANK_FEATURES.map((f) => (f === name ? weight : 0)),
  passages,
  sentences: 3,
  fitOver: rerankFingerprint(DEFAULT_ASK_WEIGHTS),
});
/** The default weights whose pick model shows a passage's first sentence (which holds no amount). */
const firstShown: AskWeights = { ...DEFAULT_ASK_WEIGHTS, pick: onlySentence('position', -5) };
const ranked = (weights: AskWeights) => {
  const { q, pool } = engine.askPool(QUESTION, 20);
  return { q, ranked: scorePool(engine.index, pool, q, weights).sort((a, b) => b.score - a.score) };
};
const at = (name: (typeof RERANK_FEATURES)[number]): number => RERANK_FEATURES.indexOf(name);

describe('ask: the re-ranker reads the span model beside the sentence models', () => {
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
    }
    const top = items.filter((it) => it.passage === 0);
    expect(top[0]?.sentence).toMatch(/^The old river bridge/);
    expect(top.map((it) => it.span)).toContain(null);
    // With three sentences each, the amount's sentence competes too, with the best span score of the items.
    const amount = rerankItems(pool.slice(0, 1), q, firstShown, 3).find((it) => it.span === '2 million pounds');
    expect(amount?.sentence).toMatch(/^The repairs cost/);
    expect(amount?.features[at('spanVsBest')]).toBe(0);
  });

  it('GIVEN an engine with a re-ranker that prefers a sentence with a candidate THEN ask answers with the amount\'s sentence; without one, with the pick\'s', () => {
    const saved = engine.askWeights;
    try {
      engine.askWeights = firstShown;
      expect(engine.ask({ question: QUESTION }).hits[0]?.answer).toMatch(/^The old river bridge/);
      engine.askWeights = { ...firstShown, rerank: onlyRerank('noCandidate', -5, 1) };
      const hits = engine.ask({ question: QUESTION }).hits;
      expect(hits[0]?.answer).toMatch(/^The repairs cost/);
      expect(hits[0]?.answerSpan?.text).toBe('2 million pounds');
      engine.askWeights = { ...firstShown, rerank: onlyRerank('shown', 5, 1) };
      expect(engine.ask({ question: QUESTION }).hits[0]?.answer).toMatch(/^The old river bridge/);
    } finally {
      engine.askWeights = saved;
    }
  });

  it('GIVEN a re-ranker that prefers another passage\'s sentence THEN that passage comes first and the rest keep their order', () => {
    const { q, ranked: pool } = ranked(firstShown);
    const weights = { ...firstShown, rerank: onlyRerank('topPassage', -5, 2) };
    const order = answerFirst(pool, q, weights);
    expect(order.map((c) => c.ranked.passage)).toEqual([pool[1], pool[0], ...pool.slice(2)].map((c) => c?.ranked.passage));
    // Without a re-ranker, or when it keeps the top passage's shown sentence, nothing moves.
    expect(answerFirst(pool, q, firstShown)).toEqual(pool);
    expect(answerFirst(pool, q, { ...firstShown, rerank: onlyRerank('shown', 5) })).toEqual(pool);
  });

  it('GIVEN a re-ranker that moves another passage first THEN ask is as sure as the passage model\'s own margin and the moved sentence make it', () => {
    const saved = engine.askWeights;
    try {
      const weights = { ...firstShown, rerank: onlyRerank('topPassage', -5, 2) };
      engine.askWeights = weights;
      // An open question: the ferry paragraph's sentence restates more than half of it.
      const question = 'What carried traffic in Dunmore while the bridge was repaired?';
      const { q, pool: retrieved } = engine.askPool(question, 20);
      const pool = scorePool(engine.index, retrieved, q, weights).sort((a, b) => b.score - a.score);
      const moved = answerFirst(pool, q, weights)[0];
      const margin = (pool[0]?.score ?? 0) - (pool[1]?.score ?? 0);
      const typed = moved !== undefined && moved.best.typed.length > 0;
      const overlap = moved?.best.overlap ?? 0;
      const expected = margin >= CONFIDENT_MARGIN && overlap >= (typed ? CONFIDENT_TYPED_OVERLAP : CONFIDENT_OVERLAP);
      // The fixture is built so that this ask is sure: before the fix the moved passage had no margin and never was.
      expect(expected).toBe(true);
      expect(engine.ask({ question }).confident).toBe(expected);
    } finally {
      engine.askWeights = saved;
    }
  });

  it('GIVEN groups whose right item has a candidate THEN the fitted re-ranker learns to prefer a candidate and chooses the right items', () => {
    const x = (noCandidate: number, shown: number): number[] => RERANK_FEATURES.map((f) => (f === 'noCandidate' ? noCandidate : f === 'shown' ? shown : 0));
    const groups = Array.from({ length: 40 }, (_, i) => ({ features: [x(1, 1), x(0, 0), x(1, 0)], positive: [i % 10 === 0, i % 10 !== 0, false] }));
    const model = trainRerank(groups, { trees: false, passages: 3, fitOver: 'x' });
    expect(model.weights[at('noCandidate')]).toBeLessThan(0);
    const items = groups[1]?.features.map((f, i) => ({ passage: 0, at: i, sentence: '', shown: i === 0, span: null, features: f })) ?? [];
    expect(rerankChoice(model, items)).toBe(1);
  });

  it('GIVEN a weights file with a re-ranker THEN loading checks it and names the script that fits it', () => {
    const doc = JSON.parse(JSON.stringify({ ...DEFAULT_ASK_WEIGHTS, rerank: onlyRerank('span', 1) })) as AskWeights;
    expect(parseWeights(JSON.parse(JSON.stringify(doc))).rerank?.weights).toEqual(onlyRerank('span', 1).weights);
    expect(() => parseWeights({ ...doc, rerank: { ...doc.rerank, features: ['span'] } })).toThrow(/re-ranker: features differ.*missing: topPassage.*train:rerank/);
    // Fitted over other models (a retrained pick model here): its features would read other scores.
    expect(() => parseWeights({ ...doc, pick: onlySentence('position', 1) })).toThrow(/re-ranker: fitted over other answer models.*train:rerank/);
    expect(() => parseWeights({ ...doc, rerank: { ...doc.rerank, fitOver: undefined } })).toThrow(/no fingerprint/);
    expect(() => parseWeights({ ...doc, rerank: { ...doc.rerank, sentences: 1.5 } })).toThrow(/whole numbers/);
    expect(() => parseWeights({ ...doc, rerank: { ...doc.rerank, weights: RERANK_FEATURES.map(() => Number.NaN) } })).toThrow(/re-ranker: needs/);
    expect(() => parseWeights({ ...doc, rerank: { ...doc.rerank, passages: 0 } })).toThrow(/whole numbers/);
    const none = { ...doc } as Partial<AskWeights>;
    delete none.rerank;
    expect(parseWeights(none).rerank).toBeUndefined();
  });
});
