import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { askPages } from '../../src/render/engine-discord.js';
import { askText } from '../../src/render/engine-text.js';
import { chooseSpan, questionShape, questionView, scoreSentences, spanFeatures } from '../../src/search/answer.js';
import { SENTENCE_FEATURES, SPAN_FEATURES } from '../../src/search/ask-model.js';
import { answerCandidates, typedCandidates } from '../../src/search/candidates.js';
import { answerType } from '../../src/search/question.js';
import { terms } from '../../src/text/tokenize.js';
import { engineFor, removeDir, writeArchive } from '../helpers/archive.js';

/**
 * Invented news written for these tests, shaped like the misses the issue reports: the lead
 * paragraph repeats the question's words, a later one names the person, the amount or the date.
 */
const NEWS: Record<string, string> = {
  'mido.txt': `date 2005-02-01
Mido recalled by Egypt

Striker Mido has been recalled to the Egypt squad for the World Cup qualifier against Libya.

"I am very happy to be back," said Mido. The striker was axed from the national team by former coach Marco Tardelli in 2004 after a public row over tactics.

He plays for Tottenham in the English Premier League.`,
  'tobacco.txt': `date 2005-06-08
US cuts tobacco penalty demand

The US government has cut the penalty it wants from the tobacco companies in its racketeering case.

Shares in Altria rose 4% on the news. Government lawyers had originally demanded $280bn from the tobacco companies, but now seek $10bn for a programme to help smokers quit.`,
  'bridge.txt': `date 2006-03-14
New bridge for Riverton

Riverton's new river bridge will carry trams as well as cars, the city council said.

The bridge will open on 12 September 2007, three months later than planned, because steel deliveries were delayed.`,
  'bakery.txt': `date 2006-05-02
Bakery wins award

A family bakery on Mill Street has won a regional award for its rye bread.`,
};

let dir: string;
let engine: Engine;
beforeAll(() => {
  dir = writeArchive(NEWS);
  engine = engineFor(dir);
});
afterAll(() => removeDir(dir));

describe('answer type of a question', () => {
  it('GIVEN who, when, how much, where and why questions THEN each gets its type', () => {
    expect(answerType('Who axed Mido?')).toBe('person');
    expect(answerType('Which company bought the refinery?')).toBe('person');
    expect(answerType('When will the bridge open?')).toBe('time');
    expect(answerType('How much did the government demand?')).toBe('number');
    expect(answerType('Where was the premiere held?')).toBe('place');
    expect(answerType('Why was the bridge late?')).toBe('cause');
    expect(answerType('What colour is the tram?')).toBe('other');
  });

  it('GIVEN a clause after the wh-phrase THEN the wh-phrase decides the type, not a "when" or "who" inside the clause', () => {
    expect(answerType('How old was the striker when he joined Tottenham?')).toBe('number');
    expect(answerType('Who coached Egypt when Mido was axed?')).toBe('person');
    expect(answerType('Where did the minister live when she was elected?')).toBe('place');
    expect(answerType('What does someone who completes the course receive?')).toBe('other');
    expect(answerType('What did the council do when the bridge opened?')).toBe('other');
    expect(answerType('In what year did the bridge open?')).toBe('time');
    expect(answerType('For what reason was the bridge late?')).toBe('cause');
  });

  it('GIVEN "which" with a word or two before a person noun, or "what is the last name of" THEN the type is person', () => {
    expect(answerType('Which famous Dutch artist painted The Night Watch?')).toBe('person');
    expect(answerType('What was the last name of the coach who axed Mido?')).toBe('person');
    expect(answerType('Which part of the city flooded?')).toBe('other');
    expect(answerType('What was the average cost of a ticket?')).toBe('number');
    expect(answerType('What portion of the town voted?')).toBe('number');
  });
});

