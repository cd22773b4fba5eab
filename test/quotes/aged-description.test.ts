// "The 55-year-old Lundian manager told …": an aged description before its quote is the person the
// article gave that age ("Henri Dufrene, 55,"), read over the text up to the description's start, so
// that none of the description's own capitalised words ("Lundian", "Lundia") is taken for that person.
// The fixtures are invented.
import { describe, expect, it } from 'vitest';
import { featuresAt } from './speaker-of.js';

const named = 'Club Alvan named Henri Dufrene, 55, as manager. Ann Roe, 41, stays as coach.';
const quote = '"We will play to win every game."';

/** The candidates of the quote that carry desc_role_match. */
const roleMatches = (second: string): (string | null)[] =>
  [...featuresAt([named, second], 'We will play')].filter(([, f]) => f.desc_role_match === 1).map(([name]) => name);

describe('an aged description before its quote', () => {
  it('GIVEN "The 55-year-old Lundian manager told …:" after "Henri Dufrene, 55," THEN Dufrene is the role match and no other candidate is', () => {
    expect(roleMatches(`The 55-year-old Lundian manager told a local radio station: ${quote}`)).toEqual(['Henri Dufrene']);
  });

  it('GIVEN "The 55-year-old former Lundia striker told …:" THEN Dufrene is the role match, not the description\'s own "Lundia"', () => {
    expect(roleMatches(`The 55-year-old former Lundia striker told a local radio station: ${quote}`)).toEqual(['Henri Dufrene']);
  });

  it('GIVEN a description with a complement ("The 55-year-old manager of Club Alvan told …:") THEN Dufrene is the role match, not the complement\'s "Alvan"', () => {
    expect(roleMatches(`The 55-year-old manager of Club Alvan told a local radio station: ${quote}`)).toEqual(['Henri Dufrene']);
  });

  it('GIVEN the same description after its quote ("…," said the 55-year-old Lundian manager) THEN Dufrene is the role match there too', () => {
    expect(roleMatches('"We will play to win every game," said the 55-year-old Lundian manager.')).toEqual(['Henri Dufrene']);
  });

  it('GIVEN an age nobody was given ("The 60-year-old Lundian manager") THEN no candidate is the aged person', () => {
    const fs = featuresAt([named, `The 60-year-old Lundian manager told a local radio station: ${quote}`], 'We will play');
    expect(fs.get('Ann Roe')?.desc_role_match).toBeUndefined();
  });
});
