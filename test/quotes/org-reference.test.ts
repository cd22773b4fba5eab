import { describe, expect, it } from 'vitest';
import { attributeArticle } from '../../src/quotes/attribute.js';
import { orgDescription, orgReferent } from '../../src/quotes/org-reference.js';
import { subjectBefore } from '../../src/quotes/phrase.js';
import { speakerOf } from './speaker-of.js';

describe('a definite description of an organisation is the organisation of its kind the story names', () => {
  it('GIVEN a bank named in the lead THEN "the bank said" after a paragraph about figures is the bank, not a noun phrase of that paragraph', () => {
    const text = [
      'KESTON, June 9 - The Harbour Credit Bank said farm incomes fell for a third year running.',
      'The bank said the share of farms with overdue loans now stands at 12 pct, up from nine pct two years ago.',
      '"Three dry summers in a row have left many growers short of cash for seed and fuel," the bank said.',
    ];
    expect(speakerOf(text, 'Three dry summers')).toBe('Harbour Credit Bank');
  });

  it('GIVEN "the bank said" after a region with "Bank" in its name named first THEN the region is no bank', () => {
    const text = ['Farmers in the West Bank lost their crops to floods in May. The Bank of Lundia kept its rates unchanged.', '"We see no reason to move," the bank said.'];
    expect(speakerOf(text, 'We see no reason')).toBe('Bank of Lundia');
  });

  it('GIVEN a film\'s producer named as a person THEN "the producer said" is no company: the film company is not the speaker', () => {
    const text = ['The film, made by Tarlow Pictures Ltd, opens on Friday. Its producer, Mara Quell, spent ten years on it.', '"It was a labour of love," the producer said.'];
    expect(speakerOf(text, 'It was a labour')).not.toBe('Tarlow Pictures Ltd');
  });

  it('GIVEN "Acme Power Co said" in the lead and a product named as a subject later THEN "the company said" is Acme Power Co, not the product', () => {
    const text = [
      'DENVER, April 2 - Acme Power Co said talks with its unions had failed.',
      'Spokesman Tom Reed said the firm would not build its new Glowline X3 turbine at its Boulder plant. The Glowline X3 was to be built there from next year.',
      '"We regret this outcome, but the responsibility rests with the local bargaining committee," the company said in a statement.',
    ];
    expect(speakerOf(text, 'We regret this outcome')).toBe('Acme Power Co');
  });

  it('GIVEN the company named only in a possessive ("Varnel Foods Ltd\'s") THEN "the company said" is Varnel Foods Ltd', () => {
    const text = [
      'OSTRAVEN, May 4 - Varnel Foods Ltd\'s main aim this year is to cut its debt, it said in its annual report.',
      'Sales rose four pct to 310 mln dlrs in 1986.',
      '"Lower borrowing will free cash for new plants," the company said in the report.',
    ];
    expect(speakerOf(text, 'Lower borrowing')).toBe('Varnel Foods Ltd');
  });

  it('GIVEN a company of a place ("Tarrow Mills Corp of Vermont", "Pelham Gas Co of New Mexico") THEN "the company said" is that company', () => {
    const vermont = ['Tarrow Mills Corp of Vermont will close two plants, union officials said.', '"Demand for our cloth has fallen for three years," the company said.'];
    expect(speakerOf(vermont, 'Demand for our cloth')).toBe('Tarrow Mills Corp of Vermont');
    const mexico = ['Pelham Gas Co of New Mexico will put the merger to a vote in June.', '"The merger gives us a larger base," the company said.'];
    expect(speakerOf(mexico, 'The merger gives')).toBe('Pelham Gas Co of New Mexico');
  });

  it('GIVEN the company named as a subject by its short name THEN "the company said" keeps that name ("Brimco", not "Brimco Industries Inc")', () => {
    const text = [
      'Brimco Industries Inc said it would sell its paper mills.',
      'Brimco said the sale would close in June. Brimco also cut its dividend.',
      '"The mills no longer fit our plans," the company said.',
    ];
    expect(speakerOf(text, 'The mills no longer')).toBe('Brimco');
  });

  it('GIVEN only a regulator and a person named THEN "the company said" is no regulator: it stays the description', () => {
    const text = [
      'The Securities and Exchange Commission has opened an inquiry into share trading at Harwood, chairman John Pike told reporters.',
      '"We will cooperate fully with the inquiry," the company said.',
    ];
    expect(speakerOf(text, 'We will cooperate')).toBe('the company');
  });

  it('GIVEN "the central bank said" with no bank named THEN it is the description, not nobody', () => {
    const text = ['Money supply growth slowed in February, figures showed.', '"No clear sign of a recovery in lending has been seen," the central bank said.'];
    expect(speakerOf(text, 'No clear sign')).toBe('the central bank');
  });

  it('GIVEN "a dealer for the central bank said" THEN the bank after the preposition is no subject phrase of its own', () => {
    expect(subjectBefore('One money market dealer for the central bank', 'said')).toBeNull();
    expect(subjectBefore('Rates were steady, the central bank', 'said')?.words).toEqual(['the', 'central', 'bank']);
  });

  it('GIVEN two central banks, one named three times THEN "the bank said" is the one named most, not the one named first', () => {
    const text = [
      'The Bank of Lundia cut its discount rate on Monday, a day after the Bank of Harland left its own unchanged.',
      'The Bank of Harland said growth was slowing. Dealers expect the Bank of Harland to act next month.',
      '"We see no need for a further move," the bank said.',
    ];
    expect(speakerOf(text, 'We see no need')).toBe('Bank of Harland');
  });

  it('GIVEN a place named with "Union" and no union THEN "the union said" is no place: it stays the description', () => {
    const text = ['The Soviet Union said it would buy more grain. Farm workers went on strike at the Dunford plant.', '"We will not return until pay is settled," the union said.'];
    expect(speakerOf(text, 'We will not return')).toBe('the union');
  });

  it('GIVEN a company named after an analyst THEN "the group said" is no company without "Group" in its name', () => {
    const text = ['Mary Stone, an analyst at Hale Brothers Ltd, said the bid was low.', '"We will sell the rest of our shares," the group said.'];
    expect(speakerOf(text, 'We will sell the rest')).toBe('the group');
  });
});

