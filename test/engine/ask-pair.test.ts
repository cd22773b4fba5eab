import { describe, expect, it } from 'vitest';
import { questionView, scoreSentences } from '../../src/search/answer.js';
import { LOCATIVE_SENTENCE_FEATURES, PAIR_SENTENCE_FEATURES, SENTENCE_FEATURES } from '../../src/search/ask-model.js';
import { terms } from '../../src/text/tokenize.js';

const view = (question: string) => questionView(question, terms(question), () => 1);
type Pair = (typeof PAIR_SENTENCE_FEATURES)[number];
const read = (passage: string, question: string, name: Pair): number[] =>
  scoreSentences(passage, view(question)).map((s) => s.features[SENTENCE_FEATURES.indexOf(name)] ?? Number.NaN);

describe('ask: a sentence beside its neighbours (PAIR_SENTENCE_FEATURES)', () => {
  // The first sentence restates the question; the second holds the answer and the question's other word ("forced").
  const passage = 'Ethelred ruled the kingdom of England for many years. In 1013 he was forced from the kingdom by Sweyn Forkbeard. Rain fell in the spring.';
  const question = 'Who forced Ethelred from the kingdom of England?';

  it('GIVEN the pair features THEN they are the last of SENTENCE_FEATURES, after the locative one (appended, older weights keep their places)', () => {
    expect(SENTENCE_FEATURES.slice(-PAIR_SENTENCE_FEATURES.length)).toEqual([...PAIR_SENTENCE_FEATURES]);
    expect(SENTENCE_FEATURES[SENTENCE_FEATURES.length - PAIR_SENTENCE_FEATURES.length - 1]).toBe(LOCATIVE_SENTENCE_FEATURES.at(-1));
  });

  it('GIVEN a sentence after the one restating the question THEN prevGain is the question weight the restating one adds', () => {
    const gain = read(passage, question, 'pair:prevGain');
    // Equal weights: "ethelred" and "england" (2 of the question's 4 words) come from the sentence before.
    expect(gain[0]).toBe(0);
    expect(gain[1]).toBeCloseTo(2 / 4, 10);
    // The rain sentence gains the answer sentence's "forced" and "kingdom".
    expect(gain[2]).toBeCloseTo(2 / 4, 10);
  });

  it('GIVEN a sentence before another THEN nextGain is what the next one adds; the last sentence reads 0', () => {
    const gain = read(passage, question, 'pair:nextGain');
    expect(gain[0]).toBeCloseTo(1 / 4, 10);
    expect(gain[1]).toBe(0);
    expect(gain[2]).toBe(0);
  });

  it('GIVEN the best-overlap sentence THEN complement reads 0 for it and, for the others, the question weight it lacks', () => {
    const complement = read(passage, question, 'pair:complement');
    expect(complement[0]).toBe(0);
    expect(complement[1]).toBeCloseTo(1 / 4, 10);
    expect(complement[2]).toBe(0);
  });

  it('GIVEN unequal question weights THEN the features weigh the words by them (a rarer "forced" makes the answer sentence the best)', () => {
    const weighted = (name: Pair): number[] =>
      scoreSentences(passage, questionView(question, terms(question), (t) => (t.startsWith('forc') ? 3 : 1))).map((s) => s.features[SENTENCE_FEATURES.indexOf(name)] ?? Number.NaN);
    // Total 6: the answer sentence holds forced (3) and kingdom (1), the first sentence ethelred, kingdom, england (3).
    expect(weighted('pair:prevGain')[1]).toBeCloseTo(2 / 6, 10);
    expect(weighted('pair:nextGain')[0]).toBeCloseTo(3 / 6, 10);
    expect(weighted('pair:complement')).toEqual([expect.closeTo(2 / 6, 10), 0, 0]);
  });

  it('GIVEN the neighbour says the question word inside a speaker\'s quote THEN it adds nothing', () => {
    const quoted = 'Ethelred ruled the kingdom of England. "He was forced out," Aldred said. Sweyn Forkbeard forced him from the kingdom.';
    // The quote's "forced" does not count, so the quote sentence adds nothing to its neighbours.
    expect(read(quoted, question, 'pair:nextGain')[0]).toBe(0);
    expect(read(quoted, question, 'pair:prevGain')[2]).toBe(0);
    // Reported, not quoted, the same words count.
    const reported = 'Ethelred ruled the kingdom of England. Aldred said he was forced out. Sweyn Forkbeard forced him from the kingdom.';
    expect(read(reported, question, 'pair:nextGain')[0]).toBeCloseTo(1 / 4, 10);
  });

  it('GIVEN no sentence holds a question word THEN every pair feature is 0', () => {
    for (const name of PAIR_SENTENCE_FEATURES) expect(read('Rain fell. Snow came later.', question, name), name).toEqual([0, 0]);
  });
});
