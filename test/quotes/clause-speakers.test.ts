// Attribution on news nobody tuned for (issue 10, session 15): who a "he said" means by the clause
// its antecedent stands in, an unnamed person a pronoun continues, descriptions and names that
// Reuters and BBC write their own way. Feature tests read what the model is given (observe), so
// they fail when the evidence is not computed; speaker tests read what users see.
import { describe, expect, it } from 'vitest';
import { People, paragraphBases } from '../../src/quotes/people.js';
import { readMention, roleWordsOpening, subjectBefore } from '../../src/quotes/phrase.js';
import { featuresAt, speakerOf } from './speaker-of.js';

const personNames = (text: string[]): string[] => [...new People(text, paragraphBases(text), () => false).persons.values()].map((p) => p.name);

describe('a pronoun and the clause its antecedent stands in', () => {
  it('GIVEN "He said Dalton “…”" THEN Dalton carries ante_bound (a pronoun never means a name its own clause goes on to name), the senator does not', () => {
    const text = [
      'WASHINGTON, March 31 - Senate leader Harold Brennan said President Dalton\'s veto of the highway bill does not show leadership.',
      '"Government by veto is not leadership," the Ohio Democrat told reporters.',
      'He said Dalton "is attempting to show he is back by vetoing a very important bill."',
    ];
    const fs = featuresAt(text, 'is attempting');
    expect(fs.get('Dalton')?.ante_bound).toBe(1);
    expect(fs.get('Harold Brennan')?.ante_bound).toBeUndefined();
  });

  it('GIVEN "“…,” he told Mayor Ostrander" THEN the listener carries ante_bound', () => {
    const text = ['Mayor Ostrander met councillor Peter Vasquez on Monday. "We cannot wait another year," he told Mayor Ostrander.'];
    const fs = featuresAt(text, 'We cannot wait');
    expect(fs.get('Ostrander')?.ante_bound).toBe(1);
    expect(fs.get('Peter Vasquez')?.ante_bound).toBeUndefined();
  });

  it('GIVEN "Larne boss Jimmy Keogh has yet to confirm that Doyle is on his way. “…,” he said" THEN Keogh is the main-clause subject (ante_main), Doyle in the "that" clause is not', () => {
    const text = [
      'Teenager Robbie Doyle was also chased by Rangers and Fulham.',
      'But Larne boss Jimmy Keogh has yet to confirm that Doyle is on his way. "I heard on Sunday that he has joined them," he said.',
    ];
    const fs = featuresAt(text, 'I heard on Sunday');
    expect(fs.get('Jimmy Keogh')?.ante_main).toBe(1);
    expect(fs.get('Robbie Doyle')?.ante_main).toBeUndefined();
  });

  it('GIVEN an opening phrase closed by a comma ("One woman, Vera Lapete, found …") THEN the named person is still the main subject; after "when" THEN not', () => {
    const opening = ['One woman, Vera Lapete, found her sister in the square after 28 years. "We threw ourselves into each other\'s arms," she said.'];
    expect(featuresAt(opening, 'We threw').get('Vera Lapete')?.ante_main).toBe(1);
    const side = ['The vote came when Mr Blunkard argued for the bill. "It is the right thing to do," he said.'];
    expect(featuresAt(side, 'It is the right').get('Blunkard')?.ante_main).toBeUndefined();
  });

  it('GIVEN "Growth will slow as Peter Lindqvist leaves, finance minister Ronald Demmer said" THEN the minister who closes the sentence is its main subject, the name in the reported clause is not', () => {
    const text = ['Growth will slow as Peter Lindqvist leaves the bank, finance minister Ronald Demmer said. "We expect four percent," he said.'];
    const fs = featuresAt(text, 'We expect four');
    expect(fs.get('Ronald Demmer')?.ante_main).toBe(1);
    expect(fs.get('Peter Lindqvist')?.ante_main).toBeUndefined();
    const reported = ['Peter Lindqvist will leave the bank next year, finance minister Ronald Demmer said. "We will miss him," he said.'];
    expect(featuresAt(reported, 'We will miss').get('Peter Lindqvist')?.ante_main).toBeUndefined();
    const inverted = ['Peter Lindqvist will leave the bank next year, said Ronald Demmer. "We will miss him," he said.'];
    expect(featuresAt(inverted, 'We will miss').get('Peter Lindqvist')?.ante_main).toBeUndefined();
  });

  it('GIVEN "Alastair Brodie, who is club treasurer, said he had dismissed Mr Keddie" THEN Brodie is the main subject (the appositive\'s comma before "said" reports nothing); after "that was not enough for Mr Tarkoly" THEN a demonstrative "that" opens no clause', () => {
    const text = [
      'Alastair Brodie, who is club treasurer, said he had dismissed Mr Keddie on Thursday. He said the complaint would be reviewed. He added: "I can say very little about it today."',
    ];
    expect(featuresAt(text, 'I can say very').get('Alastair Brodie')?.ante_main).toBe(1);
    const unclosed = [
      'Fiona Rennick said she would not "fret about it at all". Hamish Corran, senior partner of Baird Lennox said Mr Dunlop had been planning to step down. He added: "Ewan has chosen to make this known now."',
    ];
    const fs = featuresAt(unclosed, 'Ewan has chosen');
    expect(fs.get('Hamish Corran')?.ante_main).toBe(1);
    expect(fs.get('Dunlop')?.ante_main).toBeUndefined();
    expect(fs.get('Baird Lennox')?.ante_main).toBeUndefined();
    const demonstrative = ['John Snow welcomed the plan. But that was not enough for Mr Tarkoly. "It is up to them to say so," he said.'];
    expect(featuresAt(demonstrative, 'It is up to').get('Tarkoly')?.ante_main).toBe(1);
  });
});

