import { describe, expect, it } from 'vitest';
import { questionView, scoreSentences } from '../../src/search/answer.js';
import { CORE_SENTENCE_FEATURES, PICK_ONLY_SENTENCE_FEATURES, SENTENCE_FEATURES } from '../../src/search/ask-model.js';
import { terms } from '../../src/text/tokenize.js';

type Core = (typeof CORE_SENTENCE_FEATURES)[number];
const read = (passage: string, question: string, name: Core, weight: (t: string) => number = () => 1): number[] =>
  scoreSentences(passage, questionView(question, terms(question), weight)).map((s) => s.features[SENTENCE_FEATURES.indexOf(name)] ?? Number.NaN);

describe('ask: the question relation words without its numbers (CORE_SENTENCE_FEATURES)', () => {
  // The first sentence repeats the year, a circumstance; the second holds what is asked ("contracted") and the answer.
  const passage = 'In 1873, Kolar returned to his home town. Shortly after, Kolar contracted cholera. Rain fell.';
  const question = 'What disease did Kolar contract in 1873?';

  it('GIVEN the core features THEN only the pick model learns them (the sentence model reads them at 0)', () => {
    for (const name of CORE_SENTENCE_FEATURES) expect(PICK_ONLY_SENTENCE_FEATURES).toContain(name);
  });

  it('GIVEN a year in the question THEN core:overlap counts the non-name, non-numeric words only', () => {
    // Core words: "disease" and "contract" (Kolar is a name, 1873 a number); equal weights.
    expect(read(passage, question, 'core:overlap')).toEqual([0, expect.closeTo(1 / 2, 10), 0]);
  });

  it('GIVEN the year is the rarest word THEN core:key still marks the sentence holding the heaviest core word', () => {
    const weight = (t: string): number => (t === '1873' ? 5 : t === 'contract' ? 2 : 1);
    expect(read(passage, question, 'core:key', weight)).toEqual([0, 1, 0]);
    expect(read(passage, question, 'core:overlap', weight)).toEqual([0, expect.closeTo(2 / 3, 10), 0]);
  });

  it('GIVEN a question of names and numbers only THEN both features read 0', () => {
    for (const name of CORE_SENTENCE_FEATURES) expect(read('Kolar won in 1873. Rain fell.', 'Was Kolar in 1873?', name), name).toEqual([0, 0]);
  });
});
