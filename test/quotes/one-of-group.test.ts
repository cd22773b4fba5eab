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

  it('GIVEN "Shipments fell …" or "Many documents …" before "“…,” one said" THEN no thing is made a group of speakers', () => {
    for (const lead of ['Shipments fell sharply in May.', 'Many documents were lost in the fire.', 'Some investments were written off.']) {
      expect(speakerOf([`${lead} "Nothing is moving," one said.`], 'Nothing is moving') ?? '').not.toMatch(/^one of/u);
    }
  });

  it('GIVEN the group more than the reach back (a long paragraph before, cut anywhere) THEN the group shown is a whole word of people or none, never a fragment', () => {
    const seen = new Set<string>();
    for (let pad = 0; pad < 120; pad += 3) {
      const filler = `${'x'.repeat(pad)} The market was quiet on Monday and the shipments were late again.`;
      const before = `Traders said the port was slow. ${filler} ${'Nothing else happened there that week at all. '.repeat(12)}`;
      const speaker = speakerOf([before, '"Nothing is moving," one said.'], 'Nothing is moving') ?? '';
      if (speaker.startsWith('one of')) seen.add(speaker);
    }
    expect([...seen].every((s) => s === 'one of the traders')).toBe(true);
  });

  it('GIVEN the group two paragraphs back THEN it is not used', () => {
    const text = ['Dealers at the port said grain prices were too high.', 'The harbour closed early on Monday.', '"Nobody is buying," one said.'];
    expect(speakerOf(text, 'Nobody is buying') ?? '').not.toMatch(/^one of/u);
  });

  it('GIVEN the group more than 600 characters back in the same paragraph THEN it is not used', () => {
    const text = [`Dealers at the port said grain prices were too high. ${'The harbour was closed for repairs all week. '.repeat(15)}"Nobody is buying," one said.`];
    expect(speakerOf(text, 'Nobody is buying') ?? '').not.toMatch(/^one of/u);
  });

  it('GIVEN a paragraph of 200 "Dealers said … “…,” one said." sentences THEN every quote is one of the dealers', () => {
    const text = [Array.from({ length: 200 }, (_, k) => `Dealers said trade was slow on day ${k}. "Nothing moved today," one said.`).join(' ')];
    const quotes = attributeArticle(text).filter((q) => q.text.startsWith('Nothing moved today'));
    expect(quotes).toHaveLength(200);
    expect(quotes.every((q) => q.speaker === 'one of the dealers')).toBe(true);
  });
});