describe('answer candidates', () => {
  const kinds = (s: string): string[] => typedCandidates(s).map((c) => `${c.kind}:${c.text}`);

  it('GIVEN names, dates, amounts and causes THEN each is a candidate of its kind, with its unit', () => {
    const found = kinds('Mido was axed by Marco Tardelli on Feb. 3, 2004 because of a row, costing him $280bn and 12 million tonnes of pride.');
    expect(found).toEqual(expect.arrayContaining(['name:Marco Tardelli', 'time:Feb. 3, 2004', 'cause:because of a row', 'number:$280bn', 'number:12 million tonnes']));
    // The day and year of a date are not amounts.
    expect(found).not.toContain('number:3');
    expect(found).not.toContain('number:2004');
  });

  it('GIVEN wire copy THEN the dateline is no candidate and "mln dlrs" / "pct" amounts keep their unit', () => {
    const found = kinds('NEW YORK, March 13 - Allwaste will pay 1.98 mln dlrs, up 2.5 pct, said Ryan, Beck and Co.');
    expect(found).toEqual(expect.arrayContaining(['number:1.98 mln dlrs', 'number:2.5 pct', 'name:Allwaste']));
    expect(found.some((k) => k.includes('NEW YORK') || k.includes('March 13'))).toBe(false);
  });

  it('GIVEN a name right after a date THEN the name is a candidate of its own, the date another', () => {
    expect(kinds('On 12 September 2007 Anna Weiss opened the bridge.')).toEqual(expect.arrayContaining(['time:12 September 2007', 'name:Anna Weiss']));
    expect(kinds('By March 3, 1999, the Bank of England had cut rates.')).toEqual(expect.arrayContaining(['time:March 3, 1999', 'name:Bank of England']));
  });

  it('GIVEN a capitalised stop word opening a sentence THEN it is not a name', () => {
    expect(kinds('The bridge opened in Riverton.')).toEqual(['name:Riverton']);
  });

  it('GIVEN a "what" question THEN phrases without the question\'s words are candidates, cut at its words', () => {
    const texts = answerCandidates('The tram will be painted bright green, the council said.', new Set(terms('What colour will the tram be painted?'))).map((c) => c.text);
    expect(texts).toContain('bright green');
    expect(texts.some((t) => /tram|painted/.test(t))).toBe(false);
  });

  it('GIVEN every candidate THEN its offsets point at its text', () => {
    const s = '“Yes,” said Dr. Anna Weiss (the mayor) on 3 March 1999, after 1,200 people—mostly farmers—signed.';
    for (const c of answerCandidates(s, new Set(terms('Who signed?')))) expect(s.slice(c.start, c.end)).toBe(c.text);
  });
});

describe('ask: the answer itself', () => {
  it('GIVEN a who question whose lead restates the topic THEN the paragraph naming the person wins and the name is the span', () => {
    const r = engine.ask({ question: 'Who axed Mido from the Egypt national team?' });
    const top = r.hits[0];
    expect(r.answerType).toBe('person');
    expect(r.confident).toBe(true);
    expect(top?.answer).toContain('Marco Tardelli');
    expect(top?.answerSpan?.text).toBe('Marco Tardelli');
  });

  it('GIVEN a how-much question THEN the amount sentence beats the share-price one and the amount is the span', () => {
    const top = engine.ask({ question: 'How much did the US government demand from the tobacco companies?' }).hits[0];
    expect(top?.answer).toContain('$280bn');
    expect(top?.answerSpan?.text).toBe('$280bn');
  });

  it('GIVEN a when question THEN the date is the span', () => {
    const top = engine.ask({ question: 'When will the Riverton bridge open?' }).hits[0];
    expect(top?.answerSpan?.text).toBe('12 September 2007');
  });

  it('GIVEN any answer span THEN its offsets are relative to `answer`', () => {
    for (const question of ['Who axed Mido?', 'How much did the government demand?', 'When will the bridge open?', 'Why was the bridge late?']) {
      for (const h of engine.ask({ question, limit: 5 }).hits) {
        if (h.answerSpan) expect(h.answer.slice(h.answerSpan.start, h.answerSpan.end)).toBe(h.answerSpan.text);
      }
    }
  });

  it('GIVEN a question the archive only touches on THEN ask says it is not sure, and the renderers say so', () => {
    const r = engine.ask({ question: 'When did the bakery owner retire to Spain?' });
    expect(r.hits.length).toBeGreaterThan(0);
    expect(r.confident).toBe(false);
    expect(askText(r)).toMatch(/^These passages may help:/);
    expect(askText(r)).not.toMatch(/Answer:/);
    expect(askPages(r)[0]?.content).toBe('These passages may help:');
  });
});