describe('orgReferent', () => {
  const bank = orgDescription('the bank');
  const company = orgDescription('the company');
  it('reads the kind of a description, and no other phrase', () => {
    expect(bank).toEqual({ head: 'bank', rating: false });
    expect(orgDescription('the ratings agency')).toEqual({ head: 'agency', rating: true });
    expect(orgDescription('the minister')).toBeNull();
  });

  it('takes the name of the kind named most, the lead counting twice more', () => {
    if (!company || !bank) throw new Error('no description');
    const text = 'Dalton Mills Inc said it agreed to buy Kerry Textiles Ltd. Kerry Textiles makes yarn. Dalton said the deal was agreed with Morton Savings Bank.';
    expect(orgReferent(text, company)).toBe('Dalton Mills Inc');
    expect(orgReferent(text, bank)).toBe('Morton Savings Bank');
  });

  it('splits names at a sentence stop and after "Co and", and drops a ticker', () => {
    if (!company) throw new Error('no description');
    expect(orgReferent('In Hale Brothers Ltd. Statistics Office figures showed.', company)).toBe('Hale Brothers Ltd');
    expect(orgReferent('Burton Pike Co <BPC> said so.', company)).toBe('Burton Pike Co');
    if (!bank) throw new Error('no description');
    expect(orgReferent('Its owners are Ash and Co and Kemp Savings Bank.', bank)).toBe('Kemp Savings Bank');
  });

  it('GIVEN a short name used once on its own and once inside a longer word THEN only whole words count: the full name stays', () => {
    if (!company) throw new Error('no description');
    const text = 'Brimco Industries Inc said it would sell its mills. A Brimco-led group may buy them, and Brimco said talks went well.';
    expect(orgReferent(text, company, 'Brimco')).toBe('Brimco Industries Inc');
    expect(orgReferent(`${text} Brimco also cut its dividend.`, company, 'Brimco')).toBe('Brimco');
  });

  it('GIVEN a 1 MB paragraph of "the company said" quotes among company names THEN it finishes and every quote is the company', () => {
    const unit = (i: number): string =>
      `"We expect to cut ${i} jobs," the company said. Unions at Dalton Mills Inc plants in Keston and Harlow met again on day ${i}, and officials at the Tarrow Savings Bank said loans to the firm were safe. ` +
      'the talks went on through the night and into the next morning while workers waited outside the gates in the rain, and nobody on either side would say when a deal might come or what it would cost the town. '.repeat(2);
    let para = '';
    let n = 0;
    while (para.length < 1_000_000) para += unit(n++);
    const qs = attributeArticle(['Dalton Mills Inc said it would close two of its plants.', para]).filter((q) => q.text.startsWith('We expect to cut'));
    expect(qs.length).toBe(n);
    expect(qs.every((q) => q.speaker === 'Dalton Mills Inc')).toBe(true);
  });

  it('GIVEN a 60,000-character run of capitals THEN it still finds the name after it (a guard that it finishes)', () => {
    if (!company) throw new Error('no description');
    const text = 'Aa '.repeat(20000) + 'Zed Holdings Inc said.';
    expect(orgReferent(text, company)).toBe('Zed Holdings Inc');
  });
});

