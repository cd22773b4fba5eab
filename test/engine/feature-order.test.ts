import { describe, expect, it } from 'vitest';
import { DEFAULT_ASK_WEIGHTS, parseWeights, PASSAGE_FEATURES, SENTENCE_FEATURES, type AskWeights } from '../../src/search/ask-model.js';
import { firstDifference } from '../../src/search/feature-order.js';

const copy = (): AskWeights => JSON.parse(JSON.stringify(DEFAULT_ASK_WEIGHTS)) as AskWeights;

describe('a weights file trained on another feature list', () => {
  it('GIVEN lists that agree THEN there is no difference', () => {
    expect(firstDifference(['a', 'b'], ['a', 'b'])).toBeUndefined();
    expect(firstDifference([], [])).toBeUndefined();
  });

  it('GIVEN a renamed, a dropped or an added feature THEN the difference names it and its place', () => {
    expect(firstDifference(['a', 'x', 'c'], ['a', 'b', 'c'])).toBe('feature 2 is "x" in the file, "b" in the code');
    expect(firstDifference(['a'], ['a', 'b', 'c'])).toBe('the file has 1 of the code\'s 3; the code\'s next is "b"');
    expect(firstDifference(['a', 'b', 'z'], ['a', 'b'])).toBe('the file has 1 more than the code\'s 2, from "z"');
    expect(firstDifference(['a', 7], ['a', 'b'])).toBe('feature 2 is 7 in the file, "b" in the code');
  });

  it('GIVEN the committed ask weights with a feature the code has since added THEN loading names that feature and says to retrain', () => {
    const doc = copy();
    const last = SENTENCE_FEATURES[SENTENCE_FEATURES.length - 1];
    doc.sentence.features = SENTENCE_FEATURES.slice(0, -1) as unknown as typeof doc.sentence.features;
    expect(() => parseWeights(doc)).toThrow(`sentence features differ from the code's (the file has ${SENTENCE_FEATURES.length - 1} of the code's ${SENTENCE_FEATURES.length}; the code's next is "${last}"); retrain with npm run train:ask`);
  });

  it('GIVEN the committed ask weights with a passage feature renamed THEN loading names the first renamed one', () => {
    const doc = copy();
    const renamed = [...PASSAGE_FEATURES] as string[];
    renamed[3] = 'renamed';
    doc.passage.features = renamed as unknown as typeof doc.passage.features;
    expect(() => parseWeights(doc)).toThrow(`passage features differ from the code's (feature 4 is "renamed" in the file, "${PASSAGE_FEATURES[3]}" in the code)`);
    const none = copy() as unknown as { passage: { features?: unknown } };
    delete none.passage.features;
    expect(() => parseWeights(none)).toThrow(/passage features differ from the code's \(the file lists none\)/);
  });
});
