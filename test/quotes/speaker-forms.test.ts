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
import { featuresAt, speakerOf } from './speaker-of.js';

/** The full names the name scan finds in `text`. */
const namesIn = (text: string[]): string[] => [...new People(text, paragraphBases(text), () => false).persons.values()].map((p) => p.name);

describe('a possessive is never the speaker', () => {
  it('GIVEN "told a crowd after Ferreira\'s remarks that “…”" THEN the subject of "told", not the possessive', () => {
    const text = ['At the quay, port authority head Dana Whitlock told a crowd after Ferreira\'s remarks that "The ferry plan is dead. We start again in May."'];
    expect(speakerOf(text, 'The ferry plan')).toBe('Dana Whitlock');
    expect(featuresAt(text, 'The ferry plan').has("Ferreira's")).toBe(false);
  });

  it('GIVEN a possessive before a word that may be a noun ("remarks") THEN no subject; before "said" THEN a name ("Moody\'s said")', () => {
    expect(subjectBefore("after Halloran's", 'remarks')).toBeNull();
    expect(subjectBefore('after Halloran', 'remarks')?.words).toEqual(['Halloran']);
    expect(subjectBefore("Dobbin's", 'said')?.words).toEqual(["Dobbin's"]);
  });

  it('GIVEN "“…,” Dobbin\'s said" or "Dobbin\'s confirmed" (a firm named with a possessive) THEN Dobbin\'s stays the speaker', () => {
    expect(speakerOf(['Lending rose in March. "These loans raise the risk on the balance sheet," Dobbin\'s said.'], 'These loans')).toBe("Dobbin's");
    expect(speakerOf(['Lending rose in March. "Our rating stands," Dobbin\'s confirmed.'], 'Our rating')).toBe("Dobbin's");
  });

  it('GIVEN "Dobbin\'s also confirmed" or "Dobbin\'s insists" (a word of also/then/has between, or a present-tense speech verb) THEN Dobbin\'s stays the speaker', () => {
    expect(speakerOf(['Mortgage books grew again. "Our rating stands," Dobbin\'s also confirmed.'], 'Our rating')).toBe("Dobbin's");
    expect(speakerOf(['Pie sales slid over the winter. "Every pie we bake is safe," Marlow\'s insists.'], 'Every pie')).toBe("Marlow's");
    // A present tense that is also a plural noun, or another word between, stays a noun phrase.
    expect(subjectBefore("after Halloran's", 'claims')).toBeNull();
    expect(subjectBefore("Nor-Tek's earlier", 'reported')).toBeNull();
  });

  it('GIVEN "Norway\'s fisheries minister … called it “…”" or "Varek\'s remarks shook …" THEN the possessive is no candidate', () => {
    expect(featuresAt(['Norway\'s fisheries minister on Friday called the quota deal "a good day for the coast."'], 'a good day').has("Norway's")).toBe(false);
    const text = ['Henley\'s remarks shook dealers all morning. "Nobody wants to hold sterling now," one trader said.'];
    expect(featuresAt(text, 'Nobody wants').has("Henley's")).toBe(false);
  });
});