describe('a document speaks for whoever the story says issued one of its kind', () => {
  it('GIVEN "the Harlow Institute said in its latest quarterly report" paragraphs earlier THEN "the report said" is the institute', () => {
    const text = [
      'BONN, May 4 - The Harlow Institute said in its latest quarterly report that exports would grow by two pct this year.',
      'Imports rose 1.5 pct in the first quarter, official figures showed on Friday.',
      'Economists at several banks expect the mark to stay firm.',
      '"Domestic demand will carry the recovery," the report said.',
    ];
    expect(speakerOf(text, 'Domestic demand will')).toBe('Harlow Institute');
  });

  it('GIVEN "The Bank said in a statement" after "the Central Bank of Lundia" THEN "the statement added" is that bank', () => {
    const text = [
      'The Central Bank of Lundia said reserves rose in May.',
      'The Bank said in a statement that capital imports were small.',
      '"There was balance between purchases and sales of foreign bonds," the statement added.',
    ];
    expect(speakerOf(text, 'There was balance')).toBe('Central Bank of Lundia');
  });

  it('GIVEN "It said in a statement" or "On Monday Brimco said in a report" THEN a pronoun or a day is no issuer\'s name', () => {
    const it1 = ['Kelvar Oil raised its prices on Monday. It said in a statement that demand was strong.', '"Orders are firm," the statement said.'];
    expect(speakerOf(it1, 'Orders are firm')).not.toBe('It');
    const she = ['Kelvar Oil raised its prices on Monday. She said in a statement that demand was strong.', '"Orders are firm," the statement said.'];
    expect(speakerOf(she, 'Orders are firm')).not.toBe('She');
    expect(speakerOf(['Earlier Brimco said in a report that demand was strong.', '"Orders are firm," the report said.'], 'Orders are firm')).toBe('Brimco');
    expect(speakerOf(['On Monday Brimco said in a report that demand was strong.', '"Orders are firm," the report said.'], 'Orders are firm')).toBe('Brimco');
  });

  it('GIVEN a statement said to be issued by a person with a title THEN it is that person', () => {
    const text = [
      'Vantor Motors said it agreed to sell its truck unit.',
      'Vantor President Raymond Kell said in a statement the sale was an important step. "It will let Vantor keep its export programme," the statement said.',
    ];
    expect(speakerOf(text, 'It will let Vantor')).toBe('Raymond Kell');
  });
});
