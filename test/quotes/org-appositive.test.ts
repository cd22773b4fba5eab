import { describe, expect, it } from 'vitest';
import { attributeArticle } from '../../src/quotes/attribute.js';
import { isBareDescription, nameInDescription } from '../../src/quotes/org-reference.js';
import { describedAge, namedWithAge, quotedAsSaying } from '../../src/quotes/phrase.js';
import { featuresAt, speakerOf } from './speaker-of.js';

const shown = (paragraphs: string[], start: string): { speaker: string | null; role: string | null } | undefined => {
  const q = attributeArticle(paragraphs).find((x) => x.kind !== 'fragment' && x.text.startsWith(start));
  return q ? { speaker: q.speaker, role: q.role } : undefined;
};

// The head of an appositive speaks, not the organisation its role ends in; "X quoted Y as saying": Y speaks.
describe('a person named with a role of an organisation speaks, not the organisation', () => {
  it('GIVEN "NAME, President of ORGANISATION told" with the closing comma left out THEN the person speaks, the title is the role', () => {
    const text = ['LIMA, May 3 - Copper exports rose in April.', 'Tomas Ferrel, President of the Andean Mining Association told reporters: "We expect a better year."'];
    expect(shown(text, 'We expect')).toEqual({ speaker: 'Tomas Ferrel', role: 'President of the Andean Mining Association' });
  });

  it('GIVEN "…," the agency quoted Mr NAME as saying THEN the one quoted speaks, not the agency', () => {
    const text = ['OSLO, May 3 - Harald Vinje, the chief of Lunde Shipping, resigned on Monday.', '"I leave a healthy company," the Tellus news agency quoted Mr Vinje as saying.'];
    expect(speakerOf(text, 'I leave a healthy')).toBe('Harald Vinje');
  });

  it('GIVEN "The company quoted chairman NAME as saying:" THEN the chairman speaks with the role "chairman"', () => {
    const text = ['LIMA, May 3 - Kestrel Mining Corp said copper exports rose in April.', 'The company quoted chairman Tomas Ferrel as saying: "We expect a better year."'];
    expect(shown(text, 'We expect')).toEqual({ speaker: 'Tomas Ferrel', role: 'chairman' });
  });

  it('GIVEN "…," the statement quoted him as saying THEN "him" is the person named last, not the statement', () => {
    const text = ['LIMA, May 3 - Kestrel Mining Corp said copper exports rose in April.', 'Its chairman Tomas Ferrel spoke in Lima.', '"We expect a better year," the statement quoted him as saying.'];
    expect(speakerOf(text, 'We expect')).toBe('Tomas Ferrel');
  });

  it('GIVEN "NAME was quoted as saying" THEN the subject speaks (no object before "as saying")', () => {
    const text = ['LIMA, May 3 - Copper exports rose.', 'Tomas Ferrel was quoted as saying: "We expect a better year."'];
    expect(speakerOf(text, 'We expect')).toBe('Tomas Ferrel');
  });

  it('GIVEN "NAME quoted its plan as saying" THEN the plan is no person: the one quoting keeps the quote', () => {
    const text = ['The minister defended the policy.', 'Housing minister Dara Lenn quoted its ten-year plan as saying: "We will build homes where people want to live."'];
    expect(speakerOf(text, 'We will build')).toBe('Dara Lenn');
  });

  it('reads the object of "quoted/cited … as saying" only', () => {
    expect(quotedAsSaying('quoted', ' chairman Ana Roe as saying')).toEqual({ text: 'chairman Ana Roe', offset: 1 });
    expect(quotedAsSaying('said', ' chairman Ana Roe as saying')).toBeNull();
    expect(quotedAsSaying('quoted', ' as saying')).toBeNull();
    expect(quotedAsSaying('quoted', ' by the agency as saying')).toBeNull();
  });

  it('GIVEN "NAME, 55," named before THEN "the 55-year-old Frenchman" reads that person as the role match', () => {
    const text = ['PARIS, May 3 - Club Alvan named Henri Dufrene, 55, as its manager on Monday. Ann Roe, 41, stays as coach.', 'The 55-year-old Frenchman told a local radio station: "I have no regrets about my time here."'];
    expect(featuresAt(text, 'I have no regrets').get('Henri Dufrene')?.desc_role_match).toBe(1);
  });

  it('GIVEN long capitalised words before aged descriptions THEN it finishes (no age match starts inside a word)', () => {
    // With a match free to start at any capital, each paragraph's description re-read its window from every capital of the words before it.
    const word = `Q${'W'.repeat(1_400)}`;
    const paragraphs = Array.from({ length: 500 }, (_, k) => `${word} sat. The 55-year-old Frenchman told the radio: "We will be back for round ${k} next year."`);
    expect(attributeArticle(['Ann Lee and Tom Fox met.', ...paragraphs])).toHaveLength(500);
  });

  it('GIVEN "the former Bank of Lundia Governor said" THEN the speaker is no organisation "Bank of Lundia Governor"', () => {
    const text = ['Rates rose in May.', 'The former Bank of Lundia Governor said: "Rates will rise again before the winter."'];
    expect(speakerOf(text, 'Rates will rise')).not.toBe('Bank of Lundia Governor');
  });

  it('GIVEN "the 55-year-old Frenchman" THEN it is a description, never a person called "Frenchman"', () => {
    const text = ['PARIS, May 3 - Club Alvan sacked its manager Henri Dufrene on Monday.', 'The 55-year-old Frenchman told a local radio station: "I have no regrets about my time here."'];
    expect(speakerOf(text, 'I have no regrets')).not.toBe('Frenchman');
  });

  it('finds the person a described age points to', () => {
    expect(describedAge('the 55-year-old Frenchman')).toBe(55);
    expect(namedWithAge('Club Alvan named Henri Dufrene, 55, as manager. Ann Roe, 41, stays.', 55)).toBe('Dufrene');
    expect(namedWithAge('The 55-year-old coach Henri Dufrene left.', 55)).toBe('Dufrene');
    expect(namedWithAge('Club Alvan named Henri Dufrene, 56, as manager.', 55)).toBeNull();
    expect(namedWithAge('Henri Dufrene, 55, left. The 55-year-old Frenchman', 55, 'Frenchman')).toBe('Dufrene');
    expect(nameInDescription('the former Bank of Lundia Governor')).toBeNull();
  });
});

