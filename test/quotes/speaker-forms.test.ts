// Only people and organisations speak, and under their own names (issue 10, item 3; session 19):
// a possessive is never the speaker, the speaker is the head of the speech verb's subject phrase,
// places and a quote's next sentence give no speaker, "they" means the plural subject last
// speaking, and titles, party labels, plural roles and a stray sentence-final abbreviation are no
// part of a name. Invented texts; each test fails when its rule is undone.
import { describe, expect, it } from 'vitest';
import { People, paragraphBases } from '../../src/quotes/people.js';
import { opensWithRole, readMention, subjectAfter, subjectBefore } from '../../src/quotes/phrase.js';
import { roleWords, splitTitle } from '../../src/quotes/names.js';
import { isPlaceName } from '../../src/search/places.js';
import { speakerOf } from './speaker-of.js';

/** The full names the name scan finds in `text`. */
const namesIn = (text: string[]): string[] => [...new People(text, paragraphBases(text), () => false).persons.values()].map((p) => p.name);

describe('a possessive is never the speaker', () => {
  it('GIVEN "told reporters after Halloran\'s remarks that “…”" THEN the subject of "told", not the possessive', () => {
    const text = [
      'Senate Finance Committee Chairman Walter Ostby told reporters after Halloran\'s remarks that "They will not take part. It is an odd way to run a budget."',
    ];
    expect(speakerOf(text, 'They will not')).toBe('Walter Ostby');
  });

  it('GIVEN a possessive before a word that may be a noun ("remarks") THEN no subject; before "said" THEN a name ("Moody\'s said")', () => {
    expect(subjectBefore("after Halloran's", 'remarks')).toBeNull();
    expect(subjectBefore('after Halloran', 'remarks')?.words).toEqual(['Halloran']);
    expect(subjectBefore("Dobbin's", 'said')?.words).toEqual(["Dobbin's"]);
  });

  it('GIVEN "“…,” Dobbin\'s said" (a firm named with a possessive) THEN Dobbin\'s stays the speaker', () => {
    const text = ['Dobbin\'s also said the bank would keep lending. "These loans raise the risk on the balance sheet," Dobbin\'s said.'];
    expect(speakerOf(text, 'These loans')).toBe("Dobbin's");
  });

  it('GIVEN "Venezuela\'s energy minister … described it as “…”" THEN the possessive is no speaker', () => {
    const text = ['Venezuela\'s energy and mines minister earlier described the deal as "one more step for our oil industry."'];
    expect(speakerOf(text, 'one more step')).not.toBe("Venezuela's");
  });
});

describe('the speaker is the head of the subject phrase', () => {
  it('GIVEN "said Dunmore, Pike and Keswick analyst Harold Vance." THEN Harold Vance, the firm in his role', () => {
    const phrase = subjectAfter(' Dunmore, Pike and Keswick analyst Harold Vance.');
    const m = phrase ? readMention(phrase) : null;
    expect(m?.kind).toBe('name');
    if (m?.kind === 'name') {
      expect(m.name).toEqual(['Harold', 'Vance']);
      expect(m.role).toBe('Dunmore Pike and Keswick analyst');
    }
    const text = ['"The cartel has won this round and prices will hold," said Dunmore, Pike and Keswick analyst Harold Vance.'];
    expect(speakerOf(text, 'The cartel')).toBe('Harold Vance');
  });

  it('GIVEN "said Dunmore, who …" THEN the name before the comma stays the speaker (no firm and person after it)', () => {
    expect(subjectAfter(' Dunmore, who runs the fund.')?.words).toEqual(['Dunmore']);
  });

  it('GIVEN "Tory delegates are gathering …, declaring “…”" THEN the delegates, not "Tory"', () => {
    const text = ['Tory delegates are gathering in Bournemouth for their spring meeting, declaring the town needs "a new start at the top".'];
    expect(speakerOf(text, 'a new start')).toBe('Tory delegates');
  });
});

describe('what follows a quote that ends its sentence', () => {
  it('GIVEN “… inflation. “What employers are saying …" THEN the quote keeps its own attribution, not "employers"', () => {
    const text = [
      'And Miriam Gathorne, director of the Northern Traders Forum, said: "The rise each year has run far ahead of prices. "What employers are telling us is that it now bites into their margins."',
    ];
    expect(speakerOf(text, 'The rise each year')).toBe('Miriam Gathorne');
  });
});

