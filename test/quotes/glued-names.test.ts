// A capitalised word glued before a person's name (a sentence-opening adjective, a nationality noun,
// the last word of an office) is no part of the name; first names, places and buildings stay whole
// (session 26; fixtures invented).
import { describe, expect, it } from 'vitest';
import { gluedBeforeName } from '../../src/quotes/glued-names.js';
import { paragraphBases, People } from '../../src/quotes/people.js';
import { speakerOf } from './speaker-of.js';

const personNames = (text: string[]): string[] => [...new People(text, paragraphBases(text), () => false).persons.values()].map((p) => p.name);

describe('a word glued before a name', () => {
  it('GIVEN an adjective, a nationality noun or an office word before a known first name and a surname THEN it is cut off', () => {
    expect(gluedBeforeName(['Defiant', 'Colin', 'Marrable'])).toBe(1);
    expect(gluedBeforeName(['Norseman', 'Petra', 'Holmgaard'])).toBe(1);
    expect(gluedBeforeName(['Fisheries', 'Walter', 'de', 'Kamp'])).toBe(1);
  });

  it('GIVEN first names only, a place, a building, an initial, a short family name first or a two-word name THEN nothing is cut', () => {
    expect(gluedBeforeName(['Mary', 'Ann', 'Threlkeld'])).toBe(0);
    expect(gluedBeforeName(['Tokyo', 'Walter', 'Brisk'])).toBe(0);
    expect(gluedBeforeName(['Dorrington', 'Victoria', 'Station'])).toBe(0);
    expect(gluedBeforeName(['Colin', 'Marrable'])).toBe(0);
    expect(gluedBeforeName(['C.', 'Colin', 'Marrable'])).toBe(0);
    expect(gluedBeforeName(['Goh', 'Keng', 'Hock'])).toBe(0);
    expect(gluedBeforeName(['Zhong', 'Keng', 'Hock'])).toBe(0);
  });

  it('GIVEN a nationality after the glued word (a country\'s or a firm\'s name) THEN nothing is cut', () => {
    expect(gluedBeforeName(['United', 'Arab', 'Emirates'])).toBe(0);
    expect(gluedBeforeName(['Allied', 'Irish', 'Banks'])).toBe(0);
  });

  it('GIVEN a glued word of six letters THEN cut; of five THEN kept (a family name first)', () => {
    expect(gluedBeforeName(['Plucky', 'Colin', 'Marrable'])).toBe(1);
    expect(gluedBeforeName(['Angry', 'Colin', 'Marrable'])).toBe(0);
  });

  it('GIVEN "Defiant NAME says …" opening an article and "…," he said THEN the person is the name alone, and speaks', () => {
    const text = [
      'Defiant Colin Marrable says he will stay on as coach of the Harriers.',
      '"I have never walked away from a job," he told reporters. "We will win again," Marrable said.',
    ];
    expect(personNames(text)).toContain('Colin Marrable');
    expect(personNames(text)).not.toContain('Defiant Colin Marrable');
    expect(speakerOf(text, 'I have never walked')).toBe('Colin Marrable');
    expect(speakerOf(text, 'We will win')).toBe('Colin Marrable');
  });

  it('GIVEN "said Fisheries Walter de Kamp" after an office\'s lower-case words THEN the speaker is Walter de Kamp', () => {
    const text = ['"The quotas stay," said the deputy minister for Fisheries Walter de Kamp.'];
    expect(speakerOf(text, 'The quotas stay')).toBe('Walter de Kamp');
  });
});
