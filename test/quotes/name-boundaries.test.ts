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
    expect(splitTitle(['Agriculture', 'Undersecretary', 'Daniel', 'Morvath']).name).toEqual(['Daniel', 'Morvath']);
    expect(splitTitle(['Treasury', 'Under-secretary', 'Yusuf', 'Kalender']).name).toEqual(['Yusuf', 'Kalender']);
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

  it('GIVEN "Director of the Office of Management and Budget James Millard said" THEN the speaker is James Millard', () => {
    const paragraphs = [
      'BUDGET CHIEF RULES OUT TAXES',
      'Director of the Office of Management and Budget James Millard said the administration would not raise taxes.',
      '"There will be no tax increases," Millard said.',
    ];
    expect(speakerOf(paragraphs, 'There will be no tax')).toBe('James Millard');
  });

  it('GIVEN "Portuguese Ambassador to China Octavio Varela said" THEN the speaker is Octavio Varela', () => {
    const paragraphs = [
      'TALKS ON MACAO TO END',
      'Portuguese Ambassador to China Octavio Varela said there would be no formal statement.',
      '"It will be the last round," Varela said.',
    ];
    expect(speakerOf(paragraphs, 'It will be the last')).toBe('Octavio Varela');
  });

  it('GIVEN "Agriculture Undersecretary Daniel Morvath told the committee" THEN the speaker is Daniel Morvath', () => {
    const paragraphs = ['CORN COSTS', 'Agriculture Undersecretary Daniel Morvath told the committee that the costs "balance off very closely."', 'Morvath said he expected no change.'];
    expect(speakerOf(paragraphs, 'balance off')).toBe('Daniel Morvath');
  });
});