describe('places and documents are not speakers', () => {
  it('GIVEN a whole gazetteer name THEN isPlaceName; a name with a place word in it THEN not', () => {
    expect(isPlaceName(['Peru'])).toBe(true);
    expect(isPlaceName(['Saudi', 'Arabia'])).toBe(true);
    expect(isPlaceName(['BRUSSELS'])).toBe(true);
    expect(isPlaceName(['Michael', 'London'])).toBe(false);
    expect(isPlaceName(['Peru', 'Copper'])).toBe(false);
  });

  it('GIVEN "Peru has been barred …" then “…,” it said THEN no country speaks', () => {
    const text = [
      'Peru has been barred from new lending since it capped its debt payments.',
      'Officials in Lima met bankers on Monday. "We affirm the sovereignty of our decisions," it said.',
    ];
    expect(speakerOf(text, 'We affirm')).not.toBe('Peru');
  });

  it('GIVEN a dateline ("TORVIK, March 9 - The chiefs of … said …") THEN its place is no speaker', () => {
    const text = ['TORVIK, March 9 - Allies of both countries called on them to "avoid force at all costs."'];
    expect(speakerOf(text, 'avoid force')).not.toBe('TORVIK');
  });

  it('GIVEN "Saudi Arabia" in a text THEN the name scan finds no person of that name', () => {
    expect(namesIn(['Saudi Arabia raised output, said oil minister Khalid Rahman.'])).not.toContain('Saudi Arabia');
  });

  it('GIVEN "the bank said its latest Economic Newsletter" THEN the newsletter is no person', () => {
    expect(namesIn(['"Growth will stall," the bank said in its latest Economic Newsletter.'])).not.toContain('Economic Newsletter');
  });

  it('GIVEN "The companies said …" then “They said … “…”" THEN the companies, not a place named between', () => {
    const text = [
      'The companies said they would jointly own the inn and rename it the Harbour Lodge at Port Vellan. They said they would spend more than 13 mln dlrs "to make the lodge one of the finest on the coast."',
    ];
    expect(speakerOf(text, 'to make the lodge')).toBe('the companies');
  });
});

describe('name forms', () => {
  it('GIVEN "Lib Dem Norman Baxendale" THEN the name is Norman Baxendale and the label is title', () => {
    expect(splitTitle(['Lib', 'Dem', 'Norman', 'Baxendale'])).toEqual({ title: ['Lib', 'Dem'], name: ['Norman', 'Baxendale'] });
    expect(namesIn(['Lib Dem Norman Baxendale attacked the plan.'])).toEqual(['Norman Baxendale']);
  });

  it('GIVEN "Vice-Premier Tian Jiyang" THEN the hyphenated title is no part of the name', () => {
    expect(splitTitle(['Vice-Premier', 'Tian', 'Jiyang']).name).toEqual(['Tian', 'Jiyang']);
    expect(splitTitle(['Jean-Pierre', 'Morel']).name).toEqual(['Jean-Pierre', 'Morel']);
  });

  it('GIVEN "Sprinters Kostas Kalogeris" THEN the plural role opens the run, not the name', () => {
    expect(opensWithRole(['Sprinters', 'Kostas', 'Kalogeris'])).toBe(true);
    expect(namesIn(['Sprinters Kostas Kalogeris and Anna Thanou missed the test.'])).toContain('Kostas Kalogeris');
  });

  it('GIVEN "… than one for a PhD. Prakash Ramdev, one of …" THEN the name starts after the abbreviation', () => {
    const names = namesIn(['A computer for them needs more power than one for a PhD. Prakash Ramdev, one of his students, says it must be cheap.']);
    expect(names).toContain('Prakash Ramdev');
    expect(names.some((n) => n.startsWith('PhD'))).toBe(false);
  });

  it('GIVEN "St." before a surname THEN it is no role', () => {
    expect(roleWords(['St.'])).toEqual([]);
    expect(roleWords(['Senator'])).toEqual(['Senator']);
  });
});
