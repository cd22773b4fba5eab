import { describe, expect, it } from 'vitest';
import { describedChain } from '../../src/quotes/described-chain.js';
import { featuresAt, speakerOf } from './speaker-of.js';

describe('describedChain: a he/she going on with a described speaker through he/she speech verbs', () => {
  const opening = "TARNBY, May 2 - Exporters want the quota lifted, a spokesman for one of Velmar's largest oil producers said.";

  it('GIVEN the description, then "He told reporters" THEN the whole description (one link of he)', () => {
    const text = `${opening}\n\nHe told reporters the ministry was holding prices down.\n\n`;
    expect(describedChain(text, 'm')?.description).toBe("a spokesman for one of Velmar's largest oil producers");
    expect(describedChain(text, 'm')?.at).toBe(text.indexOf('a spokesman'));
  });

  it('GIVEN a she after a he chain, or a spokeswoman for a he THEN none', () => {
    const text = `${opening}\n\nHe told reporters the ministry was holding prices down.\n\n`;
    expect(describedChain(text, 'f')).toBeNull();
    expect(describedChain('A spokeswoman for the port said ships were waiting.', 'm')).toBeNull();
    expect(describedChain('A spokeswoman for the port said ships were waiting.', 'f')?.description).toBe('a spokeswoman for the port');
  });

  it('GIVEN a named speaker after the description THEN the chain stops at the name', () => {
    const text = `${opening}\n\nMinister Ivo Marsh said the quota would stay.\n\n`;
    expect(describedChain(text, 'm')).toBeNull();
  });

  it('GIVEN an inverted "said one veteran dealer" THEN "a veteran dealer"; "according to an analyst" THEN the analyst', () => {
    expect(describedChain('Prices fell, said one veteran dealer. He added that buyers had gone.', 'm')?.description).toBe('a veteran dealer');
    expect(describedChain('Prices will fall, according to an analyst at a Tarnby bank.', 'f')?.description).toBe('an analyst at a Tarnby bank');
  });

  it('GIVEN a noun read as a speech verb ("political calls") after the description THEN it is no link; the description is read', () => {
    const text = "A spokeswoman for the port said it was examining one complaint about political calls - understood to be Mr Hale's. ";
    expect(describedChain(text, 'f')?.description).toBe('a spokeswoman for the port');
  });

  it('GIVEN more than three speech verbs back THEN none', () => {
    const links = ['He said prices fell.', 'He added that rates rose.', 'He told reporters the plan was dead.'];
    expect(describedChain(`A dealer said stocks fell. ${links.slice(0, 2).join(' ')}`, 'm')?.description).toBe('a dealer');
    expect(describedChain(`A dealer said stocks fell. ${links.join(' ')}`, 'm')).toBeNull();
  });
});

describe('a he/she slot reads the described speaker back through the chain (issue 10)', () => {
  const text = [
    "TARNBY, May 2 - Exporters want the quota lifted, a spokesman for one of Velmar's largest oil producers said.",
    'He told reporters the ministry was holding back on licences to keep prices low.',
    '"They are keeping prices down to meet the inflation target," he said.',
  ];

  it('GIVEN no person named THEN the described spokesman is the speaker of the he-said quote', () => {
    expect(featuresAt(text, 'They are keeping').get("a spokesman for one of Velmar's largest oil producers")?.pronoun_desc).toBe(1);
    expect(speakerOf(text, 'They are keeping')).toBe("a spokesman for one of Velmar's largest oil producers");
  });

  it('GIVEN a man named in the paragraph before who is a reading of the he THEN no chain reading', () => {
    const named = [text[0] ?? '', 'Trade minister Ivo Marsh said licences were under review.', text[2] ?? ''];
    const fs = featuresAt(named, 'They are keeping');
    expect(fs.get('Ivo Marsh')).toBeDefined();
    expect([...fs.values()].some((f) => f.pronoun_desc === 1)).toBe(false);
  });

  it('GIVEN a named person\'s own quote ("…," Gordon Brown said) THEN that person, never a description', () => {
    const named = [
      'A Treasury spokesman said the budget would come in March.',
      'He said the date was not fixed. Chancellor Gordon Brown was in Tarnby.',
      '"We will not raise taxes," Gordon Brown said.',
    ];
    expect(speakerOf(named, 'We will not raise')).toBe('Gordon Brown');
  });
});
