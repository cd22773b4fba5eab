// Evidence for the speaker ranker from where a candidate stands relative to the quote (issue 10,
// session 19): named inside the quote's own words, inside what a speech verb reports, after
// "according to" or before the colon that opens the quote, the subject of the last speech verb a
// he/she continues. Feature tests read what the model is given (observe), so they fail when the
// evidence is not computed; the fixtures are invented, in the style of the news the model reads.
import { describe, expect, it } from 'vitest';
import { attributeArticle } from '../../src/quotes/attribute.js';
import { featuresAt } from './speaker-of.js';

describe('a candidate named inside the quote', () => {
  it('GIVEN a lawyer\'s quote that names his client in the third person THEN the client carries named_in_quote, the lawyer does not', () => {
    const text = [
      'Sprinter Nikos Varelas was cleared by the tribunal on Friday.',
      'His lawyer Gregory Hallam welcomed the ruling. "Mr Varelas should now be given the chance to rebuild his career," he said.',
    ];
    const fs = featuresAt(text, 'Mr Varelas should');
    expect(fs.get('Nikos Varelas')?.named_in_quote).toBe(1);
    expect(fs.get('Gregory Hallam')?.named_in_quote).toBeUndefined();
  });
});

describe('a candidate inside a reported clause', () => {
  it('GIVEN "she also said that Rafe Okonkwo and Lior Benami would row in the final heat" THEN both carry reported_mention, the manager who speaks does not', () => {
    const text = [
      'Rowing manager Ingrid Solberg picked her crew for the regatta on Tuesday. She also said that Rafe Okonkwo and Lior Benami would row in the final heat. "Okonkwo and Benami have earned their seats," said Solberg.',
    ];
    const fs = featuresAt(text, 'Okonkwo and Benami have');
    expect(fs.get('Rafe Okonkwo')?.reported_mention).toBe(1);
    expect(fs.get('Lior Benami')?.reported_mention).toBe(1);
    expect(fs.get('Ingrid Solberg')?.reported_mention).toBeUndefined();
  });

  it('GIVEN "The association said that Judge Harold Pike\'s refusal was “…”" THEN the judge (a possessive after "said that") carries reported_mention', () => {
    const text = ['LEEDS, March 3 - The Tenants Association said that housing Judge Harold Pike\'s refusal to hear the appeal was "a blow to every family on the estate."'];
    expect(featuresAt(text, 'a blow to every').get('Harold Pike')?.reported_mention).toBe(1);
  });

  it('GIVEN "When asked if Fenwick was ready to run the kitchen Lindqvist replied: “…”" THEN the name that speaks right after is no report', () => {
    const text = ['Chef Priya Lindqvist spoke after the tasting. When asked if Oskar Fenwick was ready to run the kitchen Priya Lindqvist replied: "He has my full trust."'];
    expect(featuresAt(text, 'He has my full').get('Priya Lindqvist')?.reported_mention).toBeUndefined();
  });
});

describe('cues in the quote\'s own sentence', () => {
  it('GIVEN "According to Nora Felt, who runs the bakery, the new oven has one merit: “…”" THEN Felt carries cue_sentence, the owner of the paragraph before does not', () => {
    const text = [
      'The bakery\'s owner, Samuel Pryor, said sales had doubled since the spring.',
      'According to Nora Felt, who runs the bakery on weekdays, the new oven has one merit: "The bread is ready an hour before we open."',
    ];
    const fs = featuresAt(text, 'The bread is ready');
    expect(fs.get('Nora Felt')?.cue_sentence).toBe(1);
    expect(fs.get('Samuel Pryor')?.cue_sentence).toBeUndefined();
  });

  it('GIVEN a list of speakers "- Quarry Lane chef Kevin Marsh: “…”" THEN the name nearest the colon carries cue_sentence, the restaurant named before it does not', () => {
    const text = [
      'Three judges tasted the soups.',
      '- Quarry Lane chef Kevin Marsh: "The leek soup needed salt." - Harbour Street Grill owner Dame Ada Brook: "Mine was too thick."',
    ];
    expect(featuresAt(text, 'The leek soup').get('Kevin Marsh')?.cue_sentence).toBe(1);
    const fs = featuresAt(text, 'Mine was too');
    expect(fs.get('Ada Brook')?.cue_sentence).toBe(1);
    expect(fs.get('Harbour Street Grill')?.cue_sentence).toBeUndefined();
  });

  it('GIVEN "Kevin Marsh said: “…”" THEN a speech verb before the colon makes no label', () => {
    const text = ['Quarry Lane chef Kevin Marsh said: "The leek soup needed salt."'];
    expect(featuresAt(text, 'The leek soup').get('Kevin Marsh')?.cue_sentence).toBeUndefined();
  });
});

describe('a he/she continuing the last speech verb\'s subject', () => {
  it('GIVEN "…, Vasquez said." then "“…,” he said" after a much-quoted analyst THEN Vasquez is a reading of the slot marked pronoun_last_verb', () => {
    const text = [
      'Grain futures slipped, said Hector Amundsen, head of research at a Chicago brokerage. "Buyers are waiting," Amundsen said.',
      '"Nobody wants to hold wheat this week," Amundsen said, adding that Hector Amundsen sees prices steady into spring.',
      'Poor rains in the south and a strong dollar mean farm exports will shrink, Vasquez said.',
      '"Should exports keep shrinking, the board may lower its support price," he said.',
    ];
    const fs = featuresAt(text, 'Should exports keep');
    expect(fs.get('Vasquez')?.pronoun_last_verb).toBe(1);
    expect(fs.get('Vasquez')?.slot_tail).toBe(1);
    expect(fs.get('Hector Amundsen')?.pronoun_last_verb).toBeUndefined();
  });
});

describe('a long sentence', () => {
  it('GIVEN a one-sentence paragraph of 120 KB of "“…,” said Tom Walsh and" THEN attribution finishes and every quote is Walsh\'s (the reported-clause reading looks back a bounded stretch)', () => {
    const unit = (n: number): string => `"Prices will rise by ${n} pct," said Tom Walsh and `;
    const parts: string[] = [];
    for (let n = 0; n < 2600; n++) parts.push(unit(n));
    const text = [`${parts.join('')}nobody else spoke.`];
    expect(text[0]?.length).toBeGreaterThan(120_000);
    const quotes = attributeArticle(text).filter((q) => q.kind !== 'fragment');
    expect(quotes).toHaveLength(2600);
    expect(quotes.every((q) => q.speaker === 'Tom Walsh')).toBe(true);
  });
});
