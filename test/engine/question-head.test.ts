import { describe, expect, it } from 'vitest';
import { questionShape, questionView, scoreSentences, spanFeatures } from '../../src/search/answer.js';
import { SENTENCE_FEATURES, SPAN_FEATURES } from '../../src/search/ask-model.js';
import { answerCandidates } from '../../src/search/candidates.js';
import { answerType, whPhrase, WH_WORDS } from '../../src/search/question.js';
import { terms } from '../../src/text/tokenize.js';

const view = (question: string) => questionView(question, terms(question), () => 1);
const stem = (word: string): string | undefined => terms(word)[0];

describe('the question head word: one definition (question.ts whPhrase)', () => {
  it('GIVEN wh-phrases THEN the head is the first question term past determiners, many/much and "kind of"; none after do-support', () => {
    const head = (q: string): string | undefined => whPhrase(q, new Set(terms(q))).head;
    expect(head('How many people live in Riverton?')).toBe(stem('people'));
    expect(head('How much money did the council spend?')).toBe(stem('money'));
    expect(head('What kind of music did the band play?')).toBe(stem('music'));
    expect(head('What is the name of the river?')).toBe(stem('river'));
    expect(head('Who killed Harold?')).toBe(stem('killed'));
    expect(head('When did the bridge open?')).toBeUndefined();
    expect(head('The Normans were famed for what?')).toBeUndefined();
    expect(head('Name the river.')).toBeUndefined();
  });

  it('GIVEN a subject question with has/will/can, an ordinal or superlative, or a title after the copula THEN the head is the verb or noun the answer is', () => {
    const head = (q: string): string | undefined => whPhrase(q, new Set(terms(q))).head;
    expect(head('Who has won the cup?')).toBe(stem('won'));
    expect(head('What has caused the delay?')).toBe(stem('caused'));
    expect(head('Who will lead the party?')).toBe(stem('lead'));
    expect(head('Who has the company hired?')).toBeUndefined();
    expect(head('Who was the first president of the club?')).toBe(stem('president'));
    expect(head('What was the largest city?')).toBe(stem('city'));
    expect(head('Who is the President of France?')).toBe(stem('president'));
    expect(head('WHO IS THE PRESIDENT OF FRANCE?')).toBe(stem('president'));
    expect(head("Who was Emma's father?")).toBeUndefined();
  });

  it('GIVEN a question THEN the first wh-word is the one the typing and the head read', () => {
    const w = whPhrase('Who coached Egypt when Mido was axed?', new Set(terms('Who coached Egypt when Mido was axed?')));
    expect(w).toMatchObject({ word: 'who', at: 0, auxiliary: false, head: stem('coached') });
    expect(whPhrase('Who did Emma marry?', new Set(terms('Emma marry'))).auxiliary).toBe(true);
    // Every wh-word of the one list is what whPhrase reads first, and typing follows it.
    for (const wh of WH_WORDS) expect(whPhrase(`${wh} x`, new Set()).word).toBe(wh);
    expect(answerType('where x')).toBe('place');
    expect(answerType('who x')).toBe('person');
  });

  it('GIVEN one question THEN the sentence focus, the span head and the open-question focus are the same word', () => {
    // "How many people …": the sentence feature once skipped "many" but the span head did not (it had none).
    const q = view('How many people attended the festival in Riverton?');
    expect(q.wh.head).toBe(stem('people'));
    expect(questionShape(q).head).toBe(q.wh.head);
    const [s] = scoreSentences('About 4,000 people attended the harvest festival.', q);
    expect(s?.features[SENTENCE_FEATURES.indexOf('focus')]).toBe(1);
    expect(s?.features[SENTENCE_FEATURES.indexOf('focusTyped')]).toBeGreaterThan(0.4);
    // A who-question's head is its verb for the span; the sentence focus is a what/which/how/whose-phrase's noun only.
    const who = view('Who founded the bakery on Mill Street?');
    expect(questionShape(who).head).toBe(stem('founded'));
    const [withVerb, without] = scoreSentences('Anna Weiss founded the bakery in 1990. The bakery on Mill Street sells rye bread.', who);
    expect(withVerb?.features[SENTENCE_FEATURES.indexOf('focus')]).toBe(0);
    expect(without?.features[SENTENCE_FEATURES.indexOf('focus')]).toBe(0);
  });

  it('GIVEN an open question whose first term stands before the wh-word THEN the span focus is the head, not that term', () => {
    // "Normans" comes first, but the question asks about "horses": only the phrase beside "horses" is near the focus.
    const q = view('The Normans bred which horses?');
    expect(q.wh.head).toBe(stem('horses'));
    const sentence = 'Percheron horses were bred near Rouen by farmers who, long after the conquest, admired the Normans.';
    const candidates = answerCandidates(sentence, q.termSet);
    const rows = spanFeatures(sentence, candidates, q);
    const i = candidates.findIndex((c) => c.text === 'Percheron');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(rows[i]?.[SPAN_FEATURES.indexOf('focusClose')]).toBe(1);
    const far = candidates.findIndex((c) => c.text === 'conquest');
    expect(far).toBeGreaterThanOrEqual(0);
    expect(rows[far]?.[SPAN_FEATURES.indexOf('focusClose')]).toBe(0);
  });
});
