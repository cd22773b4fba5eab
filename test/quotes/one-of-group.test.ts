// An unnamed "one" as the quote's own subject (issue 10, session 23, class 4 of the unseen-news
// audits: an unnamed speaker lost to a name nearby): "“…,” one said" and "One told the paper that
// “…”" name nobody, so the quote went to a person named nearby; it is one of the group of people
// the narration last spoke of as a subject. The fixtures are invented, in the style of the news
// the model reads.
import { describe, expect, it } from 'vitest';
import { attributeArticle } from '../../src/quotes/attribute.js';
import { QuoteStore } from '../../src/quotes/store.js';
import { featuresAt, speakerOf } from './speaker-of.js';

describe('"one" of a group the narration spoke of is the quote\'s speaker', () => {
  it('GIVEN "Dealers at the port said …" then "“…,” one said" THEN one of the dealers speaks, in the quote\'s tail slot', () => {
    const text = ['Harbour manager Colm Ruddy opened the new quay on Monday. Dealers at the port said grain prices were too high. "Nobody is buying at these levels," one said.'];
    expect(speakerOf(text, 'Nobody is buying')).toBe('one of the dealers');
    expect(featuresAt(text, 'Nobody is buying').get('one of the dealers')?.slot_tail).toBe(1);
  });

  it('GIVEN "Many night nurses were unhappy …" then "One said on local radio that … “…”" THEN one of the nurses speaks, not the manager named before', () => {
    const text = ['Clinic manager Ruth Calder closed the east ward in May. Many night nurses were unhappy with the new rota. One said on local radio that the shifts were "far too long for anyone".'];
    expect(speakerOf(text, 'far too long')).toBe('one of the nurses');
  });

  it('GIVEN the group in the paragraph before: "Witnesses said …" ¶ "“…,” one added" THEN one of the witnesses speaks', () => {
    const text = ['Several witnesses said the fire spread from the roof of the depot.', '"It was all over in minutes," one added.'];
    expect(speakerOf(text, 'It was all over')).toBe('one of the witnesses');
  });

  it('GIVEN an inverted "“…,” said one." after "Traders said …" THEN one of the traders speaks', () => {
    const text = ['Fund manager Alma Reyes sold her holdings in March. Traders said the index would fall again.', '"There is no floor under this market," said one.'];
    expect(speakerOf(text, 'There is no floor')).toBe('one of the traders');
  });

  it('GIVEN "“…?” one asked" or "“…?” One said" after "Farmers said …" THEN one of the farmers speaks', () => {
    expect(speakerOf(['Farmers said the new levy was unfair. "Why should we pay twice?" one asked.'], 'Why should we pay')).toBe('one of the farmers');
    expect(speakerOf(['Farmers said the new levy was unfair. "Who will feed the town?" One said.'], 'Who will feed')).toBe('one of the farmers');
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

  it('GIVEN the reach cutting anywhere across a people noun in the paragraph before THEN the group shown is the whole word or none, never a fragment', () => {
    const seen = new Set<string>();
    for (let pad = 0; pad < 120; pad++) {
      const before = `Stockbrokers said the price was too high. ${'The quay was closed for works all week. '.repeat(13)}${'y'.repeat(pad)}.`;
      const speaker = speakerOf([before, '"Nothing is moving," one said.'], 'Nothing is moving') ?? '';
      if (speaker.startsWith('one of')) seen.add(speaker);
    }
    expect([...seen]).toEqual(['one of the stockbrokers']);
  });

  it('GIVEN a surname or an agency ending in "s" ("…, Varnes said", "told Gazettes") THEN no "one of the varnes" is made up and the person keeps their quotes', () => {
    const text = ['The senator toured the mill on Monday. Varnes said the plan had failed. "It is over," one said.', '"We will go on," Varnes said.'];
    expect(speakerOf(text, 'It is over') ?? '').not.toMatch(/^one of/u);
    expect(speakerOf(text, 'We will go on')).toBe('Varnes');
    const agency = ['Gazettes reported that the mill would close. "It is over," one said.', 'The owner told Gazettes on Tuesday that talks went on.'];
    expect(speakerOf(agency, 'It is over') ?? '').not.toMatch(/^one of/u);
    // Written only at sentence starts: a plural of a given name is a surname all the same.
    expect(speakerOf(['Rogers said the plan had failed. "It is over," one said.'], 'It is over') ?? '').not.toMatch(/^one of/u);
    const full = ['Senator Hal Varnes toured the mill on Monday. Varnes said the plan had failed. "It is over," one said.'];
    expect(speakerOf(full, 'It is over') ?? '').not.toMatch(/^one of/u);
  });

  it('GIVEN a capitalised plural that speaks with any speech verb ("Surveyors noted …") or a listed group also written in a name ("the Allied Dock Workers union") THEN the group still speaks', () => {
    expect(speakerOf(['Surveyors noted that the dam was sound. "It will hold for years," one said.'], 'It will hold')).toBe('one of the surveyors');
    const union = ['Talks with the Allied Dock Workers union broke down on Friday.', 'Workers on the quay were tired of waiting. "We will stay until it is settled," said one.'];
    expect(speakerOf(union, 'We will stay')).toBe('one of the workers');
  });

  it('GIVEN a capitalised thing opening its sentence ("Rivers rose …", "Answers were …") THEN it is no group of speakers', () => {
    for (const lead of ['Rivers rose across the valley overnight.', 'Answers were slow to come from the council.', 'Chambers stood empty all week.']) {
      expect(speakerOf([`${lead} "Nothing is moving," one said.`], 'Nothing is moving') ?? '').not.toMatch(/^one of/u);
    }
  });

  it('GIVEN a people\'s plural opening its sentence ("Canadians said …") THEN the group keeps its capital; a common noun is lower-cased', () => {
    expect(speakerOf(['Canadians said the border rules were too strict. "It is a mess," one said.'], 'It is a mess')).toBe('one of the Canadians');
    expect(speakerOf(['Stockbrokers said the border rules were too strict. "It is a mess," one said.'], 'It is a mess')).toBe('one of the stockbrokers');
  });

  it('GIVEN "“…,” dealers said" and "“…,” one said" in one article THEN the store keeps "dealers" for the group\'s own quote', () => {
    const store = QuoteStore.build([{ id: 'a', title: 't', headline: false, date: '2020-01-01', paragraphs: ['Dealers said the market was weak. "Nothing moves," one said. "Buy gold," dealers said.'] }]);
    const bySpeaker = new Map(store.quotes.map((q) => [q.text.slice(0, 8), q.speaker]));
    expect(bySpeaker.get('Nothing ')).toBe('one of the dealers');
    expect(bySpeaker.get('Buy gold')).toBe('dealers');
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
