// Where a person's name begins: a role, title, department or party word written with a capital
// before the name is no part of it, however the run of capitals reaches the name (fixtures invented).
import { describe, expect, it } from 'vitest';
import { splitTitle } from '../../src/quotes/names.js';
import { paragraphBases, People } from '../../src/quotes/people.js';
import { readMention, subjectAfter } from '../../src/quotes/phrase.js';
import { speakerOf } from './speaker-of.js';

/** The name `readMention` reads in the phrase after a speech verb ("said …"). */
const nameAfterSaid = (text: string): string | undefined => {
  const phrase = subjectAfter(text);
  const m = phrase ? readMention(phrase) : null;
  return m?.kind === 'name' ? m.name.join(' ') : undefined;
};

describe('role heads before a name', () => {
  it('GIVEN an undersecretary, an under-secretary, a magistrate or an administrator THEN the rank is a title', () => {
    expect(splitTitle(['Harbour', 'Undersecretary', 'Ilse', 'Korvan']).name).toEqual(['Ilse', 'Korvan']);
    expect(splitTitle(['Fisheries', 'Under-secretary', 'Yusuf', 'Kalender']).name).toEqual(['Yusuf', 'Kalender']);
    expect(splitTitle(['Magistrate', 'Lee', 'Garrow']).name).toEqual(['Lee', 'Garrow']);
    expect(splitTitle(['Administrator', 'Lee', 'Tomlin']).name).toEqual(['Lee', 'Tomlin']);
  });

  it('GIVEN a party member word opening a full name THEN it is a description, but a surname Tory stays a name', () => {
    expect(splitTitle(['Tory', 'Dominic', 'Greaves']).name).toEqual(['Dominic', 'Greaves']);
    expect(splitTitle(['Tories', 'Ken', 'Carley']).name).toEqual(['Ken', 'Carley']);
    expect(splitTitle(['Mayor', 'John', 'Tory']).name).toEqual(['John', 'Tory']);
  });

  it('GIVEN an organisation ending in Community or Securities THEN it is no part of the name after it', () => {
    expect(splitTitle(['European', 'Community', 'Tran', 'Van', 'Minh']).name).toEqual(['Tran', 'Van', 'Minh']);
  });

  it('GIVEN a generation numeral ending a full name THEN it stays in the name; a company "Mark IV" is no person', () => {
    expect(splitTitle(['Nicholas', 'Garro', 'III']).name).toEqual(['Nicholas', 'Garro', 'III']);
    expect(splitTitle(['Mark', 'IV']).name).toEqual([]);
  });
});

describe('the phrase after a speech verb', () => {
  it('GIVEN a role noun between an acronym and a full name THEN the name is the two words after it', () => {
    expect(nameAfterSaid(' BBC Presenter Lee Tomlin.')).toBe('Lee Tomlin');
  });

  it('GIVEN a firm\'s possessive before a full name THEN the name is the person\'s, the firm the role', () => {
    expect(nameAfterSaid(" Hollis Brent Securities' Hank Sorowa.")).toBe('Hank Sorowa');
  });

  it('GIVEN a role, a first name and a day THEN the day is the surname', () => {
    expect(nameAfterSaid(' England sevens coach Neil Friday.')).toBe('Neil Friday');
    expect(nameAfterSaid(' Reuters Monday.')).toBeUndefined();
  });

  it('GIVEN a capitalised title, a first name and a day THEN the day dates the saying, as in the name scan', () => {
    expect(nameAfterSaid(' President Grant Monday.')).not.toBe('Grant Monday');
    expect(nameAfterSaid(' Mr. Grant Thursday.')).not.toBe('Grant Thursday');
    // An office is followed by a full name: the month is the surname.
    expect(nameAfterSaid(' Green MSP Ruth May.')).toBe('Ruth May');
  });
});

describe('speakers in an article', () => {
  it('GIVEN "said England sevens coach Neil Friday" THEN the name scan lists Neil Friday; "told Reuters Friday" names no one', () => {
    const names = (paragraphs: string[]): string[] => [...new People(paragraphs, paragraphBases(paragraphs), () => false).persons.values()].map((p) => p.name);
    expect(names(['SQUAD NAMED', 'England lost to Fiji. "We can win," said England sevens coach Neil Friday.'])).toContain('Neil Friday');
    expect(names(['The company told Reuters Friday it would cut jobs.'])).toEqual([]);
  });

  it('GIVEN "BBC Presenter Lee Tomlin said" in the narration THEN the speaker is Lee Tomlin', () => {
    const paragraphs = ['SHOW ENDS', 'BBC Presenter Lee Tomlin said the programme would end.', '"It has been a long run," Tomlin said.'];
    expect(speakerOf(paragraphs, 'It has been')).toBe('Lee Tomlin');
  });

  it('GIVEN "Director of the Office of Ports and Transport Ada Whitcombe said" THEN the speaker is Ada Whitcombe', () => {
    const paragraphs = [
      'PORTS CHIEF RULES OUT TOLLS',
      'Director of the Office of Ports and Transport Ada Whitcombe said the ferries would carry no new charge this winter.',
      '"Nobody will pay more to cross," Whitcombe said.',
    ];
    expect(speakerOf(paragraphs, 'Nobody will pay')).toBe('Ada Whitcombe');
  });

  it('GIVEN "Kenyan Ambassador to Jordan Pere Ostrova said" THEN the place a title governs is no part of the name', () => {
    const paragraphs = [
      'CANAL TALKS TO RESUME',
      'Kenyan Ambassador to Jordan Pere Ostrova said the two sides had agreed on a timetable.',
      '"We meet again in the spring," Ostrova said.',
    ];
    expect(speakerOf(paragraphs, 'We meet again')).toBe('Pere Ostrova');
  });

  it('GIVEN "Harbour Undersecretary Ilse Korvan told the board" THEN the speaker is Ilse Korvan', () => {
    const paragraphs = ['DOCK FEES', 'Harbour Undersecretary Ilse Korvan told the board the costs "even out over the year."', 'Korvan said she expected no change.'];
    expect(speakerOf(paragraphs, 'even out')).toBe('Ilse Korvan');
  });

  it('GIVEN a given name that is also a place after "to" or "of" with no title governing it THEN the name stays whole', () => {
    const names = (paragraphs: string[]): string[] => [...new People(paragraphs, paragraphBases(paragraphs), () => false).persons.values()].map((p) => p.name);
    expect(names(['LETTERS', 'She wrote to Georgia Mae Corwin about the flooded road.'])).toContain('Georgia Mae Corwin');
    expect(names(['VISIT', 'He spoke to Sydney Rose Tallon after the meeting.'])).toContain('Sydney Rose Tallon');
    const paragraphs = ['VIGIL', 'Friends of Georgia Mae Corwin gathered at the harbour wall.', '"She would have loved the music," Corwin said.'];
    expect(speakerOf(paragraphs, 'She would have loved')).toBe('Georgia Mae Corwin');
  });

  it('GIVEN "said President Grant Monday" in the narration THEN no person "Grant Monday" speaks', () => {
    const paragraphs = ['SALE BLOCKED', '"We will not sell the mill," said President Grant Monday.'];
    expect(speakerOf(paragraphs, 'We will not sell')).not.toBe('Grant Monday');
  });
});
