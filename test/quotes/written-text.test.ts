import { describe, expect, it } from 'vitest';
import { writtenSource } from '../../src/quotes/writing.js';
import { speakerOf } from './speaker-of.js';

// The words of a poster, a banner, a headline, a slogan or a rule are written, not spoken: they are
// never the words of the person the writing shows or concerns (writing.ts).
describe('written text quoted as such speaks for its issuer or for itself', () => {
  it('GIVEN a leaflet picturing a politician "declaring" words and a whiteboard "reading" words THEN neither quote is the politician\'s', () => {
    const text = [
      'Opposition leader Hester Vaine said on Monday the campaign had turned nasty. "They have run out of ideas," she told reporters.',
      'The leaflet pictures Ms Vaine on a bicycle, declaring: "I can pay for it all twice." Beside it stands Ms Vaine, holding up a whiteboard reading: "3+3=7".',
    ];
    expect(speakerOf(text, 'They have run out')).toBe('Hester Vaine');
    expect(speakerOf(text, 'I can pay for it')).toBe('the leaflet');
    expect(speakerOf(text, '3+3=7')).toBe('a whiteboard');
  });

  it('GIVEN "PARTY\'s motto is: “…”" THEN the party that issued the motto, not the person named next', () => {
    const text = [
      'Party chairman Corin Ashby said the campaign would open in March.',
      'The Greenway Party\'s new motto is: "Keep the valley green". Councillor Dana Prewitt said her group would back it.',
    ];
    expect(speakerOf(text, 'Keep the valley')).toBe('Greenway Party');
  });

  it('GIVEN a rule quoted by what it states, and a newspaper headline THEN the rule and the headline, not the person of the story', () => {
    const text = [
      '"We have kept every term of the deal," trade envoy Osric Pellow said.',
      'Clause 4 of the agreement states that "all deliveries will be paid for in cash within thirty days."',
      'A photograph of Mr Pellow at the dinner appeared in the Morning Ledger under the headline: "Pellow pays his way".',
    ];
    expect(speakerOf(text, 'We have kept')).toBe('Osric Pellow');
    expect(speakerOf(text, 'all deliveries')).toBe('the agreement');
    expect(speakerOf(text, 'Pellow pays')).toBe('the headline');
  });

  it('GIVEN speech near a writing noun ("it was a sign, saying", "he said:") THEN the speaker as before', () => {
    expect(writtenSource('Mr Kell said the vote was a sign, saying: ')).toBeNull();
    expect(writtenSource('Analysts said it was a sign that ')).toBeNull();
    expect(writtenSource('The company said in a statement: ')).toBeNull();
    const text = ['Farm leader Ruth Ambrey called the vote a good sign, saying: "We are finally being heard."'];
    expect(speakerOf(text, 'We are finally')).toBe('Ruth Ambrey');
    // A worn or a governed noun never "says": the people speak.
    expect(writtenSource('A man in the red shirt said: ')).toBeNull();
    expect(writtenSource('Residents near the sign said ')).toBeNull();
    expect(writtenSource('Fans with banners said: ')).toBeNull();
    expect(writtenSource('Protesters with a banner reading ')).toEqual({ issuer: null, owner: null, at: 16, writing: 'a banner' });
    const crowd = ['Hundreds gathered outside the town hall on Friday. A man in the red shirt, Tobin Earle, said: "We will not stop here."'];
    expect(speakerOf(crowd, 'We will not stop')).toBe('Tobin Earle');
  });

  it('GIVEN the quote\'s own attribution before the writing ("NAME said the party\'s slogan would be “…”") THEN the one who said it, as the ranker chooses', () => {
    const text = ['Campaign chief Lorna Vesey said the Greenway Party\'s slogan would be "Keep the valley green".'];
    expect(speakerOf(text, 'Keep the valley')).toBe('Lorna Vesey');
  });

  it('GIVEN "SURNAME\'s poster reads" or "Mr SURNAME\'s slogan" in an article that gives the full name THEN the issuer is that person', () => {
    const text = ['Mayor Odile Brantham opened her campaign on Monday.', 'Mr Tully Garson, her rival, was not there. Brantham\'s poster reads: "A greener town for all."'];
    expect(speakerOf(text, 'A greener town')).toBe('Odile Brantham');
    const titled = ['Senator Abel Corrin spoke in Dover.', 'Mr Corrin\'s new slogan reads: "Work pays."'];
    expect(speakerOf(titled, 'Work pays')).toBe('Abel Corrin');
  });

  it('GIVEN a titled possessive ("Prime Minister NAME\'s poster", "Mayor SURNAME\'s slogan") THEN the article\'s person, without the title', () => {
    expect(speakerOf(['Prime Minister Tony Brant spoke in Leeds.', 'Prime Minister Tony Brant\'s new poster reads: "Forward together."'], 'Forward together')).toBe('Tony Brant');
    expect(speakerOf(['Mayor Odile Brantham spoke at the market.', 'Mayor Brantham\'s slogan reads: "Clean streets for all."'], 'Clean streets')).toBe('Odile Brantham');
  });

  it('GIVEN a day or a plural common noun before the writing ("Yesterday\'s headline", "Protesters\' placards") THEN no issuer: the writing speaks', () => {
    const town = 'The council met on Friday.';
    expect(speakerOf([town, 'Yesterday\'s headline said: "Town hall in chaos again."'], 'Town hall in chaos')).toBe('the headline');
    expect(writtenSource('Monday\'s headline said: ')).toMatchObject({ issuer: null, writing: 'the headline' });
    expect(speakerOf([town, 'Protesters\' placards read: "Hands off our clinic now."'], 'Hands off our')).toBe('the placards');
  });

  it('GIVEN "Her motto is: “…”" after a named person THEN the person\'s own saying: the ranker gives it to her, not to "the motto"', () => {
    expect(writtenSource('Her motto is: ')).toBeNull();
    expect(speakerOf(['Coach Dana Reed was calm before the final.', 'Her motto is: "Never give up on a game."'], 'Never give up')).toBe('Dana Reed');
    expect(writtenSource('The club motto is: ')?.writing).toBe('the motto');
  });

  it('GIVEN a banner quote ending a paragraph THEN the next paragraph\'s unattributed quote does not continue the banner', () => {
    const text = [
      'Union leader Cora Pell spoke to the crowd. "We want a fair deal," she said.',
      'Marchers walked under a banner reading: "We will not work for less than we are worth."',
      '"This is about our children and about the town we all live in."',
    ];
    expect(speakerOf(text, 'We will not work')).toBe('a banner');
    expect(speakerOf(text, 'This is about our')).toBe('Cora Pell');
  });

  it('reads a bounded tail of a long lead-in: a 1 MB sentence before the mark is read in linear time', () => {
    const long = 'word '.repeat(200_000);
    expect(writtenSource(`${long}under a banner reading `)?.writing).toBe('a banner');
    expect(writtenSource(`${long}he said: `)).toBeNull();
  });
});

describe('a motion\'s wording is the motion\'s', () => {
  it('GIVEN "Their motion says “…”" after a councillor named with a role THEN the motion, not the councillor', () => {
    const text = ['Two councillors oppose the sale. Pell Ardmore, who chairs the parks panel, vowed on Tuesday to fight it "all the way to the cabinet". Their motion says "any sale of the park would harm its users".'];
    expect(speakerOf(text, 'all the way to')).toBe('Pell Ardmore');
    expect(speakerOf(text, 'any sale of the park')).toBe('the motion');
  });
});