describe('ask renderers', () => {
  it('GIVEN an answer span THEN the terminal and Discord show it in bold', () => {
    const r = engine.ask({ question: 'Who axed Mido from the Egypt national team?', limit: 1 });
    expect(askText(r)).toContain('**Marco Tardelli**');
    expect(askPages(r)[0]?.embeds[0]?.description).toContain('**Marco Tardelli**');
  });

  it('GIVEN an answer span over markdown-looking text THEN Discord escapes it inside the bold', () => {
    const hit = { ...engine.ask({ question: 'Who axed Mido?', limit: 1 }).hits[0]! };
    const answer = 'Axed by *Marco* @everyone.';
    const pages = askPages({ hits: [{ ...hit, answer, answerHighlights: [], answerSpan: { text: '*Marco* @everyone', start: 8, end: 25 } }], confident: true });
    expect(pages[0]?.embeds[0]?.description).toContain('**\\*Marco\\* @\u200beveryone**');
  });
});

/**
 * The issue's Mido example, paraphrased into an invented article with the same shape: the
 * answer paragraph also holds the subject's own quote, which repeats the question's words.
 */
describe('ask: a speaker\'s quote beside the answer', () => {
  const ISSUE: Record<string, string> = {
    'mido-sorry.txt': `date 2005-08-14
Mido says sorry again

Ahmed "Mido" Hossam has apologised once more to Egyptian fans in a bid to win back his place in the national side.

The 21-year-old striker spoke to reporters in Cairo on Sunday. Mido said: "I travelled from England to Egypt for one reason, to rejoin the national team and to say sorry for my mistakes." Mido was axed by former coach Marco Tardelli after missing a national call-up, saying he had a groin injury. He then turned out for his club Roma a day later.`,
    'weather.txt': `date 2005-01-18
Snow closes schools

Heavy snow closed schools across the north of England on Monday, and forecasters expect more.`,
  };
  let issueDir: string;
  let issueEngine: Engine;
  beforeAll(() => {
    issueDir = writeArchive(ISSUE);
    issueEngine = engineFor(issueDir);
  });
  afterAll(() => removeDir(issueDir));

  const bold = (question: string): string => {
    const r = issueEngine.ask({ question, limit: 3 });
    return askText(r).split('\n').find((l) => l.includes('**')) ?? '';
  };

  it('GIVEN the quote that repeats "Egypt … national team" beside "axed by former coach Marco Tardelli" THEN the axing sentence answers, Tardelli in bold', () => {
    const r = issueEngine.ask({ question: 'Who axed Mido from the Egypt national team?' });
    expect(r.hits[0]?.answer).toMatch(/^Mido was axed by former coach Marco Tardelli/);
    expect(r.hits[0]?.answerSpan?.text).toBe('Marco Tardelli');
    expect(bold('Who axed Mido from the Egypt national team?')).toContain('**Marco Tardelli**');
  });
});

