import { describe, expect, it } from 'vitest';
import { lastDescriptionSubject, narrationOnly } from '../../src/quotes/org-reference.js';
import { speakerOf } from './speaker-of.js';

// Names that occur only inside quoted speech are what the speakers talk about, not who speaks: the
// organisation a description or "it" refers to is one the narration names.
describe('an organisation description resolves against the narration, not quoted speech', () => {
  it('GIVEN a company named in the lead and another company named only inside its quotes THEN "the company said" is the lead\'s company', () => {
    const text = [
      'TARLOW, May 4 - Pellam Freight Inc said it would bid for the rail unit of a rival.',
      '"Once the books of Norvale Rail Co have been examined, and whatever Norvale Rail Co decides, we will make a written offer," said the company.',
      '"We see Norvale Rail Co as a natural fit for our network," the company said.',
    ];
    expect(speakerOf(text, 'We see Norvale')).toBe('Pellam Freight Inc');
  });

  it('GIVEN a supplier named as a subject and then "The company said" THEN a later "it said" is the company the description refers to', () => {
    const text = [
      'CARLO, June 2 - Corvo Foods Ltd has won a contract to supply school meals, the city said.',
      'Corvo said its Bakery Unit will run the kitchens. Maple Dairy Co is the main supplier.',
      'The company said the contract would last five years. "The contract will fill our kitchens for years to come," it said.',
    ];
    expect(speakerOf(text, 'The contract will fill')).toBe('Corvo Foods Ltd');
  });

  it('GIVEN an organisation named as a subject after the description THEN "it said" stays that organisation', () => {
    const text = [
      'OSTER, June 2 - Kalder Systems Co said the navy ordered its radar units.',
      'The company said the order would run for six years. Brannock Avionics Corp said it would supply the antennas.',
      '"We will hire 300 workers," it said.',
    ];
    expect(speakerOf(text, 'We will hire')).toBe('Brannock Avionics Corp');
  });

  it('GIVEN "West Bank officials said" and no bank named THEN "the bank said" is not the region', () => {
    const text = ['JERICHO, May 1 - West Bank officials said farm exports fell by a third.', 'Farm loans are costly. "Credit will be cheaper from June," the bank said.'];
    expect(speakerOf(text, 'Credit will be cheaper')).toBe('the bank');
  });

  it('blanks the quoted ranges, keeping offsets', () => {
    const text = 'Ann said "Bo Bank" and left';
    const out = narrationOnly(text, [[9, 17]]);
    expect(out).toHaveLength(text.length);
    expect(out).toBe('Ann said ;;;;;;;;; and left');
  });

  it('finds the last organisation description that speaks, adverbs skipped', () => {
    expect(lastDescriptionSubject('Acme said so. The company also said it would grow.')?.description.head).toBe('company');
    expect(lastDescriptionSubject('The central bank said rates would rise.')?.description.head).toBe('bank');
    expect(lastDescriptionSubject('The analyst said rates would rise.')).toBeNull();
  });
});
