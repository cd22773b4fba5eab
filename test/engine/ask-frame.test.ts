import { describe, expect, it } from 'vitest';
import { questionView, scoreSentences, withAlign } from '../../src/search/answer.js';
import { DEFAULT_ASK_WEIGHTS, FRAME_SENTENCE_FEATURES, LOCATIVE_SENTENCE_FEATURES, SENTENCE_FEATURES, type Ranker } from '../../src/search/ask-model.js';
import { frameFeatures, orderedMatch, questionFrame, sameFamily } from '../../src/search/frame.js';
import type { AlignTable } from '../../src/search/align.js';
import { terms } from '../../src/text/tokenize.js';

const at = (name: (typeof FRAME_SENTENCE_FEATURES)[number]): number => SENTENCE_FEATURES.indexOf(name);
/** A sentence model that reads plain overlap plus one frame feature. */
const reading = (name: (typeof FRAME_SENTENCE_FEATURES)[number], weight: number): typeof DEFAULT_ASK_WEIGHTS => {
  const weights = new Array<number>(SENTENCE_FEATURES.length).fill(0);
  weights[SENTENCE_FEATURES.indexOf('overlap')] = 1;
  weights[at(name)] = weight;
  const sentence: Ranker = { features: [...SENTENCE_FEATURES], weights };
  return { ...DEFAULT_ASK_WEIGHTS, sentence };
};
const best = (scored: ReturnType<typeof scoreSentences>): number => scored.indexOf(scored.reduce((a, b) => (b.score > a.score ? b : a)));

