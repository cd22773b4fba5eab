import { describe, expect, it } from 'vitest';
import { questionView, scoreSentences } from '../../src/search/answer.js';
import { ALIGN_SENTENCE_FEATURES, POINTER_SENTENCE_FEATURES, SENTENCE_FEATURES } from '../../src/search/ask-model.js';
import { terms } from '../../src/text/tokenize.js';

const view = (question: string) => questionView(question, terms(question), () => 1);
type Pointer = (typeof POINTER_SENTENCE_FEATURES)[number];
const read = (passage: string, question: string, name: Pointer): number[] =>
  scoreSentences(passage, view(question)).map((s) => s.features[SENTENCE_FEATURES.indexOf(name)] ?? Number.NaN);

describe('ask: a sentence read with the one it points back at (POINTER_SENTENCE_FEATURES)', () => {
  const passage = 'Specialty pharmacies supply costly injectable medications. It is currently the fastest growing sector of the drug industry. Sales rose last year.';

  it('GIVEN the pointer features THEN they follow the older ones, before the align features (appended, older weights keep their places)', () => {
    const at = SENTENCE_FEATURES.indexOf(POINTER_SENTENCE_FEATURES[0]);
    expect(SENTENCE_FEATURES.slice(at, at + POINTER_SENTENCE_FEATURES.length)).toEqual([...POINTER_SENTENCE_FEATURES]);
    expect(SENTENCE_FEATURES[at + POINTER_SENTENCE_FEATURES.length]).toBe(ALIGN_SENTENCE_FEATURES[0]);
  });

  it('GIVEN "It is…" after a sentence THEN pairOverlap reads the question words of both, pairGain what the first adds', () => {
    const question = 'Which specialty sector of the drug industry grows fastest?';
    const pair = read(passage, question, 'pairOverlap');
    const gain = read(passage, question, 'pairGain');
    const own = scoreSentences(passage, view(question)).map((s) => s.overlap);
    // Only the pointer sentence has a pair reading; "specialty" comes from the sentence before.
    expect(pair[0]).toBe(0);
    expect(pair[2]).toBe(0);
    expect(pair[1]).toBeGreaterThan(own[1] ?? 1);
    expect(gain[1]).toBeCloseTo((pair[1] ?? 0) - (own[1] ?? 0), 10);
    expect(gain[0]).toBe(0);
  });

  it('GIVEN the next sentence points back and matches the question THEN pointedBack marks the sentence it points at', () => {
    const pointed = read(passage, 'What is the fastest growing sector of the drug industry?', 'pointedBack');
    expect(pointed[0]).toBeGreaterThan(0.5);
    expect(pointed[1]).toBe(0);
    expect(pointed[2]).toBe(0);
  });

  it('GIVEN a question that asks for the subject THEN ×subject repeats the reading; do-support or a fronted phrase gives 0', () => {
    const subject = 'What is the fastest growing sector of the drug industry?';
    expect(read(passage, subject, 'pointedBack×subject')[0]).toBe(read(passage, subject, 'pointedBack')[0]);
    expect(read(passage, subject, 'anaphor×subject')[1]).toBeGreaterThan(0.5);
    expect(read(passage, 'Who wrote the fastest growing sector report?', 'pointedBack×subject')[0]).toBeGreaterThan(0);
    for (const other of ['What did the fastest growing sector of the drug industry sell?', 'In the drug industry, what sector is growing fastest?', 'When did the fastest growing sector of the drug industry start?']) {
      expect(read(passage, other, 'pointedBack×subject')[0], other).toBe(0);
      expect(read(passage, other, 'anaphor×subject')[1], other).toBe(0);
    }
  });

  it('GIVEN no sentence opens with a pointer THEN every pointer feature is 0', () => {
    const plain = 'Specialty pharmacies supply costly medications. The sector grows fastest of the drug industry.';
    for (const name of POINTER_SENTENCE_FEATURES) expect(read(plain, 'What is the fastest growing sector of the drug industry?', name), name).toEqual([0, 0]);
  });
});

describe('ask: what is no pointer back (review 15)', () => {
  const before = 'The council closed the Dunmore bridge in March because of cracks.';
  const question = 'Why did the council close the Dunmore bridge?';

  it.each([
    ['a quotation opening with "It"', '"It is a disaster for the town," said mayor Tom Hale.'],
    ['"This week…", a time', 'This week shares of the builder rose 5 percent.'],
    ['an expletive "It is expected that…"', 'It is expected that the council will vote again.'],
    ['an expletive "It seems…"', 'It seems that nobody checked the piers.'],
  ])('GIVEN %s after a matching sentence THEN it has no pair reading and points at nothing', (_label, second) => {
    const passage = `${before} ${second}`;
    expect(read(passage, question, 'pairOverlap')).toEqual([0, 0]);
    expect(read(passage, question, 'pointedBack')).toEqual([0, 0]);
  });

  it('GIVEN "It was built to…" (the bridge) THEN it still points back', () => {
    expect(read(`${before} It was built to carry trams.`, question, 'pairOverlap')[1]).toBeGreaterThan(0);
  });
});

describe('ask: the wh-phrase as its clause\'s subject (whPhrase.subject)', () => {
  const subject = (q: string): boolean => view(q).wh.subject;

  it.each([
    ['Who wrote the report?', true],
    ['Who has chosen the new leader?', true],
    ['Who will choose the new leader?', true],
    ['Which party was led by Tom Hale?', true],
    ['What is the fastest growing sector?', true],
    ['What did the company buy?', false],
    ['Who has the company hired?', false],
    ['What was the party called?', false],
    ['In 1066 who ruled England?', false],
    ['Whom did the council appoint?', false],
  ] as const)('GIVEN %s THEN subject is %s', (q, expected) => {
    expect(subject(q)).toBe(expected);
  });
});