describe('sentence features: word families, pointers back, the wh-phrase\'s head', () => {
  const view = (question: string) => questionView(question, terms(question), () => 1);
  const feature = (question: string, passage: string, name: (typeof SENTENCE_FEATURES)[number]): number[] =>
    scoreSentences(passage, view(question)).map((s) => s.features[SENTENCE_FEATURES.indexOf(name)] ?? NaN);

  it('GIVEN a sentence with "teachers" for the question\'s "teach" THEN it gets soft overlap; one with neither gets none', () => {
    const [plain, family] = feature('What did the monks teach?', 'The monks built an abbey. The monks were teachers of singing.', 'softOverlap');
    expect(plain).toBe(0);
    expect(family).toBeCloseTo(1 / 2);
    // A shared start of fewer than five letters is no family: "team" is not "teach".
    expect(feature('What did the monks teach?', 'The monks formed a team.', 'softOverlap')[0]).toBe(0);
  });

  it('GIVEN a sentence opening with "It" or "This" after one that matches the question THEN the pointer-back features carry the sentence before\'s overlap', () => {
    const passage = 'The Anglo-Norman language changed over time. It in turn evolved into Modern English. Chaucer wrote in English.';
    const question = 'What did the Anglo-Norman language evolve into?';
    expect(feature(question, passage, 'anaphor')).toEqual([0, 1, 0]);
    const carried = feature(question, passage, 'anaphor×prevOverlap');
    expect(carried[0]).toBe(0);
    expect(carried[1]).toBeGreaterThan(0.4);
    expect(carried[2]).toBe(0);
    expect(feature(question, passage, 'afterBest')).toEqual([0, 1, 0]);
  });

  it('GIVEN "how many people" THEN a number beside "people" scores focusTyped, a number far from it less', () => {
    const [near, far] = feature(
      'How many people live in Riverton?',
      'About 40,000 people live in Riverton. The people of Riverton, who voted for trams in the spring, bought 12 of them.',
      'focusTyped',
    );
    expect(near).toBe(1);
    expect(far).toBeGreaterThan(0);
    expect(far).toBeLessThan(near ?? 0);
  });
});

describe('sentence features: speakers\' quotes', () => {
  const q = questionView('Who axed Mido from the Egypt national team?', terms('Who axed Mido from the Egypt national team?'), () => 1);
  const overlapOfSentence = (text: string): number => scoreSentences(text, q)[0]?.overlap ?? -1;

  it('GIVEN the question\'s words inside a quote after "said:" THEN they do not count as matching', () => {
    expect(overlapOfSentence('Mido said: "I want to rejoin the Egypt national team."')).toBeCloseTo(1 / 5);
  });

  it('GIVEN a quote that carries on from the sentence before, or one followed by "he said" THEN its words do not count either', () => {
    expect(overlapOfSentence('"I want to rejoin the Egypt national team.')).toBe(0);
    expect(overlapOfSentence('"The national team needs me," Mido said.')).toBeCloseTo(1 / 5);
  });

  it('GIVEN a name or title in quotation marks that is not speech THEN its words match as usual', () => {
    expect(overlapOfSentence('The Egypt squad, nicknamed "the national team of the Nile", axed Mido.')).toBeCloseTo(1);
  });
});

describe('the span model: candidates and the honest bold', () => {
  const view = (question: string) => questionView(question, terms(question), () => 1);
  const feature = (name: string): number => SPAN_FEATURES.indexOf(name as (typeof SPAN_FEATURES)[number]);

  it('GIVEN a typed question whose sentence holds no candidate of its kind THEN no span is shown, whatever the phrases', () => {
    expect(chooseSpan('The fine was paid by the city council last spring.', view('Who paid the fine?'))).toBeNull();
    expect(chooseSpan('The old mill closed after many years of losses.', view('When did the mill close?'))).toBeNull();
  });

  it('GIVEN a who question over a sentence with a name and a date THEN the span is never the date', () => {
    const q = view('Who opened the bridge?');
    for (const s of ['The bridge was opened on 12 September 2007 by Anna Weiss.', 'On 12 September 2007 Anna Weiss opened the bridge.', 'Anna Weiss opened the bridge in 2007.']) {
      const found = chooseSpan(s, q);
      expect(found).not.toBeNull();
      expect(found?.span.kind).not.toBe('time');
      expect(found?.span.text).not.toMatch(/2007/);
    }
  });

  it('GIVEN any sentence THEN the chosen span carries the model\'s probability for it, in (0, 1]', () => {
    const found = chooseSpan('Government lawyers had demanded $280bn from the tobacco companies.', view('How much did the lawyers demand?'));
    expect(found?.span.text).toBe('$280bn');
    expect(found?.probability).toBeGreaterThan(0);
    expect(found?.probability).toBeLessThanOrEqual(1);
  });

  it('GIVEN a phrase that stops inside a run of content words THEN its right-boundary feature is off, the whole run\'s is on', () => {
    const sentence = 'The Ruhr provides drinking water to the city.';
    const q = view('What does the Ruhr provide to its community?');
    const candidates = answerCandidates(sentence, q.termSet);
    const byText = new Map(candidates.map((c, i) => [c.text, spanFeatures(sentence, candidates, q)[i] ?? []]));
    expect(byText.get('drinking')?.[feature('boundaryRight')]).toBe(0);
    expect(byText.get('drinking water')?.[feature('boundaryRight')]).toBe(1);
    expect(byText.get('drinking water')?.[feature('boundaryLeft')]).toBe(1);
    expect(byText.get('drinking water')?.[feature('afterQuestionWord')]).toBe(1);
    expect(byText.get('drinking water')?.[feature('beforePreposition')]).toBe(1);
  });

  it('GIVEN a candidate in quotation marks THEN the quoted feature is on', () => {
    const sentence = 'The city was nicknamed "Bold New City of the South" after the merger.';
    const q = view('What was the city nicknamed?');
    const candidates = answerCandidates(sentence, q.termSet);
    const i = candidates.findIndex((c) => c.text === 'Bold New City of the South');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(spanFeatures(sentence, candidates, q)[i]?.[feature('quoted')]).toBe(1);
  });
});

