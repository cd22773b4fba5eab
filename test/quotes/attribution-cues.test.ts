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
  it('GIVEN "he added that Tom Walsh and Ben Cole would also get a chance" THEN both carry reported_mention, the coach who speaks does not', () => {
    const text = [
      'Coach Martin Hedberg named his squad on Thursday. And he added that Tom Walsh and Ben Cole would also get a chance. "Walsh and Cole will start the next game," said Hedberg.',
    ];
    const fs = featuresAt(text, 'Walsh and Cole will');
    expect(fs.get('Tom Walsh')?.reported_mention).toBe(1);
    expect(fs.get('Ben Cole')?.reported_mention).toBe(1);
    expect(fs.get('Martin Hedberg')?.reported_mention).toBeUndefined();
  });

  it('GIVEN "The union said that Judge Harold Pike\'s refusal was “…”" THEN the judge (a possessive after "said that") carries reported_mention', () => {
    const text = ['DENVER, March 3 - The Mineworkers Union said that bankruptcy Judge Harold Pike\'s refusal to hear the case was "a denial of due process for retired miners."'];
    expect(featuresAt(text, 'a denial of due').get('Harold Pike')?.reported_mention).toBe(1);
  });

  it('GIVEN "When asked if Walsh would start, Hedberg replied: “…”" THEN the name that speaks right after is no report', () => {
    const text = ['Coach Martin Hedberg met reporters. When asked if Tom Walsh would start Martin Hedberg replied: "I could tell you yes."'];
    expect(featuresAt(text, 'I could tell').get('Martin Hedberg')?.reported_mention).toBeUndefined();
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
  it('GIVEN "…, Slater said." then "“…,” he said" after a much-quoted economist THEN Slater is a reading of the slot marked pronoun_last_verb', () => {
    const text = [
      'Bond prices rose, said William Sorensen, chief economist at a New York bank. "The market is tired," Sorensen said.',
      '"We see no reason to sell," Sorensen said, adding that William Sorensen expects rates to hold.',
      'A drop in housing starts and weak auto sales show key sectors are lagging, Slater said.',
      '"If this continues, we can entertain the notion of easing," he said.',
    ];
    const fs = featuresAt(text, 'If this continues');
    expect(fs.get('Slater')?.pronoun_last_verb).toBe(1);
    expect(fs.get('Slater')?.slot_tail).toBe(1);
    expect(fs.get('William Sorensen')?.pronoun_last_verb).toBeUndefined();
  });
});

describe('a person whose name is a place', () => {
  it('GIVEN "…," said Georgia, a 29-year-old midwife from Dunmore THEN the appositive makes her the speaker, with its role', () => {
    const qs = attributeArticle(['"The ward was full all night," said Georgia, a 29-year-old midwife from Dunmore.']);
    expect(qs.map((q) => [q.speaker, q.role])).toEqual([['Georgia', '29-year-old midwife from Dunmore']]);
  });

  it('GIVEN "…," said Georgia on Monday (no appositive, no title) THEN the place speaks for no one', () => {
    const qs = attributeArticle(['"The border will stay closed," said Georgia on Monday.']);
    expect(qs.map((q) => q.speaker)).toEqual([null]);
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
