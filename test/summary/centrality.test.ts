import { describe, expect, it } from 'vitest';
import { centrality, cosine, sentenceVectors } from '../../src/summary/centrality.js';
import { selectDiverse } from '../../src/summary/redundancy.js';

describe('centrality', () => {
  it('GIVEN a sentence sharing nothing with the rest THEN its centrality is 0, and the most shared one gets 1', () => {
    const v = sentenceVectors([['bank', 'rate', 'hold'], ['bank', 'rate', 'rise'], ['ferri', 'strike'], ['bank', 'rate']]);
    const c = centrality(v);
    expect(c[2]).toBe(0);
    expect(Math.max(...c)).toBe(1);
  });

  it('GIVEN two unrelated sentences THEN neither is central (no rounding noise)', () => {
    expect(centrality(sentenceVectors([['bank', 'rate'], ['ferri', 'strike']]))).toEqual([0, 0]);
  });

  it('GIVEN empty term lists THEN vectors are empty and similarities 0', () => {
    const { vectors: v } = sentenceVectors([[], ['bank']]);
    const [a, b] = v;
    expect(a?.ids.length).toBe(0);
    if (a && b) expect(cosine(a, b)).toBe(0);
  });
});

describe('selectDiverse', () => {
  it('GIVEN a near-duplicate of the best sentence THEN the next different one is taken instead', () => {
    const v = sentenceVectors([['quak', 'damag', 'home', 'power'], ['quak', 'damag', 'home', 'power', 'offici'], ['school', 'close', 'tuesdai']]);
    expect(selectDiverse([3, 2.9, 1], v, 2)).toEqual([0, 2]);
  });

  it('GIVEN fewer sentences than asked THEN it returns all distinct ones', () => {
    const v = sentenceVectors([['a1'], ['a1'], ['b2']]);
    expect(selectDiverse([1, 1, 1], v, 5).sort()).toEqual([0, 2]);
  });
});
