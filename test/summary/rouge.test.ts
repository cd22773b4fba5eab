import { describe, expect, it } from 'vitest';
import { lcsLength, rouge, rouge1Parts, rougeTokens } from '../../bench/rouge.js';

describe('rouge', () => {
  it('GIVEN mixed case and punctuation THEN tokens are lower-cased alphanumeric runs, unstemmed', () => {
    expect(rougeTokens('Profits JUMPED 76% to $1.13bn, analysts said.')).toEqual(['profits', 'jumped', '76', 'to', '1', '13bn', 'analysts', 'said']);
  });

  it('GIVEN identical texts THEN every score is 1', () => {
    expect(rouge('The cat sat on the mat.', 'the cat sat on the mat')).toEqual({ rouge1: 1, rouge2: 1, rougeL: 1 });
  });

  it('GIVEN a worked example THEN the F1 scores match hand counts', () => {
    // cand: the cat was found under the bed (7) / ref: the cat was under the bed (6)
    const r = rouge('the cat was found under the bed', 'the cat was under the bed');
    expect(r.rouge1).toBeCloseTo((2 * (6 / 7) * 1) / (6 / 7 + 1), 10);
    // bigrams: cand 6, ref 5, overlap 4 (the cat, cat was, under the, the bed)
    expect(r.rouge2).toBeCloseTo((2 * (4 / 6) * (4 / 5)) / (4 / 6 + 4 / 5), 10);
    expect(r.rougeL).toBeCloseTo(r.rouge1, 10);
  });

  it('GIVEN repeated words THEN overlap is clipped to the reference count', () => {
    expect(rouge('the the the the', 'the cat').rouge1).toBeCloseTo((2 * 0.25 * 0.5) / 0.75, 10);
  });

  it('GIVEN an empty side THEN the scores are 0', () => {
    expect(rouge('', 'the cat')).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0 });
  });

  it('GIVEN two sequences THEN LCS is the longest common subsequence', () => {
    expect(lcsLength(['a', 'b', 'c', 'd', 'e'], ['a', 'c', 'e', 'x'])).toBe(3);
  });

  it('GIVEN a longer candidate THEN ROUGE-1 precision falls while recall holds, and F1 is their harmonic mean', () => {
    // cand: the cat was found under the bed (7 tokens, 6 shared) / ref: the cat was under the bed (6)
    const parts = rouge1Parts('the cat was found under the bed', 'the cat was under the bed');
    expect(parts).toEqual({ precision: 6 / 7, recall: 1 });
    const f1 = (2 * parts.precision * parts.recall) / (parts.precision + parts.recall);
    expect(rouge('the cat was found under the bed', 'the cat was under the bed').rouge1).toBeCloseTo(f1, 12);
    expect(rouge1Parts('', 'the cat')).toEqual({ precision: 0, recall: 0 });
  });
});