describe('an unnamed person a pronoun continues', () => {
  it('GIVEN "“…,” a spokesman for Acme said. “…,” he added" after a named chairman THEN the second quote is the spokesman\'s too', () => {
    const text = ['NEW YORK, March 3 - Acme Corp chairman John Harkness said profit would fall.', '"Demand is weak," a spokesman for Acme said. "We will cut costs," he added.'];
    const fs = featuresAt(text, 'We will cut');
    expect(fs.get('a spokesman for Acme')?.pronoun_desc).toBe(1);
    expect(fs.get('John Harkness')?.pronoun_desc).toBeUndefined();
    expect(speakerOf(text, 'We will cut')).toBe('a spokesman for Acme');
  });

  it('GIVEN "An official with one U.S. vehicle maker said … “…,” he said" THEN the speaker is that official, not the sentence-opening "Automakers" nor "maker"', () => {
    const text = [
      'Automakers say professional drivers who have tested the four-wheel steering like it.',
      'An official with one U.S. vehicle maker said the steering was a technical improvement. "All automakers are interested in something new," he said.',
    ];
    expect(readMention(subjectBefore('An official with one U.S. vehicle maker ') ?? { words: [], appositive: null })).toMatchObject({ text: 'An official with one U.S. vehicle maker' });
    expect(speakerOf(text, 'All automakers')).toBe('an official with one U.S. vehicle maker');
  });

  it('GIVEN "Eva Lichtenberg, a member of the European Parliament said … “…,” she added" THEN the named person, not her description, continues', () => {
    const text = ['"Patent rights protect the big companies," Eva Lichtenberg, a Green member of the European Parliament said in a statement. "Smaller firms cannot afford the costs," she added.'];
    expect(speakerOf(text, 'Smaller firms')).toBe('Eva Lichtenberg');
  });

  it('GIVEN "the source told the paper" after a named politician THEN the source stays unnamed', () => {
    const text = [
      'Alastair Campbell is to return to front the election campaign, the prime minister has confirmed.',
      'Mr Campbell quit as communications director in 2003. Mr Campbell said he was "delighted" to help.',
      'A Labour source told the Sunday Times Mr Campbell would "effectively front" the campaign.',
      'Labour strategists told the paper he would be set loose on the Conservatives. "They used pictures from the 1970s to remind people," the source told the paper. Mr Campbell was at the centre of the row over the dossier.',
    ];
    expect(speakerOf(text, 'They used pictures')).toBe('the source');
  });
});

