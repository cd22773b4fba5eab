import { describe, expect, it } from 'vitest';
import { featuresAt } from './speaker-of.js';

// A he/she slot may continue the unnamed described person who holds the turn, even quote
// paragraphs after the description's own attribution (pronoun_turn_desc); never a person of the
// other gender, and never once the turn has passed to someone else.
describe('pronoun_turn_desc', () => {
  const text = [
    'PELLTON, May 4 - Grain export prices fell for a third day, and trade minister Oskar Vell blamed weak demand.',
    '"The buyers have simply gone home," said one veteran wool dealer in the port.',
    'Vell has promised new credit lines for exporters.',
    '"Nobody believes the credit will come before the harvest," he said.',
  ];

  it('GIVEN "said one veteran wool dealer" then a he-said quote two paragraphs on THEN the dealer is a reading of the he', () => {
    const fs = featuresAt(text, 'Nobody believes');
    const dealer = fs.get('a veteran wool dealer');
    expect(dealer?.pronoun_turn_desc).toBe(1);
    expect(dealer?.slot_tail).toBe(1);
    expect(fs.get('Oskar Vell')?.pronoun_turn_desc).toBeUndefined();
  });

  it('GIVEN a she-said quote THEN a dealer (no gender) still is; a spokesman is not', () => {
    const she = [...text.slice(0, 3), '"Nobody believes the credit will come before the harvest," she said.'];
    expect([...featuresAt(she, 'Nobody believes').values()].some((f) => f.pronoun_turn_desc === 1)).toBe(true);
    const spokesman = [text[0] ?? '', '"The buyers have simply gone home," said a spokesman for the port.', text[2] ?? '', she[3] ?? ''];
    expect([...featuresAt(spokesman, 'Nobody believes').values()].some((f) => f.pronoun_turn_desc === 1)).toBe(false);
  });

  it('GIVEN a named speaker takes the turn in between THEN the dealer no longer holds it', () => {
    const passed = [...text.slice(0, 3), '"We will act," Vell said.', text[3] ?? ''];
    expect([...featuresAt(passed, 'Nobody believes').values()].some((f) => f.pronoun_turn_desc === 1)).toBe(false);
  });

  it('GIVEN the turn six paragraphs back THEN a reading; seven back THEN none', () => {
    const back = (n: number): string[] => [...text.slice(0, 2), ...Array.from({ length: n - 1 }, (_, k) => `Shipments fell in district ${k + 1}.`), text[3] ?? ''];
    expect(featuresAt(back(6), 'Nobody believes').get('a veteran wool dealer')?.pronoun_turn_desc).toBe(1);
    expect([...featuresAt(back(7), 'Nobody believes').values()].some((f) => f.pronoun_turn_desc === 1)).toBe(false);
  });

  it('GIVEN the turn more than six paragraphs back THEN no reading', () => {
    const far = [...text.slice(0, 2), ...Array.from({ length: 7 }, (_, k) => `Shipments fell in district ${k + 1}.`), text[3] ?? ''];
    expect([...featuresAt(far, 'Nobody believes').values()].some((f) => f.pronoun_turn_desc === 1)).toBe(false);
  });

  it('GIVEN "the port spokesman added" THEN the he may continue him unless the text named a spokesman of the port', () => {
    const unnamed = [text[0] ?? '', '"The buyers have simply gone home," the port spokesman added.', text[2] ?? '', text[3] ?? ''];
    expect(featuresAt(unnamed, 'Nobody believes').get('the port spokesman')?.pronoun_turn_desc).toBe(1);
    const named = ['Port spokesman Ivo Marl said the quays were quiet.', ...unnamed.slice(1)];
    expect([...featuresAt(named, 'Nobody believes').values()].some((f) => f.pronoun_turn_desc === 1)).toBe(false);
  });
});
