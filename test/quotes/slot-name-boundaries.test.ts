// The person named in a quote's own attribution is read as the person, not as the appositive, the
// firm or the letters around the name (session 26; fixtures invented).
import { describe, expect, it } from 'vitest';
import { withoutPostNominal } from '../../src/quotes/glued-names.js';
import { paragraphBases, People } from '../../src/quotes/people.js';
import { readMention, subjectAfter, subjectBefore } from '../../src/quotes/phrase.js';
import { speakerOf } from './speaker-of.js';

const nameOf = (phrase: ReturnType<typeof subjectAfter>): string | undefined => {
  const m = phrase ? readMention(phrase) : null;
  return m?.kind === 'name' ? m.name.join(' ') : undefined;
};

describe('post-nominal letters', () => {
  it('GIVEN "Jo Bloggs MSP" or "Jo Bloggs QC" THEN the letters are dropped; "the Tory MP" and an acronym before keep theirs', () => {
    expect(withoutPostNominal(['Ailsa', 'Brodie', 'MSP'])).toEqual(['Ailsa', 'Brodie']);
    expect(withoutPostNominal(['Ailsa', 'Brodie', 'QC'])).toEqual(['Ailsa', 'Brodie']);
    expect(withoutPostNominal(['Tory', 'MP'])).toEqual(['Tory', 'MP']);
    expect(withoutPostNominal(['Harbour', 'SNP', 'MSP'])).toEqual(['Harbour', 'SNP', 'MSP']);
  });

  it('GIVEN a party or a seat before the letters ("the Sinn Fein MP", "a Scottish Tory MSP") THEN nothing is dropped', () => {
    expect(withoutPostNominal(['Sinn', 'Fein', 'MP'])).toEqual(['Sinn', 'Fein', 'MP']);
    expect(withoutPostNominal(['Scottish', 'Tory', 'MSP'])).toEqual(['Scottish', 'Tory', 'MSP']);
    expect(withoutPostNominal(['Plaid', 'Cymru', 'MP'])).toEqual(['Plaid', 'Cymru', 'MP']);
    expect(withoutPostNominal(['Dorrick', 'Vale', 'MSP'])).toEqual(['Dorrick', 'Vale', 'MSP']);
  });

  it('GIVEN "said the Sinn Fein MP for the area" THEN the speaker is no person named "Sinn Fein"', () => {
    const text = ['Residents of Carrowmore want the road closed. "It is a danger to every child here," said the Sinn Fein MP for the area.'];
    expect(speakerOf(text, 'It is a danger')).not.toBe('Sinn Fein');
    expect([...new People(text, paragraphBases(text), () => false).persons.values()].map((p) => p.name)).not.toContain('Sinn Fein');
  });

  it('GIVEN "The finance spokesman, NAME MSP, said:" THEN the speaker is the name without the letters', () => {
    const text = ['Councils face higher bills. The Green finance spokesman, Ailsa Brodie MSP, said: "This is a tax by the back door."'];
    expect(speakerOf(text, 'This is a tax')).toBe('Ailsa Brodie');
    expect([...new People(text, paragraphBases(text), () => false).persons.values()].map((p) => p.name)).toContain('Ailsa Brodie');
  });
});

describe('an appositive after the name', () => {
  it('GIVEN "NAME, U.S. envoy to the talks," or "NAME, oil analyst for FIRM said" THEN the name is the subject, the role its appositive', () => {
    expect(subjectBefore('Asked to comment, Dorian Ashby, U.S. envoy to the talks,', 'told')).toEqual({ words: ['Dorian', 'Ashby'], appositive: 'U.S. envoy to the talks' });
    expect(nameOf(subjectBefore('Dorian Ashby, oil analyst for Tarn Brothers Inc', 'said'))).toBe('Dorian Ashby');
  });

  it('GIVEN a plural role after a name ("…, officials at the bank said") THEN the officials are the subject', () => {
    expect(nameOf(subjectBefore('After meeting Dorian Ashby, officials at the bank', 'said'))).toBeUndefined();
  });

  it('GIVEN "Rep. NAME, R-Utah, said" THEN the party tag is the appositive and the name speaks', () => {
    const text = ['"The fee is a tax," Rep. Dorian Ashby, R-Utah, said in a statement.'];
    expect(speakerOf(text, 'The fee is a tax')).toBe('Dorian Ashby');
  });
});

describe('a firm and a role before the name after the verb', () => {
  it('GIVEN "said FIRM chief economist, NAME." THEN the name speaks', () => {
    expect(nameOf(subjectAfter('said QXR chief economist, Hal Presswood.'.slice(5)))).toBe('Hal Presswood');
    const text = ['"Rates will stay put," said QXR chief economist, Hal Presswood. Markets were calm.'];
    expect(speakerOf(text, 'Rates will stay put')).toBe('Hal Presswood');
  });

  it('GIVEN "said FIRM (Asia) Ltd analyst NAME." THEN the bracketed word is part of the firm and the name speaks', () => {
    expect(nameOf(subjectAfter('Tarn Brothers (Asia) Ltd analyst Hal Presswood.'))).toBe('Hal Presswood');
    const text = ['"Chip prices will fall," said Tarn Brothers (Asia) Ltd analyst Hal Presswood.'];
    expect(speakerOf(text, 'Chip prices will fall')).toBe('Hal Presswood');
  });
});
