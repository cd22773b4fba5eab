// The quote step reads some things once and shares them (k25cost): the subject of the speech verb
// before a quote, read for both its he/she slot and the paragraph's introduction; the subject
// before a verb, read once for every quote whose window holds the same text before it; how a
// mention stands, read once for every he/she near it. Sharing must change nothing: the readings
// reach every place that asks, and an article reads the same alone or after another.
import { describe, expect, it } from 'vitest';
import { attributeArticle } from '../../src/quotes/attribute.js';
import { FEATURE_INDEX } from '../../src/quotes/ranker.js';
import { candidatesAt } from './speaker-of.js';

// Invented text: a speech verb's subject before a quote whose tail is "he said", then more quotes of the paragraph.
const HARBOUR = [
  'The port of Wexmoor reopened on Monday after a week of storms.',
  'Oliver Brandt, the harbour master, said the cranes had been checked twice. “They are ready,” he said. “We start at dawn,” he added.',
  'Ferry crews were told to report early.',
  '“Nobody wants another week like that,” Brandt said.',
];
const FARM = ['Mara Lindqvist said the harvest was late. “The rain came at the wrong time,” she said.', '“We will manage,” said Lindqvist.'];

describe('readings shared between quotes and between the places that ask', () => {
  it('GIVEN "X said … “…,” he said" THEN the subject of the speech verb before the quote is both the he/she reading and the introduction', () => {
    const cands = candidatesAt(HARBOUR, 'They are ready');
    const brandt = cands.find((c) => c.speaker === 'Oliver Brandt');
    expect(brandt).toBeDefined();
    expect(brandt?.vector[FEATURE_INDEX.intro_para]).toBe(1);
    expect(brandt?.vector[FEATURE_INDEX.pronoun_last_verb]).toBe(1);
    expect(brandt?.vector[FEATURE_INDEX.slot_tail]).toBe(1);
    // The second quote of the paragraph reads the same verb from a longer window: the same person introduces it.
    const next = candidatesAt(HARBOUR, 'We start at dawn').find((c) => c.speaker === 'Oliver Brandt');
    expect(next?.vector[FEATURE_INDEX.intro_para]).toBe(1);
    expect(attributeArticle(HARBOUR).map((q) => q.speaker)).toEqual(['Oliver Brandt', 'Oliver Brandt', 'Oliver Brandt']);
  });

  it('GIVEN an article attributed alone, after another, and twice THEN its quotes and every candidate are the same each time', () => {
    const alone = attributeArticle(HARBOUR);
    const views = (ps: string[]): string[] => {
      const out: string[] = [];
      attributeArticle(ps, { observe: (q, list, chosen) => out.push(`${q.open}:${chosen}:${list.map((c) => `${c.speaker}=${Array.from(c.vector).join(',')}`).join(';')}`) });
      return out;
    };
    const seen = views(HARBOUR);
    expect(seen.length).toBe(3);
    attributeArticle(FARM);
    views(FARM);
    expect(attributeArticle(HARBOUR)).toEqual(alone);
    expect(views(HARBOUR)).toEqual(seen);
    expect(attributeArticle(FARM).map((q) => q.speaker)).toEqual(['Mara Lindqvist', 'Mara Lindqvist']);
  });
});
