import { describe, expect, it } from 'vitest';
import { fullestOrgName, organisationNames } from '../../src/quotes/org-reference.js';
import { speakerOf } from './speaker-of.js';

// An organisation's short form shown as a speaker is shown as the fullest name the article gives it.
const names = (paragraphs: string[], isPerson?: (folded: string) => boolean): ReturnType<typeof organisationNames> => organisationNames(paragraphs, isPerson);

describe('fullestOrgName', () => {
  it('GIVEN a short form of one organisation the text names THEN its fullest name', () => {
    const n = names(['The Chamber of Shipping said talks had failed.', 'Dunmore Mills Ltd said profits rose.', 'Savings and Loan cut its rate.']);
    expect(fullestOrgName('Chamber', n)).toBe('Chamber of Shipping');
    expect(fullestOrgName('Dunmore', n)).toBe('Dunmore Mills Ltd');
    expect(fullestOrgName('S and L', n)).toBe('Savings and Loan');
  });

  it('GIVEN two rival names, a place, a description or no fuller name THEN none', () => {
    const n = names(['The Chamber of Shipping and the Chamber of Commerce met in Port Arlen.', 'Officials said so.']);
    expect(fullestOrgName('Chamber', n)).toBeNull();
    expect(fullestOrgName('Port Arlen', n)).toBeNull();
    expect(fullestOrgName('the chamber', n)).toBeNull();
    expect(fullestOrgName('Harlow', n)).toBeNull();
  });

  it('GIVEN runs that hold a person or cross a paragraph or a day THEN no organisation name', () => {
    const isPerson = (folded: string): boolean => folded === 'ivo brand';
    const n = names(['Port Board Secretary Ann Tolver spoke. Drummer Ivo Brand Board agreed.', 'Ann Tolver of the Harbour Institute said so.', 'It met the Harbour Board', 'Tuesday Crowds gathered.', 'The Harbour Board Saturday Crowds met.'], isPerson);
    const shown = n.map((x) => x.words.join(' '));
    // An organisation's word before the person's name: only the person's first name keeps the run out.
    expect(shown).not.toContain('Port Board Secretary Ann Tolver');
    expect(shown).not.toContain('Drummer Ivo Brand Board');
    expect(shown).not.toContain('Harbour Board Tuesday Crowds');
    expect(shown).toContain('Harbour Board');
    // Someone of an organisation ("Tolver of the Harbour Institute") is no short form of it.
    expect(fullestOrgName('Tolver', n)).toBeNull();
  });

  it('GIVEN two names joined by "and", a possessive, a leading day or a "-based" place THEN the short form is no part of a longer name', () => {
    const n = names(['The Harbour Board and Port Trust met.', "Dunmore's Mills Group said.", 'Tuesday and Tolver Holdings Ltd said.', 'Arlen-based Corvo Inc said.']);
    const shown = n.map((x) => x.words.join(' '));
    expect(fullestOrgName('Harbour Board', n)).toBeNull();
    expect(fullestOrgName('Port Trust', n)).toBeNull();
    expect(fullestOrgName('Dunmore', n)).toBeNull();
    expect(shown).toContain('Tolver Holdings Ltd');
    expect(fullestOrgName('Corvo', n)).toBe('Corvo Inc');
    // A word inside either half of the joined names is no short form of the whole run either.
    const joined = names(['The Harbour Board and Port Trust met.', 'Dunmore Mills and Corvo Industries merged.']);
    expect(fullestOrgName('Harbour', joined)).toBeNull();
    expect(fullestOrgName('Dunmore', joined)).toBeNull();
    // An "and" inside the name's own "of" complement is part of the one name.
    expect(fullestOrgName('Velmar Chamber', names(['The Velmar Chamber of Trade and Industry said so.']))).toBe('Velmar Chamber of Trade and Industry');
  });

  it('GIVEN a short form that is the object of "of"/"for" in a longer run THEN the run is not its name', () => {
    const n = names(['Officials of the Harbour Board met on Monday.', 'Shares of Corvo Pumps Inc rose sharply.', 'Buyers for Tolver Mills Ltd waited.']);
    expect(fullestOrgName('Harbour Board', n)).toBeNull();
    expect(fullestOrgName('Corvo Pumps', n)).toBeNull();
    expect(fullestOrgName('Tolver Mills', n)).toBeNull();
  });
});

describe('an organisation speaker is shown under its fullest name', () => {
  it('GIVEN "the Chamber said" after "the Chamber of Shipping said" THEN the full name', () => {
    const paragraphs = ['SHIPPING BODY SEES STRIKE', 'PORT ARLEN, May 3 - Talks with the dockers are foundering, the Chamber of Shipping said.', '"The union will not move," the Chamber said.'];
    expect(speakerOf(paragraphs, 'The union will not move')).toBe('Chamber of Shipping');
  });

  it('GIVEN a short form after "of the" or "of" in an opening run THEN the short form, not the run', () => {
    const board = ['PORT TALKS STALL', 'Officials of the Harbour Board met the dockers on Monday.', '"No deal is near," the Board said.'];
    expect(speakerOf(board, 'No deal is near')).not.toMatch(/^Officials/u);
    const shares = ['PUMP MAKER GAINS', 'Shares of Corvo Pumps Inc rose after the results.', '"Orders are strong," Corvo Pumps said.'];
    expect(speakerOf(shares, 'Orders are strong')).toBe('Corvo Pumps');
  });

  it('GIVEN a person whose surname a company bears THEN the person stays', () => {
    const paragraphs = ['DUNMORE MILLS SOLD', 'Dunmore Mills Ltd was sold to its managers. Chairman Ivo Dunmore said he was pleased.', '"It is the right time," Dunmore said.'];
    expect(speakerOf(paragraphs, 'It is the right time')).toBe('Ivo Dunmore');
  });
});
