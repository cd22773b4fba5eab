import { describe, expect, it } from 'vitest';
import { questionView, spanCandidates, spanFeatures } from '../../src/search/answer.js';
import { SPAN_FEATURES } from '../../src/search/ask-model.js';
import { namesKnownPlace, placeKindMatch } from '../../src/search/places.js';
import { terms } from '../../src/text/tokenize.js';

const view = (question: string) => questionView(question, terms(question), () => 1);

describe('places: abbreviations and possessives (review of session 13)', () => {
  it('GIVEN "U.S.", "UK", "U.S.A." THEN each is a known country, of the kind a "which country" question asks for', () => {
    for (const w of ['U.S.', 'US', 'U.K.', 'UK', 'U.S.A.', 'USSR']) expect(namesKnownPlace([w]), w).toBe(true);
    expect(placeKindMatch(terms('country')[0], ['U.S.'])).toBe(1);
    expect(placeKindMatch(terms('city')[0], ['U.S.'])).toBe(-1);
  });

  it('GIVEN a possessive ("Britain\'s", "the U.K.\'s", "Texas\'") THEN the place is still known', () => {
    expect(namesKnownPlace(["Britain's"])).toBe(true);
    expect(namesKnownPlace(['Britain’s'])).toBe(true);
    expect(namesKnownPlace(["U.K.'s"])).toBe(true);
    expect(namesKnownPlace(["Texas'"])).toBe(true);
    expect(namesKnownPlace(['United', "States'"])).toBe(true);
    expect(placeKindMatch(terms('state')[0], ["Texas'"])).toBe(1);
  });

  it('GIVEN capitals that are no country\'s letters, or an unknown name THEN no place', () => {
    for (const w of ['IT', 'AS', 'NATO', "Smith's", 'Normandy']) expect(namesKnownPlace([w]), w).toBe(false);
  });

  it('GIVEN a where-question and "the U.S." in the sentence THEN the span feature knownPlace marks it', () => {
    const q = view('Where did the company open its first factory?');
    const sentence = 'The company opened its first factory in the U.S. in 1990.';
    const candidates = spanCandidates(sentence, q);
    const rows = spanFeatures(sentence, candidates, q);
    const i = candidates.findIndex((c) => c.kind === 'name' && c.text === 'U.S.');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(rows[i]?.[SPAN_FEATURES.indexOf('knownPlace')]).toBe(1);
  });
});
