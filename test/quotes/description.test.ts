import { describe, expect, it } from 'vitest';
import { definiteHead, isIndefinitePerson, isPersonHead, personDescribed, readDescription } from '../../src/quotes/description.js';
import { anotherOf } from '../../src/quotes/turn-features.js';

describe('readDescription', () => {
  it('GIVEN a description THEN its determiner, modifiers, head and complement', () => {
    expect(readDescription('a senior grain trade source')).toEqual({ determiner: 'a', modifiers: ['senior', 'grain', 'trade'], head: 'source', complement: [] });
    expect(readDescription('a spokeswoman for the Velmar utility')).toEqual({ determiner: 'a', modifiers: [], head: 'spokeswoman', complement: ['for', 'the', 'Velmar', 'utility'] });
    expect(readDescription('the analyst who asked not to be named')?.head).toBe('analyst');
    expect(readDescription('an aide close to the Corvale mayor')?.head).toBe('aide');
  });

  it('GIVEN "one of the Xs" THEN one X, singular', () => {
    expect(readDescription('one of the wool dealers')).toEqual({ determiner: 'one of', modifiers: ['wool'], head: 'dealer', complement: [] });
    expect(readDescription('one of the secretaries')?.head).toBe('secretary');
    expect(readDescription('one of the spokesmen')?.head).toBe('spokesman');
  });

  it('GIVEN a participle THEN a complement after a role noun only', () => {
    expect(readDescription('one adviser joining the Pell talks')?.head).toBe('adviser');
    expect(readDescription('a negotiator taking part in the talks')?.head).toBe('negotiator');
    expect(readDescription('a leading economist')?.head).toBe('economist');
    expect(readDescription('a senior banking source')?.head).toBe('source');
  });

  it('GIVEN no determiner, a cut phrase or too many words THEN null or no person', () => {
    expect(readDescription('Hal Varnes')).toBeNull();
    expect(readDescription('')).toBeNull();
    expect(readDescription('a very very very very very very old trader')).toBeNull();
  });
});

describe('isPersonHead', () => {
  it('GIVEN a role THEN true; an organisation, a writing, a plural, a participle THEN false', () => {
    for (const h of ['official', 'spokesman', 'source', 'diplomat', 'Official']) expect(isPersonHead(h)).toBe(true);
    for (const h of ['company', 'bank', 'statement', 'communique', 'officials', 'sent', 'he', 'subsidiary']) expect(isPersonHead(h)).toBe(false);
  });
});

describe('the three questions attribution asks', () => {
  it('GIVEN a candidate name THEN whether it is one unnamed person, indefinite', () => {
    // The he/she paths' looser test (no role lexicon): vox-pop speakers stay persons.
    for (const p of ['a spokesman for Acme', 'A U.S. Official', 'a man', 'a fan', 'a neighbour', 'a passer-by', 'an eyewitness', 'a 35-year-old man']) expect(isIndefinitePerson(p)).toBe(true);
    for (const p of ['the spokesman', 'a statement on her website', 'a company', 'several officials', 'an official report']) expect(isIndefinitePerson(p)).toBe(false);
  });

  it('GIVEN a definite description THEN its head only when lower case and a person', () => {
    expect(definiteHead('the aide to Mayor Pell')).toBe('aide');
    expect(definiteHead('the Chancellor')).toBeNull();
    expect(definiteHead('the editorial')).toBeNull();
    expect(definiteHead('the officials')).toBeNull();
  });

  it('GIVEN the last unnamed speaker THEN "another" of the same kind', () => {
    expect(anotherOf('a senior U.S. Official')).toBe('another senior U.S. Official');
    expect(anotherOf('one of the wool dealers')).toBe('another wool dealer');
    expect(personDescribed('a second arbitrageur')?.modifiers).toEqual(['second']);
    expect(anotherOf('a second arbitrageur')).toBe('another arbitrageur');
  });

  it('GIVEN "one of his aides" or "one of the two dealers" THEN "another" keeps the kind, not whose nor how many', () => {
    expect(anotherOf('one of his aides')).toBe('another aide');
    expect(anotherOf('one of the two dealers')).toBe('another dealer');
    expect(anotherOf("one of the company's spokesmen")).toBe('another spokesman');
    expect(anotherOf('one of the 12 wool dealers')).toBe('another wool dealer');
    expect(anotherOf("one of the mayor's senior aides")).toBe('another senior aide');
    expect(anotherOf('one of those officials')).toBe('another official');
  });

  it('GIVEN a modifier with a digit THEN still a description: "another" of it, not the same person', () => {
    expect(readDescription('a G9 official')).toEqual({ determiner: 'a', modifiers: ['G9'], head: 'official', complement: [] });
    expect(anotherOf('a G9 official')).toBe('another G9 official');
    expect(anotherOf('a 41-year-old trader')).toBe('another 41-year-old trader');
  });
});
