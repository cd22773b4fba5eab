import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/archive/parse.js';
import { buildRegistry } from '../../src/quotes/registry.js';
import { shownForm, withoutPossessive } from '../../src/quotes/shown-name.js';
import { QuoteStore, peerageTitles } from '../../src/quotes/store.js';

const article = (id: string, body: string) => parseArticle(id, `date 2022-05-01\n\n${body}`).article;

// What a user is shown for a speaker: no wire markup or glued-on words (shown-name.ts), a peer or
// a knight under the title the article gives, and no merge that would give a person another
// person's first name (registry.ts).
describe('shown forms of speakers', () => {
  it('GIVEN Reuters markup, a dateline run into the subject, a glued-on "quoted" or an unbalanced bracket THEN the clean name', () => {
    expect(shownForm('Tarrow Shipping Co Ltd <TSC.S>')).toBe('Tarrow Shipping Co Ltd');
    expect(shownForm('<Vellani SpA>')).toBe('Vellani SpA');
    expect(shownForm('<VB>')).toBe('VB');
    expect(shownForm('a spokesman for <Ostrom International>')).toBe('a spokesman for Ostrom International');
    expect(shownForm('March 9 - The Harlan Co Plc <HCP.L>')).toBe('Harlan Co Plc');
    expect(shownForm('March 3 - The chairman of Harlan Co')).toBe('the chairman of Harlan Co');
    expect(shownForm('the statement quoted')).toBe('the statement');
    expect(shownForm('an analyst quoted')).toBe('an analyst');
    expect(shownForm('(CRT')).toBe('CRT');
    // Names that need nothing keep their form, brackets that close included.
    expect(shownForm('Kelso Equity (Pacific) Ltd')).toBe('Kelso Equity (Pacific) Ltd');
    expect(shownForm('Jean-Luc Marron')).toBe('Jean-Luc Marron');
  });

  it('GIVEN a sentence\'s full stop glued onto a name ("Mr Vane.") THEN it goes; an initial, a dotted name or an abbreviation keeps its stop', () => {
    expect(shownForm('Mr Vane.')).toBe('Mr Vane');
    expect(shownForm('Dr Olmsted.')).toBe('Dr Olmsted');
    expect(shownForm('a Lunar Spokesman.')).toBe('a Lunar Spokesman');
    expect(shownForm('Ola Berg Jr.')).toBe('Ola Berg Jr.');
    expect(shownForm('Tavi E.')).toBe('Tavi E.');
    expect(shownForm('ambassador to the U.S.')).toBe('ambassador to the U.S.');
    expect(shownForm('Harlan Co.')).toBe('Harlan Co.');
    expect(shownForm('Sen.')).toBe('Sen.');
  });

  it('GIVEN a possessive "\'s" on a shown speaker THEN it goes when the article writes the name without it; a name always written with it keeps it', () => {
    expect(withoutPossessive("Vellani Group's", ["\"Yes,\" said Vellani Group's head.", 'Vellani Group sells tea.'])).toBe('Vellani Group');
    expect(withoutPossessive('Vellani Group’s', ['Vellani Group sells tea.'])).toBe('Vellani Group');
    expect(withoutPossessive("Hobb's", ["\"Yes,\" said Hobb's.", "Hobb's sells tea."])).toBe("Hobb's");
    expect(withoutPossessive("Hobb's", ["Hobb's also said it would grow.", "Hobb's Tea Co sells tea."])).toBe("Hobb's");
    // Written only before what it owns: a possessive all the same.
    expect(withoutPossessive("Lune Union's", ["The Lune Union's rules were broken.", "\"Yes,\" said the Lune Union's office."])).toBe('Lune Union');
    // A misplaced apostrophe on a plural name: the article writes the plural.
    expect(withoutPossessive("Allied Nation's", ["\"Yes,\" said the Allied Nation's agency.", 'The Allied Nations met.'])).toBe('Allied Nations');
    expect(withoutPossessive("chairman of the Lune Board's", ['The Lune Board met.'])).toBe('chairman of the Lune Board');
    expect(withoutPossessive("the firm's", [])).toBe('the firm');
    const store = QuoteStore.build([
      article('business/tea', 'Vellani Group sells tea in Lune.\n\n"Prices will rise," said Vellani Group\'s head of research.'),
      article('business/board', 'The Lune Board met on Monday.\n\n"Prices will rise," said chairman of the Lune Board\'s tea committee.'),
    ]);
    expect(store.quotesOfArticle('business/tea').map((q) => q.speaker)).toEqual(['Vellani Group']);
    expect(store.quotesOfArticle('business/board').map((q) => q.speaker)).toEqual(['chairman of the Lune Board']);
  });

  it('GIVEN a surname-only speaker the article calls "Lord X" and another person with that surname elsewhere THEN "Lord X", kept apart', () => {
    const store = QuoteStore.build([
      article('tech/one', 'Software chief Rollo Tenby spoke in Seattle.\n\n"Our sales grew," said Rollo Tenby.'),
      article('politics/two', 'Lord Tenby, the defence minister, spoke in the Lords.\n\n"The contract was a mess," Lord Tenby said.'),
    ]);
    expect(store.quotesOfArticle('politics/two').map((q) => q.speaker)).toEqual(['Lord Tenby']);
    expect(store.quotesOfArticle('tech/one').map((q) => q.speaker)).toEqual(['Rollo Tenby']);
  });

  it('GIVEN "Sir/Dame FIRST SURNAME" THEN the first name is no titled surname; "Sir X" and "Lord X" alone are', () => {
    const titles = peerageTitles(['Sir Alec Rowe and Dame Nora Pike opened the dock with Lord Tenby.', 'Later Sir Rowe left.']);
    expect([...titles.entries()].sort()).toEqual([['rowe', 'Sir'], ['tenby', 'Lord']]);
  });

  it('GIVEN "Dr Quill" (surname only) and a full-named Quill never called a doctor THEN two speakers; a doctor with the title both times merges', () => {
    const apart = buildRegistry([
      { name: 'Quill', role: 'Dr', article: 'a' },
      { name: 'Anna Quill', role: 'singer', article: 'b' },
    ]);
    expect(apart.entries.map((e) => e.name).sort()).toEqual(['Anna Quill', 'Quill']);
    const merged = buildRegistry([
      { name: 'Quill', role: 'Dr', article: 'a' },
      { name: 'Anna Quill', role: 'Dr', article: 'b' },
    ]);
    expect(merged.entries.map((e) => e.name)).toEqual(['Anna Quill']);
    // A full name with the title is no surname-only speaker: it merges as before.
    expect(buildRegistry([{ name: 'Lina Fosk', role: 'Dr', article: 'a' }, { name: 'Party Lina Fosk', role: null, article: 'b' }]).entries).toHaveLength(1);
  });

  it('GIVEN a description with a name in it ("comptroller of Lune City", "chairman of VXT") THEN neither the place nor the company takes its quotes', () => {
    const { entries } = buildRegistry([
      { name: 'comptroller of Lune City', role: null, article: 'a' },
      { name: 'City', role: null, article: 'b' },
      { name: 'chairman of VXT', role: null, article: 'c' },
      { name: 'VXT', role: null, article: 'd' },
      { name: 'VXT', role: null, article: 'e' },
    ]);
    expect(entries.map((e) => e.name).sort()).toEqual(['City', 'VXT', 'chairman of VXT', 'comptroller of Lune City']);
    // A name opening with a particle is a name: "al-Hadi" is "Omar Said al-Hadi".
    expect(buildRegistry([{ name: 'Omar Said al-Hadi', role: null, article: 'a' }, { name: 'al-Hadi', role: null, article: 'b' }]).entries.map((e) => e.name)).toEqual(['Omar Said al-Hadi']);
  });
});
