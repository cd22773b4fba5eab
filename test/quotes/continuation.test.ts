// Who a quote continues: the speaker the last explicit attribution named, the person the sentence
// before the quote introduces (both also offered to the quote's own he/she), how a he/she's
// antecedent stands in the text, and, for a quote continuing a speaker, who is named only after it
// in words of their own. Each test reads the features the model is given (observe), so each fails
// when its feature is not computed.
import { describe, expect, it } from 'vitest';
import { featuresAt } from './speaker-of.js';

describe('features of the attribution a quote continues', () => {
  it('GIVEN a man introduced as an object in the sentence before "“…,” he says" THEN he is a reading of that he (via_pronoun_prev) and the sentence-before person', () => {
    const text = [
      'Hamilton retiree Gordon Veitch, who lost 9 kg, says the trial changed his habits. “I always meant to walk more,” he says. Veitch, 68, credits his neighbour for keeping him going. Regular walking also helped Oakville pharmacist Desmond Okafor, 47. “I had a gym pass for years, but I never used it,” he says.',
    ];
    const fs = featuresAt(text, 'I had a gym');
    const okafor = fs.get('Desmond Okafor');
    expect(okafor?.prev_sent_person).toBe(1);
    expect(okafor?.slot_tail).toBe(1);
    // Offered to the slot's "he" whichever way the salience ranking went.
    expect((okafor?.via_pronoun_1 ?? 0) + (okafor?.via_pronoun_2 ?? 0) + (okafor?.via_pronoun_prev ?? 0)).toBeGreaterThan(0);
    expect(fs.get('Gordon Veitch')?.prev_sent_person).toBeUndefined();
  });

  it('GIVEN "Mr Brack\'s former adviser Ed Bolde said …" THEN the sentence before introduces Bolde, not the possessive', () => {
    const text = ['But Mr Brack\'s former adviser Ed Bolde, now a candidate, said the plans were sound. He added: “I see no need for any change to the plans.”'];
    const fs = featuresAt(text, 'I see no need');
    expect(fs.get('Ed Bolde')?.prev_sent_person).toBe(1);
    expect(fs.get('Brack')?.prev_sent_person ?? fs.get('Mr Brack')?.prev_sent_person).toBeUndefined();
  });

  it('GIVEN "X said: “…" and a quote paragraph after it THEN X carries prev_attr, less for each sentence between', () => {
    const text = [
      'Director Tomas Lindqvist was nominated twice.',
      'Lindqvist said: “We hoped the film would be noticed. I never expected this. It is wonderful.',
      '“I think people see that it is about ordinary lives.” Actress Marta Kessler said she was “thrilled” by her own nomination. “Being nominated means so much to me,” she said.',
    ];
    const near = featuresAt(text, 'We hoped').get('Tomas Lindqvist');
    const next = featuresAt(text, 'I think people').get('Tomas Lindqvist');
    expect(next?.prev_attr).toBeGreaterThan(0);
    expect(next?.prev_attr).toBeLessThan(1);
    // Its own attribution is no preceding one.
    expect(near?.prev_attr).toBeUndefined();
  });

  it('GIVEN a continuing quote and a person named only after it in a sentence with a speech verb of her own THEN she is marked named_after_speech, the earlier speaker is not', () => {
    const text = [
      'Director Tomas Lindqvist was nominated twice.',
      'He said: “We hoped the film would be noticed, but I never expected this.',
      '“I think people see that it is about ordinary lives.” Actress Marta Kessler said she was “thrilled” by her own nomination.',
    ];
    const fs = featuresAt(text, 'I think people');
    expect(fs.get('Marta Kessler')?.named_after_speech).toBe(1);
    expect(fs.get('Tomas Lindqvist')?.named_after_speech).toBeUndefined();
    // A quote that continues nobody (its own attribution, no colon) gets no such mark.
    // Kessler is named only after the quote, in a sentence with a speech verb of her own: only the
    // quote's not continuing anyone keeps the mark off.
    const own = featuresAt(['Tomas Lindqvist arrived late. “It is a good film,” said Tomas Lindqvist. Actress Marta Kessler said she agreed.'], 'It is a good');
    expect(own.get('Marta Kessler')?.named_after_speech).toBeUndefined();
  });

  it('GIVEN "Asked what he would tell Mayor John Tory, he said" THEN Tory stands as an object (ante_oblique) and the subject named before as a subject (ante_subject)', () => {
    const text = ['Dennis Brooks has lived on the street for six years. Asked what he would tell Toronto Mayor John Tory, he said: “Just listen to us.”'];
    const fs = featuresAt(text, 'Just listen');
    const tory = fs.get('John Tory');
    const brooks = fs.get('Dennis Brooks');
    expect(tory?.ante_oblique).toBe(1);
    expect(brooks?.ante_subject).toBe(1);
    expect(brooks?.ante_oblique).toBeUndefined();
    expect(brooks?.ante_far).toBeGreaterThan(tory?.ante_far ?? 1);
  });

  it('GIVEN a name opening its sentence after one that ends in "… talked with reporters." THEN it is not read as the object of that preposition (ante_oblique stops at its sentence start)', () => {
    const text = ['The harbour board met on Monday and its members talked with reporters. Chairwoman Ida Venn left early. She said: “We will vote again in the spring.”'];
    const venn = featuresAt(text, 'We will vote').get('Ida Venn');
    expect(venn?.ante_subject).toBe(1);
    expect(venn?.ante_oblique).toBeUndefined();
    // Within its own sentence the object is still read: "The board talked with Chairwoman Ida Venn."
    const object = featuresAt(['The harbour board talked with Chairwoman Ida Venn on Monday. She said: “We will vote again in the spring.”'], 'We will vote').get('Ida Venn');
    expect(object?.ante_oblique).toBe(1);
  });
});

describe('only a name the text shows to be a person is the sentence-before person', () => {
  it('GIVEN the sentence before a quote names an event first, then a man by his full name THEN the man is the sentence-before person and the event is no candidate of it, and is marked as having no sign of a person', () => {
    const text = [
      'The rain came early. At the Harbour Lights Festival on Saturday, organiser Daniel Moore sent the crowds home. “We had to cancel everything at the last minute,” he said.',
    ];
    const fs = featuresAt(text, 'We had to cancel');
    expect(fs.get('Harbour Lights Festival')?.prev_sent_person).toBeUndefined();
    expect(fs.get('Harbour Lights Festival')?.no_person_sign).toBe(1);
    expect(fs.get('Daniel Moore')?.prev_sent_person).toBe(1);
    expect(fs.get('Daniel Moore')?.no_person_sign).toBeUndefined();
  });
});
