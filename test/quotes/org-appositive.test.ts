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

  it('GIVEN US-style stops in the object ("Mr. NAME", "U.S. officials") THEN the object still speaks, not the agency', () => {
    const titled = ['OSLO, May 3 - Harald Vinje, the chief of Lunde Shipping, resigned on Monday.', '"I leave a healthy company," the Tellus news agency quoted Mr. Vinje as saying.'];
    expect(speakerOf(titled, 'I leave a healthy')).toBe('Harald Vinje');
    const place = ['OSLO, May 3 - Grain prices fell.', '"The harvest will be late," the agency quoted U.S. officials as saying.'];
    expect(speakerOf(place, 'The harvest')).toBe('U.S. officials');
    // A stop that ends a sentence still ends the object.
    expect(quotedAsSaying('quoted', ' the data. Officials as saying')).toBeNull();
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
    expect(quotedAsSaying('quoted', ' Mr. Vinje as saying')).toEqual({ text: 'Mr. Vinje', offset: 1 });
  });

  it('GIVEN "NAME, 55," named before THEN "the 55-year-old Dutchman" reads that person as the role match', () => {
    const text = ['MERWE, May 3 - Lakeside Choir named Pieter Halse, 55, as its conductor on Monday. Ann Roe, 41, stays as organist.', 'The 55-year-old Dutchman spoke to a local paper: "The choir sings better than ever before."'];
    const features = featuresAt(text, 'The choir sings');
    expect(features.get('Pieter Halse')?.desc_role_match).toBe(1);
    expect([...features].filter(([, f]) => f.desc_role_match === 1).map(([who]) => who)).toEqual(['Pieter Halse']);
  });

  it('GIVEN long capitalised words before aged descriptions THEN it finishes (no age match starts inside a word)', () => {
    // With a match free to start at any capital, each paragraph's description re-read its window from every capital of the words before it.
    // 6,000-letter words: quadratic re-reading would take far past the test timeout whatever the load.
    const word = `Q${'W'.repeat(6_000)}`;
    const paragraphs = Array.from({ length: 500 }, (_, k) => `${word} sat. The 55-year-old Dutchman spoke to the paper: "We will sing again in concert ${k} next year."`);
    expect(attributeArticle(['Ann Lee and Tom Fox met.', ...paragraphs])).toHaveLength(500);
  });

  it('GIVEN "the former Bank of Lundia Governor said" THEN the speaker is no organisation "Bank of Lundia Governor"', () => {
    const text = ['Rates rose in May.', 'The former Bank of Lundia Governor said: "Rates will rise again before the winter."'];
    expect(speakerOf(text, 'Rates will rise')).toBe('the former Bank of Lundia Governor');
  });

  it('GIVEN "the 55-year-old Dutchman" THEN it is a description, never a person called "Dutchman"', () => {
    const text = ['MERWE, May 3 - Lakeside Choir dropped its conductor Pieter Halse on Monday.', 'The 55-year-old Dutchman spoke to a local paper: "The choir sings better than ever before."'];
    expect(speakerOf(text, 'The choir sings')).toBe('the 55-year-old Dutchman');
  });

  it('GIVEN a nationality noun after a personal title ("coach Finn") THEN it is a surname; after a modifier it stays a description', () => {
    const said = (who: string): string | null | undefined => speakerOf(['LEEDS, May 3 - Ticket sales rose.', `"We sold out twice," said ${who}.`], 'We sold');
    expect(said('coach Finn')).toBe('Finn');
    expect(said('senator Pole')).toBe('Pole');
    expect(said('the veteran Swede')).toBe('the veteran Swede');
    expect(said('the Scot')).toBe('the Scot');
  });

  it('finds the person a described age points to', () => {
    expect(describedAge('the 55-year-old Dutchman')).toBe(55);
    expect(namedWithAge('Lakeside Choir named Pieter Halse, 55, as conductor. Ann Roe, 41, stays.', 55)).toBe('Halse');
    expect(namedWithAge('The 55-year-old conductor Pieter Halse left.', 55)).toBe('Halse');
    expect(namedWithAge('Lakeside Choir named Pieter Halse, 56, as conductor.', 55)).toBeNull();
    expect(namedWithAge('Pieter Halse, 55, left. The 55-year-old Dutchman', 55, 'Dutchman')).toBe('Halse');
    expect(nameInDescription('the former Bank of Lundia Governor')).toBeNull();
  });
});

describe('an organisation is shown under the name the article uses', () => {
  it('GIVEN "the Ostmark-based company" and the firm named without a legal form THEN the firm\'s name is shown', () => {
    const text = ['Toy maker Brimwell is to open a new store in Vardo in May.', 'The Ostmark-based company says it hopes "to hire forty people from the town by the spring".'];
    expect(speakerOf(text, 'to hire forty')).toBe('Brimwell');
  });

  it('GIVEN "the official NAME News Agency said" THEN the agency\'s own name is shown, without "the official"', () => {
    const text = ['Cod catches fell in April.', 'The official Tellus News Agency said: "Stocks are recovering slowly in the north."'];
    expect(speakerOf(text, 'Stocks are recovering')).toBe('Tellus News Agency');
  });

  it('GIVEN "the 200,000 member union said" THEN the union the article names, not a fragment "000 member union"', () => {
    const text = ['LONDON, May 3 - The Transport and Harbour Workers Union said its members would strike.', 'The vote was close. "Our members have had enough," the 200,000 member union said.'];
    expect(speakerOf(text, 'Our members')).toBe('Transport and Harbour Workers Union');
  });

  it('GIVEN "said the 1.6 mln member federation" THEN the federation the article names', () => {
    const text = ['LONDON, May 3 - The National Drivers Federation said its members would stop work.', 'The ballot was close. "Our drivers are tired of waiting," said the 1.6 mln member federation.'];
    expect(speakerOf(text, 'Our drivers')).toBe('National Drivers Federation');
  });

  it('reads names and bare descriptions', () => {
    expect(nameInDescription('the official Tellus News Agency')).toBe('Tellus News Agency');
    expect(nameInDescription('the Washington-based Harbour Council')).toBe('Harbour Council');
    expect(nameInDescription('the tall John Smith')).toBeNull();
    expect(isBareDescription('the Ostmark-based company')).toBe(true);
    expect(isBareDescription('the company')).toBe(true);
    expect(isBareDescription('the finance department')).toBe(false);
  });
});

describe('"reported Y as saying" and a whole object', () => {
  it('GIVEN "The weekly NAME reported Prince NAME as saying:" THEN the prince speaks, not the paper', () => {
    const text = ['VARDO, May 3 - The town will build a new ferry pier.', 'The weekly Vardo Post reported Prince Emil van Ost as saying: "The harbour works are finished and the ferries will return in spring."'];
    expect(speakerOf(text, 'The harbour works')).toBe('Emil van Ost');
  });

  it('GIVEN "quoted senior Lundian officials as saying" THEN the officials are shown whole', () => {
    const text = ['VARDO, May 3 - Fish prices rose.', 'The trade bulletin quoted senior Lundian officials as saying the tariff would stay "until the catch improves next season."'];
    expect(speakerOf(text, 'until the catch')).toBe('senior Lundian officials');
  });

  it('GIVEN "quoted a Lundian fisherman, NAME, as saying" THEN the named fisherman speaks', () => {
    const text = ['VARDO, May 3 - Storms hit the coast.', 'The radio quoted a Lundian fisherman, Arne Kvist, as saying the storm "had kept every boat in port for a week".'];
    expect(speakerOf(text, 'had kept every')).toBe('Arne Kvist');
  });
});