describe('the speaker is the head of the subject phrase', () => {
  it('GIVEN "said Ormsby, Hale and Crewe strategist Fiona Mercer." THEN Fiona Mercer, the firm in her role', () => {
    const phrase = subjectAfter(' Ormsby, Hale and Crewe strategist Fiona Mercer.');
    const m = phrase ? readMention(phrase) : null;
    expect(m?.kind).toBe('name');
    if (m?.kind === 'name') {
      expect(m.name).toEqual(['Fiona', 'Mercer']);
      expect(m.role).toBe('Ormsby Hale and Crewe strategist');
    }
    const text = ['"Steel orders will stay thin until the spring," said Ormsby, Hale and Crewe strategist Fiona Mercer.'];
    expect(speakerOf(text, 'Steel orders')).toBe('Fiona Mercer');
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
  it('GIVEN “… stood still. “What growers are asking …" THEN the quote keeps its own attribution, not "employers"', () => {
    const text = [
      'At the harvest fair on Saturday Olwen Pryce, who chairs the Harbour Growers Guild, said: "Our costs doubled while the price of a crate stood still. "What growers are asking me now is whether the banks will wait another season."',
    ];
    expect(speakerOf(text, 'Our costs doubled')).toBe('Olwen Pryce');
  });
});

describe('places and documents are not speakers', () => {
  it('GIVEN a whole gazetteer name THEN isPlaceName; a name with a place word in it THEN not', () => {
    expect(isPlaceName(['Peru'])).toBe(true);
    expect(isPlaceName(['Saudi', 'Arabia'])).toBe(true);
    expect(isPlaceName(['BRUSSELS'])).toBe(true);
    expect(isPlaceName(['Michael', 'London'])).toBe(false);
    expect(isPlaceName(['Peru', 'Copper'])).toBe(false);
    // One word's answer is kept by word: asked again it is the same, and a lower-case word is none.
    expect(isPlaceName(['Peru'])).toBe(true);
    expect(isPlaceName(['peru'])).toBe(false);
    expect(isPlaceName(['Michael'])).toBe(false);
    expect(isPlaceName(['BRUSSELS'])).toBe(true);
  });

  it('GIVEN "Chile has been shut out of …" then “…,” it said THEN no country is a candidate', () => {
    const text = ['Chile has been shut out of fresh loans since it put a ceiling on debt service. "We decide our own budget," it said.'];
    expect(featuresAt(text, 'We decide').has('Chile')).toBe(false);
  });

  it('GIVEN a personal title before a place name ("Mr Jordan said") THEN a person', () => {
    expect(speakerOf(['The appeal was heard on Monday. "We will fight on," Mr Jordan said.'], 'We will fight')).toBe('Jordan');
  });

  it('GIVEN a place name the text itself makes a person ("Sydney, a resident of …") THEN that person speaks', () => {
    const text = ['Sydney, a resident of Old Marden for forty years, watched the river take her garden.', '"There was no warning at all," Sydney said.'];
    expect(speakerOf(text, 'There was no warning')).toBe('Sydney');
    // A role word before a place proves no person; a place that is no one's first name stays a place.
    expect(namesIn(['The board chairman Georgia also met the lenders, said Ines Corvo.'])).not.toContain('Georgia');
    expect(namesIn(['Portugal, a founding member of the league, voted no, said Ines Corvo.'])).not.toContain('Portugal');
    // "the" opens an appositive a country takes too.
    expect(namesIn(['Georgia, the largest grower of the crop, refused the deal, said Ines Corvo.'])).not.toContain('Georgia');
  });

  it('GIVEN a party whose first word is no title ("Plaid Cymru said") THEN the whole party speaks', () => {
    expect(speakerOf(['The budget vote is on Tuesday. "We cannot back this bill," Plaid Cymru said.'], 'We cannot back')).toBe('Plaid Cymru');
    expect(speakerOf(['The budget vote is on Tuesday. "We cannot back this bill," UKIP said.'], 'We cannot back')).toBe('UKIP');
  });

  it('GIVEN a dateline ("TORVIK, March 9 - The chiefs of … said …") THEN its place is no speaker', () => {
    const text = ['TORVIK, March 9 - Allies of both countries called on them to "avoid force at all costs."'];
    expect(featuresAt(text, 'avoid force').has('TORVIK')).toBe(false);
  });

  it('GIVEN "Saudi Arabia" in a text THEN the name scan finds no person of that name', () => {
    expect(namesIn(['Saudi Arabia raised output, said oil minister Khalid Rahman.'])).not.toContain('Saudi Arabia');
  });

  it('GIVEN a document\'s capitalised title ("Quarterly Bulletin") THEN it is no person', () => {
    expect(namesIn(['The insurer put out its Quarterly Bulletin on Friday, and Maria Olsen read it.'])).toEqual(['Maria Olsen']);
  });

  it('GIVEN "The two airlines said …" then “They said … “…”" THEN the airlines, not a name between', () => {
    const text = ['The two airlines said they would merge their cargo arms into one unit run from Kirby Vale. They said the unit would "carry more freight than any rival in the region."'];
    expect(speakerOf(text, 'carry more freight')).toBe('the two airlines');
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

  it('GIVEN "… took three winters and an MSc. Tomasz Wierzba, who …" THEN the name starts after the abbreviation', () => {
    const names = namesIn(['Her thesis took three winters and a borrowed MSc. Tomasz Wierzba, who shared her lab, thinks the next will be quicker.']);
    expect(names).toContain('Tomasz Wierzba');
    expect(names.some((n) => n.startsWith('MSc'))).toBe(false);
  });

  it('GIVEN "St." before a surname THEN it is no role', () => {
    expect(roleWords(['St.'])).toEqual([]);
    expect(roleWords(['Senator'])).toEqual(['Senator']);
  });
});
