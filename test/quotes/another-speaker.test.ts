import { describe, expect, it } from 'vitest';
import { anotherOf, isLoneAnother } from '../../src/quotes/turn-features.js';
import { candidatesAt, speakerOf } from './speaker-of.js';

// "Another said": a second unnamed speaker of the kind that spoke last, never a person called "Another".
const PARAGRAPHS = [
  'TORVALE SHARES JUMP ON BID',
  'NEW HARBOUR, May 3 - Shares of Torvale Instruments rose sharply after Brimco Holdings offered 40 dlrs a share.',
  '"The bid looks low to me," said one grain dealer at a Harbour bank.',
  'Another said "the market wants more than forty dollars."',
  'Another added that Torvale was cheap. "It is worth at least fifty," he said.',
];

describe('another said', () => {
  it('GIVEN "Another said" after a described speaker THEN another of that kind, never a name', () => {
    expect(speakerOf(PARAGRAPHS, 'the market wants')).toBe('another grain dealer');
    expect(speakerOf(PARAGRAPHS, 'It is worth')).toBe('another grain dealer');
    for (const c of candidatesAt(PARAGRAPHS, 'It is worth')) expect(c.speaker).not.toBe('Another');
  });

  it('GIVEN `"…," another said` or `"…," said another.` after a described speaker THEN another of that kind, not the one before', () => {
    const tail = ['FRUIT PRICES SLIP', '"Demand is thin," said one orchard broker in Velmar.', '"It will come back by June," another said.'];
    expect(speakerOf(tail, 'It will come back')).toBe('another orchard broker');
    const inverted = ['FRUIT PRICES SLIP', '"Demand is thin," said one orchard broker in Velmar.', '"It will come back by June," said another.'];
    expect(speakerOf(inverted, 'It will come back')).toBe('another orchard broker');
  });

  it('GIVEN the lone word and descriptions THEN the head and the shown form', () => {
    expect(isLoneAnother('Another')).toBe(true);
    expect(isLoneAnother('another dealer')).toBe(false);
    expect(anotherOf('a senior trade source')).toBe('another senior trade source');
    expect(anotherOf('a spokesman for the utility')).toBe('another spokesman');
    expect(anotherOf('Hal Varnes')).toBeNull();
    expect(anotherOf('the company')).toBeNull();
    expect(anotherOf('a third arbitrageur')).toBe('another arbitrageur');
    expect(anotherOf('one of the diplomats')).toBe('another diplomat');
    expect(anotherOf(null)).toBeNull();
    expect(anotherOf('Torvale Instruments')).toBeNull();
  });

  it('GIVEN "another official" as a described speaker THEN a he after it may continue the description', () => {
    const paragraphs = ['HARBOUR TALKS STALL', 'Officials of the port met on Monday. Another port official said the talks had stalled. "We have nothing to show," he added.'];
    expect(speakerOf(paragraphs, 'We have nothing')).toBe('another port official');
  });
});
