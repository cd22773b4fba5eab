// A name that qualifies someone else's role is whose the speaker is, not the speaker (fixtures invented).
import { describe, expect, it } from 'vitest';
import { modifiesRole } from '../../src/quotes/org-features.js';
import { featuresAt } from './speaker-of.js';

const at = (text: string, name: string): boolean => modifiesRole(text, text.indexOf(name));

describe('a name before a role and another name', () => {
  it('GIVEN "Harbour Bank economist Ann Tolver" or "Tolver Brothers (Asia) Ltd senior analyst Ian Dorn" THEN the organisation qualifies the role', () => {
    expect(at('said Harbour Bank economist Ann Tolver in Osland.', 'Harbour Bank')).toBe(true);
    expect(at('said Tolver Brothers (Asia) Ltd senior analyst Ian Dorn.', 'Tolver Brothers')).toBe(true);
    expect(at('said Kestrel Greenhouse of Lundia Ltd economist Mary Voss.', 'Kestrel Greenhouse')).toBe(true);
    expect(at('Rovers boss Joe Keel was pleased.', 'Rovers')).toBe(true);
  });

  it('GIVEN a verb, a preposition, "and" or a sentence stop between the names THEN no role is qualified', () => {
    expect(at('Ann Tolver praised winger Ian Dorn.', 'Ann Tolver')).toBe(false);
    expect(at('Ann Tolver insists Lundia are ready.', 'Ann Tolver')).toBe(false);
    expect(at('Ann Tolver of administrators Tolver Partners said.', 'Ann Tolver')).toBe(false);
    expect(at('Ann Tolver and Lundian athlete Ian Dorn met.', 'Ann Tolver')).toBe(false);
    expect(at('said Mr Tolver. The former chairman Ian Dorn agreed.', 'Mr Tolver')).toBe(false);
  });
});

describe('the feature on a candidate', () => {
  it('GIVEN "…," said Aston Marling (Asia) Ltd economist Ron Tilby THEN the firm carries modifies_role and the economist does not', () => {
    const paragraphs = ['MARKETS FALL', '"If the low levels hold, spending could fall," said Aston Marling (Asia) Ltd economist Ron Tilby.'];
    const features = featuresAt(paragraphs, 'If the low levels');
    expect(features.get('Aston Marling')?.modifies_role).toBe(1);
    expect(features.has('Ron Tilby')).toBe(true);
    expect(features.get('Ron Tilby')?.modifies_role).toBeUndefined();
  });
});
