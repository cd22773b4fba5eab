import { describe, expect, it } from 'vitest';
import { speakerOf } from './speaker-of.js';

// Who a quote continues: the speaker of the attribution just before it, the person the sentence
// before introduces, and a speaker named only after a continuing quote, in words of their own.
describe('a quote continues the speaker introduced or attributed just before it', () => {
  it('GIVEN a man quoted with "he says" and then another man introduced in the sentence before THEN "he says" is the one just introduced', () => {
    const text = [
      'Several hundred volunteers took part in the walking trial. Hamilton retiree Gordon Veitch, who lost 9 kg, says the trial changed his habits. “I always meant to walk more. This gave me a reason,” he says. Veitch, 68, credits his neighbour for keeping him going. “My knees feel better than they have in years,” he adds. Regular walking also helped Oakville pharmacist Desmond Okafor, 47. “I had a gym pass for years, but I never used it,” he says.',
    ];
    expect(speakerOf(text, 'I had a gym pass')).toBe('Desmond Okafor');
  });

  it('GIVEN a quote paragraph continuing "He said: “…" and a new person named after it with a speech verb of her own THEN the quote stays with the earlier speaker', () => {
    const text = [
      'Director Tomas Lindqvist was nominated for best director and best screenplay.',
      'He said: “We hoped the film would be noticed, but I never expected this. It is just wonderful.',
      '“I think people see that it is about ordinary lives, and I hope that is what reaches them.” Actress Marta Kessler said she was “thrilled” by her own nomination. “Being nominated means so much to me,” she said.',
    ];
    expect(speakerOf(text, 'I think people see')).toBe('Tomas Lindqvist');
    expect(speakerOf(text, 'Being nominated')).toBe('Marta Kessler');
  });
});
