// Candidate speakers carry their features as vectors (rows of one reused slab, FEATURES order),
// scored as a dot product: the rows must keep their own values when the slab grows, one article's
// candidates must never leak into the next, and what an observer receives must be its own copy.
import { describe, expect, it } from 'vitest';
import { attributeArticle, type CandidateView } from '../../src/quotes/attribute.js';
import { DEFAULT_WEIGHTS, FEATURE_COUNT, FEATURE_INDEX, FEATURES, featuresOf, scoreVector, vectorOf, weightVector, type SpeakerWeights } from '../../src/quotes/ranker.js';
import { candidatesAt } from './speaker-of.js';

const FIRST = ['Alice', 'Bruno', 'Carla', 'David', 'Elena', 'Frank', 'Greta', 'Henry', 'Irene', 'James', 'Karen', 'Louis', 'Maria', 'Nigel', 'Olga', 'Peter', 'Rita', 'Simon', 'Teresa', 'Victor'];
const LAST = ['Abbott', 'Barlow', 'Carver', 'Dalton'];

describe('candidate feature vectors', () => {
  it('GIVEN the FEATURES order THEN FEATURE_INDEX, vectorOf and featuresOf agree, and scoring is the dot product with the weights', () => {
    expect(FEATURES.every((f, j) => FEATURE_INDEX[f] === j)).toBe(true);
    const x = vectorOf({ slot_tail: 1, nearness: 0.5, full_name: 1 });
    expect(x).toHaveLength(FEATURE_COUNT);
    expect(featuresOf(x)).toEqual({ slot_tail: 1, nearness: 0.5, full_name: 1 });
    const w: SpeakerWeights = { version: 1, weights: { ...DEFAULT_WEIGHTS.weights, slot_tail: 2, nearness: -4, full_name: 0.25 } };
    const expected = 2 * 1 + -4 * 0.5 + 0.25 * 1;
    expect(scoreVector(weightVector(w), x)).toBeCloseTo(expected, 12);
    // A row of a slab is scored from its offset.
    const slab = new Float64Array(3 * FEATURE_COUNT);
    slab.set(x, FEATURE_COUNT);
    expect(scoreVector(weightVector(w), slab, FEATURE_COUNT)).toBe(scoreVector(weightVector(w), x));
    expect(scoreVector(weightVector(w), slab, 0)).toBe(0);
  });

  it('GIVEN a quote with 40 people named around it THEN every candidate keeps its own features as the slab grows', () => {
    const names = LAST.flatMap((l) => FIRST.slice(0, 10).map((f) => `${f} ${l}`));
    const ps = [`${names.slice(0, 20).join(', ')} met on Monday.`, `${names.slice(20).join(', ')} came too. Victor Dalton said: “We agreed on nothing at all.”`];
    const cands = candidatesAt(ps, 'We agreed');
    const people = cands.filter((c) => c.speaker !== null && names.includes(c.speaker));
    // More candidates than the slab's first 16 rows, each with the features of a name read near the quote.
    expect(people.length).toBe(40);
    for (const c of people) {
      expect(c.vector[FEATURE_INDEX.via_name]).toBe(1);
      expect(c.vector[FEATURE_INDEX.nearness]).toBeGreaterThan(0);
      expect(c.vector[FEATURE_INDEX.full_name]).toBe(1);
      expect((c.vector[FEATURE_INDEX.near_para] ?? 0) + (c.vector[FEATURE_INDEX.near_prev] ?? 0)).toBeGreaterThan(0);
    }
    // The first rows (written before the slab grew) are not the zeros a lost copy would leave.
    expect(featuresOf(people.find((c) => c.speaker === names[0])?.vector ?? [])).toMatchObject({ via_name: 1, near_prev: 1, full_name: 1 });
    const victor = cands.find((c) => c.speaker === 'Victor Dalton');
    expect(victor?.vector[FEATURE_INDEX.slot_pre]).toBe(1);
    expect(attributeArticle(ps).find((q) => q.text.startsWith('We agreed'))?.speaker).toBe('Victor Dalton');
  });

  it('GIVEN an article attributed after another THEN its candidates are those it has alone (the reused table leaks nothing)', () => {
    const a = ['Greta Abbott and Henry Barlow spoke for the union.', '“We will strike,” Greta Abbott said, and Henry Barlow agreed.'];
    const b = ['Rain fell on the town.', '“It was the worst in years,” said one farmer.'];
    const alone = JSON.stringify(candidatesAt(b, 'It was').map((c) => [c.speaker, [...c.vector]]));
    candidatesAt(a, 'We will');
    expect(JSON.stringify(candidatesAt(b, 'It was').map((c) => [c.speaker, [...c.vector]]))).toBe(alone);
    expect(alone).not.toMatch(/Abbott|Barlow/);
  });

  it('GIVEN two quotes far apart with different people THEN each quote has its own candidates (rows and keys reused, never stale)', () => {
    const filler = Array.from({ length: 8 }, (_, k) => `The committee met again on day ${k + 1} to read the long report on harbour dues and fishing rights, line by line.`);
    const ps = ['Alice Abbott and Bruno Barlow run the harbour board.', '“The dues will rise,” Alice Abbott said.', ...filler, 'Carla Carver chairs the fishing council.', '“We will fight the rise,” said Bruno Barlow.'];
    const all: Array<Array<{ speaker: string | null; slot: number }>> = [];
    const speakers = attributeArticle(ps, {
      observe: (_q, candidates) => {
        all.push(candidates.map((c) => ({ speaker: c.speaker, slot: c.vector[FEATURE_INDEX.slot_tail] ?? 0 })));
      },
    }).map((q) => q.speaker);
    expect(speakers).toEqual(['Alice Abbott', 'Bruno Barlow']);
    expect(all).toHaveLength(2);
    for (const cands of all) expect(new Set(cands.map((c) => c.speaker)).size).toBe(cands.length);
    expect(all[1]?.find((c) => c.speaker === 'Bruno Barlow')?.slot).toBe(1);
    expect(all[1]?.find((c) => c.speaker === 'Alice Abbott')?.slot ?? 0).toBe(0);
  });

  it('GIVEN an observer that keeps or changes the vectors it receives THEN they stay as given and attribution is unchanged (each is a copy)', () => {
    const ps = ['Nigel Carver runs the mill.', '“Prices will rise,” Carver said. “We have no choice,” he added.'];
    const kept: CandidateView[][] = [];
    const atCall: number[][][] = [];
    attributeArticle(ps, {
      observe: (_q, candidates) => {
        kept.push([...candidates]);
        atCall.push(candidates.map((c) => [...c.vector]));
      },
    });
    expect(kept).toHaveLength(2);
    expect(kept.map((cs) => cs.map((c) => [...c.vector]))).toEqual(atCall);
    const plain = attributeArticle(ps).map((q) => q.speaker);
    const meddled = attributeArticle(ps, {
      observe: (_q, candidates) => {
        for (const c of candidates) c.vector.fill(-1);
      },
    }).map((q) => q.speaker);
    expect(meddled).toEqual(plain);
    expect(plain).toEqual(['Nigel Carver', 'Nigel Carver']);
  });
});
