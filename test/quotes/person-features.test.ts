import { describe, expect, it } from 'vitest';
import { attributionClause, CLAUSE_REACH } from '../../src/quotes/person-features.js';
import { featuresAt } from './speaker-of.js';

describe('person features: the speaker named inside its own attribution', () => {
  it('GIVEN a tail slot that reads a firm before a dispatcher\'s name THEN the name carries slot_clause_person', () => {
    const paragraphs = ['Freight', '"Freight costs will climb before winter," said Kestrel Vantor Shipping dispatcher Oona Vesk.'];
    const f = featuresAt(paragraphs, 'Freight costs');
    expect(f.get('Oona Vesk')?.slot_clause_person).toBe(1);
    expect(f.get('Oona Vesk')?.slot_tail).toBeUndefined();
  });

  it('GIVEN a slot that reads a person THEN another person named in the same clause carries nothing', () => {
    const paragraphs = ['Freight', '"Freight costs will climb before winter," said Oona Vesk, who spoke beside Pell Arnaut.'];
    const f = featuresAt(paragraphs, 'Freight costs');
    expect(f.get('Oona Vesk')?.slot_tail).toBe(1);
    for (const x of f.values()) expect(x.slot_clause_person).toBeUndefined();
  });

  it('GIVEN a clause THEN it is bounded: after a tail slot to its sentence end, before any other slot from its sentence start', () => {
    const q = { at: 500, close: 600, sentenceFrom: 10, sentenceTo: 2000 };
    expect(attributionClause(true, q)).toEqual([600, 600 + CLAUSE_REACH]);
    expect(attributionClause(false, q)).toEqual([500 - CLAUSE_REACH, 500]);
    expect(attributionClause(false, { ...q, sentenceFrom: 450 })).toEqual([450, 500]);
  });
});

describe('person features: a turn a new person interrupts', () => {
  it('GIVEN a narration sentence that opens with another person between two quotes THEN the continuing speaker is interrupted and that person is on stage', () => {
    const paragraphs = ['Union vote', 'Tomas Holt said: "The vote was fair." Union steward Pavel Drees shook his head at the count. He said: "The count was rigged."'];
    const f = featuresAt(paragraphs, 'The count was rigged');
    expect(f.get('Pavel Drees')?.stage_person).toBe(1);
    expect(f.get('Pavel Drees')?.turn_interrupted).toBeUndefined();
    expect(f.get('Tomas Holt')?.turn_interrupted).toBe(1);
  });

  it('GIVEN narration between two quotes that opens with the speaker again THEN nobody interrupts the turn', () => {
    const paragraphs = ['Union vote', 'Tomas Holt said: "The vote was fair." Holt then walked out with Pavel Drees. He said: "We will appeal."'];
    const f = featuresAt(paragraphs, 'We will appeal');
    for (const x of f.values()) expect(x.turn_interrupted).toBeUndefined();
    expect(f.get('Pavel Drees')?.stage_person).toBeUndefined();
  });

  it('GIVEN a she after narration that opens with a man THEN he is no stage person for her', () => {
    const paragraphs = ['Union vote', 'Ilse Holt said: "The vote was fair." Steward Pavel Drees shook his head at the count. She said: "The count was final."'];
    const f = featuresAt(paragraphs, 'The count was final');
    expect(f.get('Pavel Drees')?.stage_person).toBeUndefined();
  });
});