describe('ask: the question frame in the sentence (frame.ts)', () => {
  it('GIVEN the frame features THEN they follow the align features, and the locative feature follows them (the pair features come last)', () => {
    const start = SENTENCE_FEATURES.indexOf('frame:lcs');
    expect(SENTENCE_FEATURES[start - 1]).toBe('align:pairGain');
    expect(SENTENCE_FEATURES.slice(start, start + FRAME_SENTENCE_FEATURES.length)).toEqual([...FRAME_SENTENCE_FEATURES]);
    const after = start + FRAME_SENTENCE_FEATURES.length;
    expect(SENTENCE_FEATURES.slice(after, after + LOCATIVE_SENTENCE_FEATURES.length)).toEqual([...LOCATIVE_SENTENCE_FEATURES]);
  });

  it('GIVEN a where-question answered by a common noun THEN the sentence with a locative phrase after the relation word gets place×locativeAfter and wins with it', () => {
    const question = 'Where do consultant pharmacists usually work?';
    const passage =
      'Consultant pharmacists usually work for themselves, and many consultant pharmacists run large companies. Consultant pharmacists work in nursing homes.';
    const q = questionView(question, terms(question), () => 1);
    const k = SENTENCE_FEATURES.indexOf('place×locativeAfter');
    const scored = scoreSentences(passage, q);
    expect(scored.map((s) => s.features[k])).toEqual([0, 1]);
    const weights = new Array<number>(SENTENCE_FEATURES.length).fill(0);
    weights[SENTENCE_FEATURES.indexOf('overlap')] = 1;
    expect(best(scoreSentences(passage, q, { ...DEFAULT_ASK_WEIGHTS, sentence: { features: [...SENTENCE_FEATURES], weights: [...weights] } }))).toBe(0);
    weights[k] = 1;
    expect(best(scoreSentences(passage, q, { ...DEFAULT_ASK_WEIGHTS, sentence: { features: [...SENTENCE_FEATURES], weights } }))).toBe(1);
    // Not a where-question; a locative whose noun the question says ("work in Paris" for a question about Paris): 0.
    const who = 'Who works in nursing homes?';
    for (const s of scoreSentences(passage, questionView(who, terms(who), () => 1))) expect(s.features[k]).toBe(0);
    const paris = 'Where in Paris do consultant pharmacists work?';
    expect(scoreSentences('Consultant pharmacists work in Paris.', questionView(paris, terms(paris), () => 1))[0]?.features[k]).toBe(0);
  });

  it('GIVEN sequences THEN orderedMatch is the weighted longest common subsequence', () => {
    const literal = (a: string, b: string): number => (a === b ? 1 : 0);
    const w = (t: string): number => (t === 'c' ? 3 : 1);
    expect(orderedMatch(['a', 'b', 'c'], ['a', 'x', 'b', 'c'], literal, w)).toBe(5);
    // Out of order: the heavier word wins over the two light ones.
    expect(orderedMatch(['a', 'b', 'c'], ['c', 'a', 'b'], literal, w)).toBe(3);
    expect(orderedMatch(['a'], [], literal, w)).toBe(0);
    expect(orderedMatch([], ['a'], literal, w)).toBe(0);
  });

  it('GIVEN a question THEN its frame is its terms in order, those after the wh-word without the head word', () => {
    const text = 'In 1990 what treaty did Lee sign in Paris?';
    const q = questionView(text, terms(text), () => 1);
    const frame = q.frame;
    // The view carries the frame the pure builder reads (and a copy with another table keeps it).
    expect(questionFrame(q)).toEqual(frame);
    expect(withAlign(q, { trainedOn: 'fixture', pairs: 0, table: {} }).frame).toEqual(frame);
    expect(frame.all).toEqual(terms(text).filter((t, i, all) => all.indexOf(t) === i));
    expect(frame.all[0]).toBe('1990');
    expect(frame.after).not.toContain('1990');
    expect(frame.after).toContain('sign');
    expect(frame.afterTotal).toBe(frame.after.length);
    expect(sameFamily('teach', 'teacher')).toBe(true);
    expect(sameFamily('1990', '1991')).toBe(false);
  });

  it('GIVEN two sentences with the same words THEN the one in the question\'s order has the larger ordered match and is chosen', () => {
    const question = 'When did Lee sign the treaty with Spain?';
    const passage = 'The treaty with Spain was what Lee wanted to sign, historians say, in the last years of the war. Lee signed the treaty with Spain in 1790.';
    const q = questionView(question, terms(question), () => 1);
    const scored = scoreSentences(passage, q);
    const lcs = scored.map((s) => s.features[at('frame:lcs')] ?? 0);
    const after = scored.map((s) => s.features[at('frame:afterWh')] ?? 0);
    // Both hold the same question words ("signed" stems to "sign"); only the second in the question's order.
    expect(scored[0]?.overlap).toBeCloseTo(scored[1]?.overlap ?? 0, 10);
    expect(lcs[1]).toBeCloseTo(scored[1]?.overlap ?? 0, 10);
    expect(lcs[0]).toBeLessThan(lcs[1] ?? 0);
    expect(after[1]).toBeGreaterThan(after[0] ?? 1);
    expect(best(scoreSentences(passage, q, reading('frame:lcs', 0)))).toBe(0);
    expect(best(scoreSentences(passage, q, reading('frame:lcs', 2)))).toBe(1);
  });

  it('GIVEN the frame said in the table\'s other words THEN afterWh counts it, and without the table it does not', () => {
    const table: AlignTable = { trainedOn: 'fixture', pairs: 10, table: { found: { establish: 0.8 } } };
    const question = 'When was the Riverton club founded?';
    const passage = 'Riverton club members meet weekly, and founders of other clubs visit. The Riverton club was established in 1921.';
    const plain = scoreSentences(passage, questionView(question, terms(question), () => 1));
    const aligned = scoreSentences(passage, questionView(question, terms(question), () => 1, table));
    expect(aligned[1]?.features[at('frame:afterWh')]).toBeGreaterThan(plain[1]?.features[at('frame:afterWh')] ?? 1);
  });

  it('GIVEN question words close to a typed candidate THEN typedNear is larger there, turns the choice, and is 0 for an untyped question', () => {
    const question = 'Who axed Mido from the national team?';
    const passage =
      'Mido left the national team last month after weeks of angry arguments with fans, officials and players at Zamalek and in Cairo. Mido was axed by coach Marco Tardelli.';
    const q = questionView(question, terms(question), () => 1);
    const scored = scoreSentences(passage, q);
    const near = scored.map((s) => s.features[at('frame:typedNear')] ?? 0);
    expect(near[1]).toBeGreaterThan(near[0] ?? 1);
    expect(best(scoreSentences(passage, q, reading('frame:typedNear', 0)))).toBe(0);
    expect(best(scoreSentences(passage, q, reading('frame:typedNear', 4)))).toBe(1);
    const open = 'What did Mido say about the national team?';
    for (const s of scoreSentences(passage, questionView(open, terms(open), () => 1))) expect(s.features[at('frame:typedNear')]).toBe(0);
  });
  it('GIVEN random sentences and candidates THEN typedNear equals the all-pairs definition (the outward scan is exact)', () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const question = 'How many shares did Acme sell to investors?';
    const q = questionView(question, terms(question), (t) => 1 + t.length / 10);
    const frame = q.frame;
    // The question's own words, a word of the same family and unrelated ones.
    const vocab = [...frame.all, 'shareholder', 'bank', 'market', 'profit'];
    let nonZero = 0;
    for (let round = 0; round < 200; round++) {
      let pos = 0;
      const words = Array.from({ length: 1 + rand(30) }, () => ({ term: vocab[rand(vocab.length)] ?? 'x', pos: (pos += 1 + rand(2)) }));
      const spans = Array.from({ length: 1 + rand(3) }, () => {
        const first = rand(60);
        return [first, first + rand(3)] as const;
      });
      let expected = 0;
      for (const [first, last] of spans) {
        let sum = 0;
        for (const t of frame.all) {
          let best = 0;
          for (const x of words) {
            if (x.pos >= first && x.pos <= last) continue;
            const m = x.term === t ? 1 : sameFamily(t, x.term) ? 0.5 : 0;
            const d = x.pos < first ? first - x.pos : x.pos - last;
            if (m > 0) best = Math.max(best, m / (1 + d / 3));
          }
          sum += q.weight(t) * best;
        }
        expected = Math.max(expected, sum / q.total);
      }
      if (expected > 0) nonZero++;
      expect(frameFeatures(q, frame, words, spans)[2]).toBeCloseTo(expected, 12);
    }
    expect(nonZero).toBeGreaterThan(100);
  });

  it('GIVEN a hostile paragraph of 50,000 characters without a full stop THEN the sentence is still scored, with every feature finite', () => {
    const clauses = Array.from({ length: 1_400 }, (_, i) => `Acme sold ${i + 1} shares to investors`).join(', and ');
    expect(clauses.length).toBeGreaterThan(50_000);
    const question = 'How many shares did Acme Corp sell to investors?';
    const scored = scoreSentences(clauses, questionView(question, terms(question), () => 1));
    expect(scored).toHaveLength(1);
    const features = scored[0]?.features ?? [];
    expect(features).toHaveLength(SENTENCE_FEATURES.length);
    expect(features.every(Number.isFinite)).toBe(true);
    // Candidates stand right beside "shares" and "investors": the question's words are near one.
    expect(features[at('frame:typedNear')]).toBeGreaterThan(0.3);
  });
});
