import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { scorePool } from '../../src/search/answer.js';
import { DEFAULT_ASK_WEIGHTS, parseWeights, SENTENCE_FEATURES, type AskWeights, type Ranker } from '../../src/search/ask-model.js';
import { engineFor, removeDir, writeArchive } from '../helpers/archive.js';

const NEWS: Record<string, string> = {
  'bridge.txt': `date 2006-05-02
Bridge reopens

The old river bridge in Dunmore reopened to traffic on Monday after repairs. Engineers had closed the bridge in March because of cracks in its piers. The repairs cost the county 2 million pounds.`,
};

let dir: string;
let engine: Engine;
beforeAll(() => {
  dir = writeArchive(NEWS);
  engine = engineFor(dir);
});
afterAll(() => removeDir(dir));

/** A ranker that reads one feature only. */
const only = (name: (typeof SENTENCE_FEATURES)[number], weight: number): Ranker => ({
  features: [...SENTENCE_FEATURES],
  weights: SENTENCE_FEATURES.map((f) => (f === name ? weight : 0)),
});
const choose = (weights: AskWeights) => {
  const { q, pool } = engine.askPool('Why did engineers close the Dunmore bridge?', 20);
  return scorePool(engine.index, pool, q, weights);
};

describe('ask: the pick model chooses the sentence shown from a chosen passage', () => {
  it('GIVEN a pick model THEN it chooses the shown sentence; the passage scores and features stay the sentence model\'s', () => {
    const sentence = only('position', -5); // the sentence model prefers the first sentence
    const { pick: _none, ...plain } = DEFAULT_ASK_WEIGHTS;
    const without = choose({ ...plain, sentence });
    const withPick = choose({ ...DEFAULT_ASK_WEIGHTS, sentence, pick: only('position', 5) });
    expect(without[0]?.best.sentence.text).toMatch(/^The old river bridge/);
    expect(withPick[0]?.best.sentence.text).toMatch(/^The repairs cost/);
    expect(withPick.map((c) => c.score)).toEqual(without.map((c) => c.score));
    expect(withPick.map((c) => c.features)).toEqual(without.map((c) => c.features));
  });

  it('GIVEN an engine whose weights have a pick model THEN ask shows its sentence', () => {
    const saved = engine.askWeights;
    try {
      engine.askWeights = { ...DEFAULT_ASK_WEIGHTS, pick: only('position', 5) };
      expect(engine.ask({ question: 'Why did engineers close the Dunmore bridge?' }).hits[0]?.answer).toMatch(/^The repairs cost/);
      engine.askWeights = { ...DEFAULT_ASK_WEIGHTS, pick: only('position', -5) };
      expect(engine.ask({ question: 'Why did engineers close the Dunmore bridge?' }).hits[0]?.answer).toMatch(/^The old river bridge/);
    } finally {
      engine.askWeights = saved;
    }
  });

  it('GIVEN a weights file whose pick model names other features or has a bad number THEN loading says to retrain', () => {
    const doc = JSON.parse(JSON.stringify({ ...DEFAULT_ASK_WEIGHTS, pick: only('first', 1) })) as AskWeights;
    expect(parseWeights(JSON.parse(JSON.stringify(doc))).pick?.weights).toEqual(only('first', 1).weights);
    expect(() => parseWeights({ ...doc, pick: { ...doc.pick, features: ['first'] } })).toThrow(/pick features differ.*retrain/);
    expect(() => parseWeights({ ...doc, pick: { ...doc.pick, weights: SENTENCE_FEATURES.map((_, i) => (i === 0 ? Number.NaN : 0)) } })).toThrow(/pick needs/);
    const noPick = { ...doc } as Partial<AskWeights>;
    delete noPick.pick;
    expect(parseWeights(noPick).pick).toBeUndefined();
  });
});
