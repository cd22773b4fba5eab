// The person named before a chain of appositives and asides is the speaker, not the last chunk
// before the verb; a title glued before a name does not make "NAME of PLACE" an organisation
// (session 28; fixtures invented).
import { describe, expect, it } from 'vitest';
import { readMention, subjectBefore } from '../../src/quotes/phrase.js';
import { speakerOf } from './speaker-of.js';

const nameBefore = (text: string): string | undefined => {
  const phrase = subjectBefore(text, 'said');
  const m = phrase ? readMention(phrase) : null;
  return m?.kind === 'name' ? m.name.join(' ') : undefined;
};

describe('a name before two or three appositives or asides', () => {
  it('GIVEN "NAME, role of FIRM, a description," THEN the name is the subject', () => {
    expect(nameBefore('Marta Lindqvist, president of Orvane Steel Co, a leading maker of ship plate,')).toBe('Marta Lindqvist');
  });

  it('GIVEN "NAME, role of BODY, in explaining why …," or "…, commenting on …," THEN the name is the subject', () => {
    expect(nameBefore('Peter Halloway, secretary general of the Brisk Dealers Association, in explaining why the rule was kept,')).toBe('Peter Halloway');
    expect(nameBefore('Carla Venetti, chairman of Pellagro Spa, commenting on the results on television,')).toBe('Carla Venetti');
  });

  it('GIVEN "NAME, the head of the Union of X, UX," or "…, (Unionfed)," or "Mr NAME, chief executive of FIRM, also at the fair," THEN the name is the subject', () => {
    expect(nameBefore('Jorge Almonte Ruiz, the veteran leader of the Andean Miners Union, AMU,')).toBe('Jorge Almonte Ruiz');
    expect(nameBefore('Mr Daniel Okafor, chief executive of Lagoon Mobile, also at the fair,')).toBe('Daniel Okafor');
    expect(nameBefore('Marta Lindqvist, president of the Kelport Union of Dockers, (Unionfed),')).toBe('Marta Lindqvist');
  });

  it('GIVEN a list of places or a chunk that is no role first THEN no name is read from the chain', () => {
    expect(nameBefore('In Harwick, the bank, a lender to farmers, also at the fair,')).toBeUndefined();
    expect(nameBefore('Marta Lindqvist, Orvane Steel and the union,')).toBeUndefined();
  });

  it('GIVEN the whole article sentence THEN the quote is the named person\'s', () => {
    const text = ['Ship scrapping is expected to slow. Marta Lindqvist, president of Orvane Steel Co, a leading maker of ship plate in Kelport, told Reuters, "We expect to scrap fewer hulls this year."'];
    expect(speakerOf(text, 'We expect to scrap')).toBe('Marta Lindqvist');
  });
});

describe('an appositive whose closing comma is missing', () => {
  it('GIVEN "NAME, economist with FIRM in CITY said" THEN the name speaks', () => {
    const text = ['Bond prices rose. Tobias Wren, economist with Harlan Brothers Ltd in Kelport said "The central bank has backed down."'];
    expect(speakerOf(text, 'The central bank')).toBe('Tobias Wren');
  });

  it('GIVEN "But NAME, a lawyer said" THEN the name without the conjunction speaks', () => {
    const text = ['The studio has few backers. But Helen Marsh, a Kelport-based entertainment lawyer said, "If they have the money, they can make it work."'];
    expect(speakerOf(text, 'If they have the money')).toBe('Helen Marsh');
  });
});

describe('a title glued before "NAME of PLACE"', () => {
  it('GIVEN "said Senate Majority Leader NAME of STATE" THEN the speaker is the person, not the whole phrase', () => {
    const text = ['The bill passed. "It is about time," Senate Majority Leader Roberta Quill of New Hampshire told reporters.'];
    expect(speakerOf(text, 'It is about time')).toBe('Roberta Quill');
  });

  it('GIVEN "House Speaker NAME of STATE told" before the quote THEN the speaker is the person', () => {
    const text = ['The vote was close. House Speaker Martin Greaves of Ohio told reporters, "We were right all along."'];
    expect(speakerOf(text, 'We were right')).toBe('Martin Greaves');
  });
});
