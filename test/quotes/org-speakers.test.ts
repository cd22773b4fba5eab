// Organisations that speak through what they issue or under the name they open with (fixtures invented).
import { describe, expect, it } from 'vitest';
import { nameInDescription } from '../../src/quotes/org-reference.js';
import { speakerOf } from './speaker-of.js';

describe('a document its issuer names', () => {
  it('GIVEN "the Norland Institute report" or "a Capital Metrics statement" THEN the issuer speaks', () => {
    expect(nameInDescription('the Norland Institute report')).toBe('Norland Institute');
    expect(nameInDescription('a Capital Metrics statement')).toBe('Capital Metrics');
    expect(nameInDescription('an NBA statement')).toBe('NBA');
  });

  it('GIVEN a nationality or a month before the document THEN no issuer is named', () => {
    expect(nameInDescription('the Greek statement')).toBeNull();
    expect(nameInDescription('the March letter')).toBeNull();
  });

  it('GIVEN a paper named after a day, a party or titles only THEN a day starts an issuer\'s name, an organisation word ends one, titles alone are a person', () => {
    expect(nameInDescription('the Sunday Courier report')).toBe('Sunday Courier');
    expect(nameInDescription('the Green Party statement')).toBe('Green Party');
    expect(nameInDescription('the Chancellor statement')).toBeNull();
  });

  it('GIVEN "… the Norland Institute report said" THEN the institute is the speaker, not the report', () => {
    const paragraphs = ['GROWTH TO SLOW', 'Exports fell in the second quarter.', '"Growth will slow sharply this year," the Norland Institute report said.'];
    expect(speakerOf(paragraphs, 'Growth will slow')).toBe('Norland Institute');
  });

  it('GIVEN a paragraph ending in a list of places, then "The report said" THEN the places are no issuer', () => {
    const paragraphs = ['Banks cut jobs in Varnholm, Pellton and Corvale.', 'The report said: "Half of the branches will close within two years."'];
    expect(speakerOf(paragraphs, 'Half of the branches')).toBe('the report');
  });
});

describe('a communique', () => {
  it('GIVEN "X said in a communique" and then "the communique said" THEN X speaks', () => {
    const paragraphs = [
      'COUNCIL CALLS FOR LOWER RATES',
      'The Harbour Trade Council said in a communique that rates were too high.',
      '"Rates must fall before the end of the year," the communique said.',
    ];
    expect(speakerOf(paragraphs, 'Rates must fall')).toBe('Harbour Trade Council');
  });
});

describe('a firm whose name opens with "First"', () => {
  it('GIVEN "First Vantor said" THEN the firm keeps its first word (shown under the fullest name the article gives it)', () => {
    const paragraphs = ['BANK SEEKS CAPITAL', 'First Vantor Bancorp of Ohio lost money in 1986.', '"We will need more capital," First Vantor said in a note.'];
    expect(speakerOf(paragraphs, 'We will need')).toBe('First Vantor Bancorp of Ohio');
  });
});
