// An unnamed "one" as the quote's own subject (issue 10, session 23, class 4 of the unseen-news
// audits: an unnamed speaker lost to a name nearby): "“…,” one said" and "One told the paper that
// “…”" name nobody, so the quote went to a person named nearby; it is one of the group of people
// the narration last spoke of as a subject. The fixtures are invented, in the style of the news
// the model reads.
import { describe, expect, it } from 'vitest';
import { attributeArticle } from '../../src/quotes/attribute.js';
import { featuresAt, speakerOf } from './speaker-of.js';

describe('"one" of a group the narration spoke of is the quote\'s speaker', () => {
  it('GIVEN "Dealers at the port said …" then "“…,” one said" THEN one of the dealers speaks, in the quote\'s tail slot', () => {
    const text = ['Harbour manager Colm Ruddy opened the new quay on Monday. Dealers at the port said grain prices were too high. "Nobody is buying at these levels," one said.'];
    expect(speakerOf(text, 'Nobody is buying')).toBe('one of the dealers');
    expect(featuresAt(text, 'Nobody is buying').get('one of the dealers')?.slot_tail).toBe(1);
  });

  it('GIVEN "Some former workers are angry …" then "One told the local paper that … “…”" THEN one of the workers speaks, not the owner named before', () => {
    const text = ['Mill owner Ruth Calder sold the business in May. Some former workers are angry at the way the sale was handled. One told the local paper that the staff had been "left with nothing at all".'];
    expect(speakerOf(text, 'left with nothing')).toBe('one of the workers');
  });

  it('GIVEN the group in the paragraph before: "Witnesses said …" ¶ "“…,” one added" THEN one of the witnesses speaks', () => {
    const text = ['Several witnesses said the fire spread from the roof of the depot.', '"It was all over in minutes," one added.'];
    expect(speakerOf(text, 'It was all over')).toBe('one of the witnesses');
  });

  it('GIVEN an inverted "“…,” said one." after "Traders said …" THEN one of the traders speaks', () => {
    const text = ['Fund manager Alma Reyes sold her holdings in March. Traders said the index would fall again.', '"There is no floor under this market," said one.'];
    expect(speakerOf(text, 'There is no floor')).toBe('one of the traders');
  });

  it('GIVEN no group of people before "“…,” one said" ("Prices fell …") THEN no "one of" description is made up', () => {
    const text = ['Grain prices fell sharply at the port on Monday. "Nobody is buying," one said.'];
    expect(speakerOf(text, 'Nobody is buying') ?? '').not.toMatch(/^one of/u);
  });

  it('GIVEN "“…,” one dealer said" (a described one) THEN the description of the quote\'s own slot stands, not a group', () => {
    const text = ['Dealers at the port said grain prices were too high. "Nobody is buying," one dealer said.'];
    expect(speakerOf(text, 'Nobody is buying')).toBe('a dealer');
  });

  it('GIVEN a paragraph of 2,000 "Dealers said … “…,” one said." sentences THEN every quote is one of the dealers (the group is read within a bounded reach)', () => {
    const text = [Array.from({ length: 2000 }, (_, k) => `Dealers said trade was slow on day ${k}. "Nothing moved today," one said.`).join(' ')];
    const quotes = attributeArticle(text).filter((q) => q.text.startsWith('Nothing moved today'));
    expect(quotes).toHaveLength(2000);
    expect(quotes.every((q) => q.speaker === 'one of the dealers')).toBe(true);
  });
});