describe('an organisation is shown under the name the article uses', () => {
  it('GIVEN "the Canada-based company" and the firm named without a legal form THEN the firm\'s name is shown', () => {
    const text = ['Games maker Tollbrook is to hold open auditions in May.', 'The Canada-based company says it wants "people of every age to use as faces for characters".'];
    expect(speakerOf(text, 'people of every age')).toBe('Tollbrook');
  });

  it('GIVEN "the official NAME News Agency said" THEN the agency\'s own name is shown, without "the official"', () => {
    const text = ['Cod catches fell in April.', 'The official Tellus News Agency said: "Stocks are recovering slowly in the north."'];
    expect(speakerOf(text, 'Stocks are recovering')).toBe('Tellus News Agency');
  });

  it('GIVEN "the 200,000 member union said" THEN the union the article names, not a fragment "000 member union"', () => {
    const text = ['LONDON, May 3 - The Transport and Harbour Workers Union said its members would strike.', 'The vote was close. "Our members have had enough," the 200,000 member union said.'];
    expect(speakerOf(text, 'Our members')).toBe('Transport and Harbour Workers Union');
  });

  it('GIVEN "said the 1.2 mln member union" THEN the union the article names', () => {
    const text = ['LONDON, May 3 - The Transport and Harbour Workers Union said its members would strike.', 'The vote was close. "Our members have had enough," said the 1.2 mln member union.'];
    expect(speakerOf(text, 'Our members')).toBe('Transport and Harbour Workers Union');
  });

  it('reads names and bare descriptions', () => {
    expect(nameInDescription('the official Tellus News Agency')).toBe('Tellus News Agency');
    expect(nameInDescription('the Washington-based Harbour Council')).toBe('Harbour Council');
    expect(nameInDescription('the tall John Smith')).toBeNull();
    expect(isBareDescription('the Canada-based company')).toBe(true);
    expect(isBareDescription('the company')).toBe(true);
    expect(isBareDescription('the finance department')).toBe(false);
  });
});

describe('"reported Y as saying" and a whole object', () => {
  it('GIVEN "The daily NAME reported Prince NAME as saying:" THEN the prince speaks, not the paper', () => {
    const text = ['RIYADH, May 3 - The navy will buy two submarines.', 'The daily al-Munir reported Prince Faisal ibn Tamir as saying: "A study by the ministry is complete and a choice will follow soon."'];
    expect(speakerOf(text, 'A study by')).toBe('Faisal ibn Tamir');
  });

  it('GIVEN "quoted authoritative Lundian sources as saying" THEN the sources are shown whole', () => {
    const text = ['OSLO, May 3 - Oil prices rose.', 'The weekly newsletter quoted authoritative Lundian sources as saying the policy would hold "unless demand grows strongly this year."'];
    expect(speakerOf(text, 'unless demand')).toBe('authoritative Lundian sources');
  });

  it('GIVEN "quoted an Lundian soldier, NAME, as saying" THEN the named soldier speaks', () => {
    const text = ['OSLO, May 3 - Fighting eased in the north.', 'Reporters quoted a Lundian soldier, Arne Kvist, as saying heavy rain "had stopped the enemy from moving for days".'];
    expect(speakerOf(text, 'had stopped')).toBe('Arne Kvist');
  });
});