describe('the span model: the wh-phrase and kinds of names', () => {
  const view = (question: string) => questionView(question, terms(question), () => 1);
  const feature = (name: string): number => SPAN_FEATURES.indexOf(name as (typeof SPAN_FEATURES)[number]);
  const featuresOf = (sentence: string, question: string): Map<string, number[]> => {
    const q = view(question);
    const candidates = answerCandidates(sentence, q.termSet);
    const rows = spanFeatures(sentence, candidates, q);
    return new Map(candidates.map((c, i) => [c.text, rows[i] ?? []]));
  };

  it('GIVEN wh-phrases THEN the asked-about noun, the words before the wh-word and an auxiliary after it are read', () => {
    expect(questionShape(view('What type of curricula may a teacher follow?')).head).toBe(terms('curricula')[0]);
    expect(questionShape(view('Which river flows through the city?')).head).toBe(terms('river')[0]);
    expect(questionShape(view('What is the name of the river?')).head).toBe(terms('river')[0]);
    expect(questionShape(view('Who killed Harold?'))).toMatchObject({ subject: true, auxiliary: false, head: terms('killed')[0] });
    expect(questionShape(view('Who did Emma marry?'))).toMatchObject({ subject: false, auxiliary: true });
    expect([...questionShape(view('The Normans were famed for what?')).fronted].sort()).toEqual(terms('The Normans were famed').sort());
  });

  it('GIVEN the wh-phrase\'s noun right after or right before a phrase THEN the head features mark that phrase only', () => {
    const rows = featuresOf('A teacher may follow standardized curricula as set by the authority.', 'What type of curricula does a teacher follow?');
    expect(rows.get('standardized')?.[feature('headAfter')]).toBe(1);
    expect(rows.get('authority')?.[feature('headAfter')]).toBe(0);
    const river = featuresOf('They camped at the banks of the river Deabolis near Kanina.', 'Which river did they camp by?');
    expect(river.get('Deabolis')?.[feature('headBefore')]).toBe(1);
    expect(river.get('Kanina')?.[feature('headBefore')]).toBe(0);
  });

  it('GIVEN capitalised candidates THEN first names and titles mark a person, organisation words a body, an opening adverb no name', () => {
    const rows = featuresOf('Meanwhile, King William II met the Bank of Japan near Hastings.', 'Who met whom?');
    expect(rows.get('King William II')?.[feature('firstName')]).toBe(1);
    expect(rows.get('King William II')?.[feature('titled')]).toBe(1);
    expect(rows.get('Bank of Japan')?.[feature('organisation')]).toBe(1);
    expect(rows.get('Bank of Japan')?.[feature('firstName')]).toBe(0);
    expect(rows.get('Meanwhile')?.[feature('nonStarter')]).toBe(1);
  });
});
