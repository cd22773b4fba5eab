import { describe, expect, it } from 'vitest';
import { candidatesOf } from '../../src/summary/features.js';
import { cleanParagraph, isFurnitureSentence, isTableLine, opensOnLabel, reportEnd } from '../../src/summary/furniture.js';
import { summarize } from '../../src/summary/summarize.js';
import { article } from './fixtures.js';

const DAILY_MAIL =
  'By . Associated Press . PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . 15:36 EST, 25 October 2013 . ' +
  'The bishop of the Fargo diocese has exposed hundreds of church members to the hepatitis A virus. ' +
  'Bishop John Folda (pictured) of the Fargo diocese has exposed church members to hepatitis A . ' +
  'Two lawyers representing a woman who . claims she was wronged have filed a suit in Florida, court papers show. ' +
  'The state Health Department has issued an advisory for anyone who attended five churches. ' +
  'Scroll down for video . ' +
  'Symptoms of hepatitis A include fever, tiredness, loss of appetite and nausea.';

describe('news furniture', () => {
  it('GIVEN a flattened DailyMail byline and time stamps THEN they are stripped and the report starts at its first sentence', () => {
    expect(cleanParagraph(DAILY_MAIL)).toMatch(/^The bishop of the Fargo diocese/);
    expect(cleanParagraph('Last updated at 3:31 PM on 19th July 2011 . Cheaper farmland is fuelling growth.')).toBe('Cheaper farmland is fuelling growth.');
    expect(cleanParagraph('Canberra, Australia (CNN) -- At first glance, it does not look like much.')).toBe('At first glance, it does not look like much.');
  });

  it('GIVEN a former line break inside a sentence THEN the sentence is joined again', () => {
    expect(cleanParagraph('Two lawyers representing a woman who . claims she was wronged filed suit.')).toBe('Two lawyers representing a woman who claims she was wronged filed suit.');
  });

  it('GIVEN captions and promotional lines THEN they are furniture, and a report sentence is not', () => {
    expect(isFurnitureSentence('Bishop John Folda (pictured) of the Fargo diocese has exposed church members to hepatitis A .')).toBe(true);
    expect(isFurnitureSentence('Scroll down for video .')).toBe(true);
    expect(isFurnitureSentence('Opinion: The Paralympics were brilliant, why were you not watching?')).toBe(true);
    expect(isFurnitureSentence('The state Health Department has issued an advisory for anyone who attended.')).toBe(false);
  });

  it('GIVEN a flattened DailyMail article THEN no summary sentence is a byline, a stamp or a caption', () => {
    const a = article('dm', `date 2013-10-25\n${DAILY_MAIL}`);
    const texts = summarize(a, { sentences: 10 }).sentences.map((s) => s.text);
    expect(texts[0]).toMatch(/^The bishop/);
    for (const t of texts) expect(t).not.toMatch(/PUBLISHED|UPDATED|^By\b|pictured|Scroll down|\s\.$/);
    expect(candidatesOf(a).some((c) => c.text.includes('woman who claims'))).toBe(true);
  });

  // Web copy whose captions lost their closing " .", and a quotation run over paragraphs that
  // opens in each and closes only in the last (flattened, as the public dataset has it).
  const LABELLED =
    'By . Staff Reporter . PUBLISHED: . 09:20 EST, 3 March 2014 . ' +
    'A river in Somerset burst its banks on Sunday, flooding forty homes in the village of Muchelney. ' +
    'Volunteers (pictured) fill sandbags outside the village hall on Sunday . ' +
    "Muddy boots: Volunteers clear the towpath near the old mill as the water rises 'faster than ever' " +
    'The Environment Agency said pumps would arrive from Bristol within two days. ' +
    "Parish council chairman Tom Hardy said: 'We have lived with this river for a long time. " +
    "'Nobody here can remember a flood as quick as this one. " +
    "'We need the dredging we were promised,' he added after the meeting. " +
    'Residents were told to move their cars to higher ground before nightfall.';

  it('GIVEN captions that lost their closing " ." in copy that has captions THEN they are furniture too', () => {
    const a = article('labelled', `date 2014-03-03\n${LABELLED}`);
    const flawed = candidatesOf(a).filter((c) => c.flaw !== null).map((c) => c.text);
    expect(flawed.some((t) => t.startsWith('Muddy boots:'))).toBe(true);
    const texts = summarize(a, { sentences: 10 }).sentences.map((s) => s.text);
    expect(texts[0]).toMatch(/^A river in Somerset/);
    expect(texts).toContain('Residents were told to move their cars to higher ground before nightfall.');
    for (const t of texts) expect(t).not.toMatch(/Muddy boots|pictured/);
  });

  it('GIVEN a quotation in single marks run over several sentences THEN no piece of it is a summary sentence', () => {
    const a = article('single-quotes', `date 2014-03-03\n${LABELLED}`);
    const texts = summarize(a, { sentences: 10 }).sentences.map((s) => s.text);
    expect(texts.length).toBeGreaterThanOrEqual(3);
    // The last paragraph's piece opens and closes its own marks: it reads whole and may stay.
    for (const t of texts) expect(t).not.toMatch(/We have lived|Nobody here can remember/);
  });

  it('GIVEN a label and a colon THEN only a caption\'s label counts, not a speaker, and a list or score line is furniture', () => {
    expect(opensOnLabel('Muddy boots: Volunteers clear the towpath near the old mill')).toBe(true);
    expect(opensOnLabel("He said: 'The bridge will reopen in May.'")).toBe(false);
    expect(opensOnLabel('Mr Hardy: We need the dredging.')).toBe(false);
    expect(opensOnLabel('The council will meet on Monday.')).toBe(false);
    expect(isTableLine('Subs: Wright, Pistone, Weir, Plessis, Vaughan.')).toBe(true);
    expect(isTableLine('Goals: Rooney 68, Dunne 75 og.')).toBe(true);
    expect(isTableLine('Backs: Tom Price (Bath), Ian Hart (Leeds), Joe Cole (York), Sam Ray (Hull).')).toBe(true);
    expect(isTableLine('Star Trek: Enterprise began in 2001, following three other spin-off series.')).toBe(false);
    expect(isFurnitureSentence('Subs: Wright, Pistone, Weir, Plessis, Vaughan.')).toBe(true);
  });

  const REPORT = [
    'The minimum wage will rise in October, benefiting more than 1m people, the government has announced.',
    'Adults must be paid at least £5.05 an hour, up from £4.85, the Low Pay Commission said.',
    '"We have recommended only a slight increase," said chairman Adair Turner.',
    'Conservative leader Michael Howard said he accepted the principle of the minimum wage.',
  ];
  const COMMENTS = [
    'It would be better to decrease taxes on earnings. Our minimum wage is going to be twice the US one!',
    'It is still not good enough! I got a part time job at 16 when I was doing my A-levels.',
    'This is good news. The minimum wage has put a sense of equality back into work.',
    'I work at a large hospital where the contractors pay the minimum wage of £4.85.',
  ];

  it('GIVEN readers\' comments after the report THEN the report ends where they begin', () => {
    expect(reportEnd([...REPORT, ...COMMENTS])).toBe(REPORT.length);
    expect(reportEnd(REPORT)).toBe(REPORT.length);
    expect(reportEnd([...REPORT, 'Have your say', 'Great news for all of us.'])).toBe(REPORT.length);
  });

  it('GIVEN a column in the first person throughout THEN nothing is taken for comments', () => {
    const column = ['I went to the market.', 'I bought fish and we cooked it!', 'My family loved it.', 'We will go again.'];
    expect(reportEnd(column)).toBe(column.length);
  });

  it('GIVEN an article with readers\' comments THEN no summary sentence comes from them', () => {
    const a = article('wage', `date 2005-02-27\nMinimum wage increased\n\n${[...REPORT, ...COMMENTS].join('\n\n')}`);
    const texts = summarize(a, { sentences: 10 }).sentences.map((s) => s.text);
    expect(texts.length).toBeGreaterThan(2);
    for (const t of texts) expect(REPORT.some((p) => p.includes(t))).toBe(true);
  });
});
