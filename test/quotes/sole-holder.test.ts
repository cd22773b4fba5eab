import { describe, expect, it } from 'vitest';
import type { Person } from '../../src/quotes/people.js';
import { HOLDER_SCAN, RoleHolders } from '../../src/quotes/sole-holder.js';
import { candidatesByQuote } from './speaker-of.js';

const person = (name: string, role: string | null, firstAt: number, group = false): Person => ({ key: name.toLowerCase(), name, folded: name.toLowerCase().split(' '), gender: null, role, evidence: 1, group, firstAt });
const mayor = (r: string): boolean => /\bmayor/iu.test(r);

describe('RoleHolders.soleBefore', () => {
  it('GIVEN one mayor named before THEN sole; a second mayor named before THEN not', () => {
    const people = [person('Ivo Brandt', 'mayor', 10), person('Lena Sulk', 'councillor', 20), person('Tor Haga', 'former mayor', 500)];
    const holders = new RoleHolders(() => people);
    expect(holders.soleBefore('mayor', mayor, 100)).toBe(true);
    expect(holders.soleBefore('mayor', mayor, 600)).toBe(false);
    // Nobody with the role before the description: no sole holder.
    expect(holders.soleBefore('mayor', mayor, 5)).toBe(false);
  });

  it('GIVEN groups, persons without a role, or persons past the scan THEN they hold no role', () => {
    const many = [...Array.from({ length: HOLDER_SCAN }, (_, k) => person(`Nobody ${k}`, null, k)), person('Ivo Brandt', 'mayor', 10)];
    expect(new RoleHolders(() => many).soleBefore('mayor', mayor, 1000)).toBe(false);
    expect(new RoleHolders(() => [person('the mayors', 'mayor', 1, true)]).soleBefore('mayor', mayor, 1000)).toBe(false);
  });
});

describe('desc_sole_role in attribution', () => {
  it('GIVEN "the mayor told reporters" where the article names one mayor THEN his reading carries the feature; with two mayors THEN not', () => {
    const one = ['Mayor Ivo Brandt wants a new rink in Osterholm.', 'Ice time has dropped, the mayor said on Monday.', '“We need more ice,” the mayor told reporters.'];
    const oneQuote = candidatesByQuote(one).get('We need more ice');
    expect(oneQuote?.get('Ivo Brandt')?.desc_sole_role).toBe(1);
    const two = ['Mayor Ivo Brandt wants a new rink in Osterholm. Former mayor Tor Haga does not.', '“We need more ice,” the mayor told reporters.'];
    const twoQuote = candidatesByQuote(two).get('We need more ice');
    // A role match is still read (the latest mayor), only not as the sole one.
    expect([...(twoQuote?.values() ?? [])].some((f) => f.desc_role_match)).toBe(true);
    expect([...(twoQuote?.values() ?? [])].some((f) => f.desc_sole_role)).toBe(false);
  });
});
