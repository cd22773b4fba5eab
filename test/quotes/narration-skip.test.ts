import { describe, expect, it } from 'vitest';
import { attributeArticle } from '../../src/quotes/attribute.js';

// A direct quote whose tail attribution names a person the text knows ("…," Hollis said) is not
// read against the narration around it, unless that narration may still give the person a role:
// the person has none yet and is named in the paragraph before or the quote's own. These pin both
// halves: the role an introduction gives reaches the later quotes, and the speaker stays the named one.
// They are guards of the output only: the skip changes no speaker by design, so they would pass with
// it removed too; its cost cut is measured by the bench scripts (bench/RESULTS.md, k20cost).
const speech = (paragraphs: string[]): Array<{ text: string; speaker: string | null; role: string | null }> =>
  attributeArticle(paragraphs)
    .filter((q) => q.kind !== 'fragment')
    .map((q) => ({ text: q.text, speaker: q.speaker, role: q.role }));

describe('narration readings after a named tail attribution', () => {
  it('GIVEN "according to Mary Hollis, chief executive of …" then "…," Hollis told a meeting THEN the later quotes keep her role', () => {
    const qs = speech([
      'HALIFAX, May 9 - Farm lenders in the province expect a slower year, according to Mary Hollis, chief executive of the Tidewater Credit Union of Halifax.',
      '"Fewer farmers are asking for loans this spring," Hollis told a meeting of growers.',
      'Hollis said the credit union had opened two branches in fishing towns.',
      '"Our members keep more of their savings with us than they did," Hollis said.',
      '"Nobody expected the fishing towns to grow so fast," Hollis said.',
    ]);
    expect(qs.map((q) => q.speaker)).toEqual(['Mary Hollis', 'Mary Hollis', 'Mary Hollis']);
    expect(qs.slice(1).map((q) => q.role)).toEqual(['chief executive of the Tidewater Credit Union of Halifax', 'chief executive of the Tidewater Credit Union of Halifax']);
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
  it('GIVEN an organisation that "said" before "…," said Maria Quintero, a director at it THEN the quote and the role are hers', () => {
    const qs = speech([
      'A cheaper battery for bicycles',
      'Brightwater Cells has built a battery that could halve the price of an electric bicycle. Its first bikes should reach the shops in the autumn. Brightwater, which sells cells to most bike makers, said it hoped commuters would switch from cars. "We want one of these bikes parked outside every office in the country," said Maria Quintero, a sales director at Brightwater. A full charge takes an hour, said Brightwater.',
    ]);
    expect(qs.map((q) => [q.speaker, q.role])).toEqual([['Maria Quintero', 'sales director at Brightwater']]);
  });
});
