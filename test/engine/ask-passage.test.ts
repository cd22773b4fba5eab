import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { scorePool, type PassageChoice } from '../../src/search/answer.js';
import { ALIGN_PASSAGE_FEATURES, PASSAGE_FEATURES, RELATIVE_PASSAGE_FEATURES, SENTENCE_FEATURES } from '../../src/search/ask-model.js';
import { engineFor, removeDir, writeArchive } from '../helpers/archive.js';

/**
 * Invented stories shaped like the owners' misses: the lead paragraph repeats the question's
 * words, a later paragraph of the same story names the person; a second story shares the topic.
 */
const NEWS: Record<string, string> = {
  'coach.txt': `date 2005-02-01
Egypt recall Mido

Egypt have recalled striker Mido to the national team squad for the World Cup qualifier against Libya.

The striker was axed from the national team in 2004 by former coach Marco Tardelli after a public row over tactics.

Mido plays his club football for Tottenham in London.`,
  'league.txt': `date 2005-03-09
League round-up

Tottenham beat Fulham at White Hart Lane, where the Egypt striker Mido scored 2 goals, to the national team's delight.`,
};

let dir: string;
let engine: Engine;
beforeAll(() => {
  dir = writeArchive(NEWS);
  engine = engineFor(dir);
});
afterAll(() => removeDir(dir));

const feature = (c: PassageChoice | undefined, name: (typeof PASSAGE_FEATURES)[number]): number => c?.features[PASSAGE_FEATURES.indexOf(name)] ?? NaN;
const pool = (question: string): { lead: PassageChoice | undefined; answer: PassageChoice | undefined; club: PassageChoice | undefined; other: PassageChoice | undefined; all: PassageChoice[] } => {
  const { q, pool: ranked } = engine.askPool(question, 20);
  const all = scorePool(engine.index, ranked, q);
  const text = (c: PassageChoice): string => engine.index.passageText(c.ranked.passage);
  return {
    lead: all.find((c) => text(c).startsWith('Egypt have recalled')),
    answer: all.find((c) => text(c).includes('Marco Tardelli')),
    club: all.find((c) => text(c).includes('club football')),
    other: all.find((c) => text(c).includes('White Hart Lane')),
    all,
  };
};

describe('passage features relative to the same story\'s other paragraphs', () => {
  it('GIVEN the committed weights THEN the passage model names every relative feature, after the absolute ones', () => {
    const relativeEnd = PASSAGE_FEATURES.length - ALIGN_PASSAGE_FEATURES.length;
    expect(PASSAGE_FEATURES.slice(relativeEnd - RELATIVE_PASSAGE_FEATURES.length, relativeEnd)).toEqual([...RELATIVE_PASSAGE_FEATURES]);
  });

  it('GIVEN a who question over a lead that restates it and a later paragraph naming the person THEN the later one has the typed candidate its siblings lack and the lead is marked as the story\'s first', () => {
    const { lead, answer, club, other } = pool('Who axed Mido from the Egypt national team?');
    expect(lead && answer && club && other).toBeTruthy();
    // The paragraph naming Tardelli beside "axed" has the story's best sentence…
    expect(feature(answer, 'sentenceVsArticle')).toBe(0);
    expect(feature(lead, 'sentenceVsArticle')).toBeLessThan(0);
    // …and holds the question's relation word "axed", which no sibling in the pool holds.
    expect(feature(answer, 'uniqueCover')).toBeGreaterThan(feature(lead, 'uniqueCover'));
    expect(feature(answer, 'relationVsArticle')).toBe(0);
    expect(feature(lead, 'relationVsArticle')).toBeLessThan(0);
    // The lead is the first of its story's pool paragraphs; the story has siblings, the other story none.
    expect(feature(lead, 'articleFirst')).toBe(1);
    expect(feature(answer, 'articleFirst')).toBe(0);
    expect(feature(answer, 'siblings')).toBeGreaterThan(0);
    expect(feature(other, 'siblings')).toBe(0);
    expect(feature(other, 'articleFirst')).toBe(0);
    // Against the story's best: 0 for the best paragraph, below 0 for the others.
    for (const f of ['typedNearVsArticle', 'typedVsArticle', 'overlapVsArticle'] as const) {
      const story = [lead, answer, club].map((c) => feature(c, f));
      expect(Math.max(...story)).toBe(0);
    }
    expect(feature(club, 'overlapVsArticle')).toBeLessThan(0);
    // A story alone in the pool is its own best: nothing relative to say.
    for (const f of ['sentenceVsArticle', 'typedVsArticle', 'typedNearVsArticle', 'relationVsArticle', 'overlapVsArticle', 'uniqueCover'] as const) expect(feature(other, f)).toBe(0);
  });

  it('GIVEN a paragraph holding question words its siblings hold too THEN its unique cover counts only the words they lack', () => {
    const { lead, club } = pool('Which club does Mido play for in London?');
    // "club" and "london" stand only in the club paragraph; the lead's "Mido" stands in the club paragraph too.
    expect(feature(club, 'uniqueCover')).toBeGreaterThan(0);
    expect(feature(lead, 'uniqueCover')).toBe(0);
  });

  it('GIVEN a how-many question with its focus word beside a number THEN the passage carries its best sentence\'s focus-beside-candidate evidence', () => {
    const { other, lead } = pool('How many goals did Mido score against Fulham?');
    expect(feature(other, 'bestFocusTyped')).toBeGreaterThan(0);
    expect(feature(other, 'bestFocusTyped')).toBe(other?.best.features[SENTENCE_FEATURES.indexOf('focusTyped')]);
    expect(feature(lead, 'bestFocusTyped')).toBe(0);
  });
});