describe('names and roles written the Reuters and BBC way', () => {
  it('GIVEN "Mr Prettejohn, Lloyd\'s chief executive said" (the closing comma left out) THEN the person speaks, not the description', () => {
    const text = ['In a speech on Monday, Mr Prettejohn urged the regulator to act.', '"The regulator should not bide its time," Mr Prettejohn, Lloyd\'s chief executive said.'];
    expect(speakerOf(text, 'The regulator should')).toBe('Prettejohn');
  });

  it('GIVEN "New Yorker Dick Morvan" THEN the person is Dick Morvan, not "Yorker Dick Morvan"', () => {
    const names = personNames(['Political consultant and New Yorker Dick Morvan said the race was over.']);
    expect(names).toContain('Dick Morvan');
    expect(names).not.toContain('Yorker Dick Morvan');
  });

  it('GIVEN "Manchester Victoria Station" mid-sentence THEN it stays one place name; a "-ster" role ("Youngster Kieran Richardson") is still a role', () => {
    expect(roleWordsOpening(['Manchester', 'Victoria', 'Station'])).toBe(0);
    expect(roleWordsOpening(['Leicester', 'Eleanor', 'Hale'])).toBe(0);
    expect(personNames(['Trains were delayed at Manchester Victoria Station on Monday.'])).toContain('Manchester Victoria Station');
    expect(roleWordsOpening(['Youngster', 'Kieran', 'Richardson'])).toBe(1);
    expect(roleWordsOpening(['Broadcaster', 'Chris', 'Evans'])).toBe(1);
  });
});

describe('review 15: the main clause and its sentence, read past abbreviations, appositives, lists and side clauses', () => {
  it('GIVEN "…said on Monday that U.S. Secretary of State John Kerry would visit…" THEN "U.S." ends no sentence: Kerry is in the reported clause, not the main subject', () => {
    const text = ['Tom Jones said on Monday that U.S. Secretary of State John Kerry would visit Cairo. "It is a good sign," he said.'];
    const fs = featuresAt(text, 'It is a good sign');
    expect(fs.get('John Kerry')?.ante_main).toBeUndefined();
    expect(fs.get('Tom Jones')?.ante_main).toBe(1);
  });

  it('GIVEN a closed appositive or a list after the name, then "…, finance minister Ronald Demmer said" THEN the first name is no main subject', () => {
    const closed = ['Peter Lindqvist, the bank\'s chief economist, will leave next year, finance minister Ronald Demmer said. "We will miss him," he said.'];
    expect(featuresAt(closed, 'We will miss').get('Peter Lindqvist')?.ante_main).toBeUndefined();
    const list = ['Peter Lindqvist, Tom Hale and Ann Berg will attend the talks, the ministry said. "The talks start at noon," he said.'];
    expect(featuresAt(list, 'The talks start').get('Peter Lindqvist')?.ante_main).toBeUndefined();
  });

  it('GIVEN an unclosed appositive ("Hamish Corran, senior partner of Baird Lennox said") THEN the name is still the main subject', () => {
    const text = ['Hamish Corran, senior partner of Baird Lennox said the firm would expand. "We are recruiting," he said.'];
    expect(featuresAt(text, 'We are recruiting').get('Hamish Corran')?.ante_main).toBe(1);
  });

  it('GIVEN a side clause with a speech verb (", which critics said was flawed,") THEN the main subject keeps ante_main', () => {
    const text = ['Tom Jones told the meeting on Tuesday that the plan, which critics said was flawed, would go ahead. "We are ready," he said.'];
    expect(featuresAt(text, 'We are ready').get('Tom Jones')?.ante_main).toBe(1);
  });

  it('GIVEN "“…,” a spokeswoman for Acme said. “…,” he added" THEN the "he" is not the spokeswoman', () => {
    const text = ['Acme Corp chairman John Harkness said profit would fall.', '"Demand is weak," a spokeswoman for Acme said. "We will cut costs," he added.'];
    expect(speakerOf(text, 'We will cut costs')).not.toBe('a spokeswoman for Acme');
  });
});
