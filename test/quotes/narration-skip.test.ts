import { describe, expect, it } from 'vitest';
import { attributeArticle } from '../../src/quotes/attribute.js';

// A direct quote whose tail attribution names a person the text knows ("…," Hollis said) is not
// read against the narration around it, unless that narration may still give the person a role:
// the person has none yet and is named in the paragraph before or the quote's own. These pin both
// halves: the role an introduction gives reaches the later quotes, and the speaker stays the named one.
const speech = (paragraphs: string[]): Array<{ text: string; speaker: string | null; role: string | null }> =>
  attributeArticle(paragraphs)
    .filter((q) => q.kind !== 'fragment')
    .map((q) => ({ text: q.text, speaker: q.speaker, role: q.role }));

describe('narration readings after a named tail attribution', () => {
  it('GIVEN "according to Mary Hollis, president of …" then "…," Hollis told reporters THEN the later quotes keep her role', () => {
    const qs = speech([
      'DENVER, March 4 - Small savings banks may find it harder to compete, according to Mary Hollis, president of the Granite Savings Bank of Denver.',
      '"We are going to see more mergers among the small banks," Hollis told reporters after a speech to analysts.',
      'Hollis said the bank had moved its lending towards farm businesses in the region.',
      '"Most banks depend on cheap deposits for their income," Hollis said.',
      '"The odds are against the others doing what we have done," Hollis said.',
    ]);
    expect(qs.map((q) => q.speaker)).toEqual(['Mary Hollis', 'Mary Hollis', 'Mary Hollis']);
    expect(qs.slice(1).map((q) => q.role)).toEqual(['president of the Granite Savings Bank of Denver', 'president of the Granite Savings Bank of Denver']);
  });

  it('GIVEN "Union negotiator Paul Brennan said …" before "…," Brennan said THEN his title stays his role', () => {
    const qs = speech([
      'TORONTO, June 2 - Talks between the carmaker and its workers resumed on Monday.',
      'Union negotiator Paul Brennan said he believed a strike would be avoided.',
      '"I am very pleased with the state of the talks," Brennan said.',
      '"We will meet again tomorrow morning," Brennan said.',
    ]);
    expect(qs.map((q) => q.speaker)).toEqual(['Paul Brennan', 'Paul Brennan']);
    expect(qs[1]?.role).toBe('Union negotiator');
  });

  // The skip's one BBC change (a firm that "said" before "…," said <name>, <role at the firm>) now
  // goes to the named person; main gets this invented version right too, so this pins the skip path
  // (the narration not read, the tail's own appositive kept as the role), not the change itself.
  it('GIVEN an organisation that "said" before "…," said Maria Quintero, a vice president at it THEN the quote and the role are hers', () => {
    const qs = speech([
      'Cheaper chips for phones',
      'A new chip made by Halvorsen Instruments could make phones cheaper to build. The firm expects handsets with it next year. Halvorsen, which supplies chips to most phone makers, said it wanted to bring video to cheap handsets. "We are going to push them down into the plainest phones on the market," said Maria Quintero, a marketing vice president at Halvorsen. The chip also uses less power, said Halvorsen.',
    ]);
    expect(qs.map((q) => [q.speaker, q.role])).toEqual([['Maria Quintero', 'marketing vice president at Halvorsen']]);
  });
});
