import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseSpan, questionView, spanCandidates, spanFeatures } from '../../src/search/answer.js';
import type { TYPED_SPAN_FEATURES} from '../../src/search/ask-model.js';
import { DEFAULT_ASK_WEIGHTS, parseWeights, SPAN_FEATURES, type AskWeights } from '../../src/search/ask-model.js';
import { trainSpanOnly, type GoldQuestion } from '../../src/search/ask-train.js';
import { answerCandidates, typedCandidates } from '../../src/search/candidates.js';
import { hasPlaceWord, namesKnownPlace, placeKindMatch } from '../../src/search/places.js';
import { terms } from '../../src/text/tokenize.js';
import { engineFor, removeDir, writeArchive } from '../helpers/archive.js';
import { ROOT } from '../spawn.js';

const view = (question: string) => questionView(question, terms(question), () => 1);
const names = (sentence: string): string[] => answerCandidates(sentence, new Set()).filter((c) => c.kind === 'name').map((c) => c.text);
const feature = (name: (typeof TYPED_SPAN_FEATURES)[number]): number => SPAN_FEATURES.indexOf(name);
/** Each candidate's value of one feature, by its text. */
const valuesOf = (sentence: string, question: string, name: (typeof TYPED_SPAN_FEATURES)[number]): Map<string, number> => {
  const q = view(question);
  const candidates = spanCandidates(sentence, q);
  const rows = spanFeatures(sentence, candidates, q);
  // The first candidate of a text: a typed one before a plain phrase of the same words.
  const out = new Map<string, number>();
  candidates.forEach((c, i) => {
    if (!out.has(c.text)) out.set(c.text, rows[i]?.[feature(name)] ?? Number.NaN);
  });
  return out;
};

describe('span candidates: readings of names', () => {
  it('GIVEN two names joined by "and" or a list closed by "and" THEN the whole is a candidate too', () => {
    expect(names('The gallery was funded by William and Judith Bollinger.')).toEqual(expect.arrayContaining(['William', 'Judith Bollinger', 'William and Judith Bollinger']));
    expect(names('The crew were Neil Armstrong, Michael Collins and Buzz Aldrin.')).toContain('Neil Armstrong, Michael Collins and Buzz Aldrin');
    // A list is read from its first name, not from the middle.
    expect(names('The crew were Neil Armstrong, Michael Collins and Buzz Aldrin.')).not.toContain('Michael Collins, and Buzz Aldrin');
  });

  it('GIVEN a name with a title or rank before it, or "of Place" after it THEN the name alone is a candidate too', () => {
    expect(names('Alumni include Microsoft CEO Satya Nadella.')).toEqual(expect.arrayContaining(['Microsoft CEO Satya Nadella', 'Satya Nadella']));
    expect(names('In 1066, Duke William II of Normandy conquered England.')).toEqual(expect.arrayContaining(['Duke William II of Normandy', 'Duke William II', 'William II']));
    expect(names('It was signed by King Harold II at dawn.')).toContain('Harold II');
    // "Battle" of Hastings is no person: no shortened reading.
    expect(names('He fell at the Battle of Hastings.')).not.toContain('Battle');
  });

  it('GIVEN a capitalised word before a number THEN no name of digits alone is a candidate', () => {
    expect(typedCandidates('About 3 million people live there.').filter((c) => c.kind === 'name')).toEqual([]);
  });

  it('GIVEN the span-only readings THEN the typed candidates the sentence model reads stay as they were', () => {
    expect(typedCandidates('The gallery was funded by William and Judith Bollinger.').map((c) => c.text)).toEqual(['William', 'Judith Bollinger']);
  });
});

describe('span candidates: amounts and dates keep their unit, scale and month', () => {
  it('GIVEN amounts and dates THEN the whole amount or date is a candidate of its kind', () => {
    const of = (sentence: string, kind: string): string[] => answerCandidates(sentence, new Set()).filter((c) => c.kind === kind).map((c) => c.text);
    expect(of('The US government demanded $280bn from the tobacco companies.', 'number')).toContain('$280bn');
    expect(of('About 3 million people live there.', 'number')).toEqual(expect.arrayContaining(['3 million', '3 million people']));
    expect(of('Output rose to 1.2 mln tonnes.', 'number')).toContain('1.2 mln tonnes');
    expect(of('He died in March 1987 in Paris.', 'time')).toEqual(['March 1987']);
    // One side of a period or a ratio is no amount: "87" of "1986/87".
    expect(of('Growth in 1986/87 was 2.6 pct.', 'number')).toEqual(['2.6', '2.6 pct']);
  });

  it('GIVEN an amount whose unit the question names THEN unitInQuestion marks it and not the other amounts', () => {
    const v = valuesOf('A bushel of coal weighs 94 pounds, about 42 kg, and costs 3 dollars.', 'What is the weight of a bushel of coal in pounds?', 'unitInQuestion');
    expect(v.get('94 pounds')).toBe(1);
    expect(v.get('94')).toBe(1);
    expect(v.get('3 dollars')).toBe(0);
  });
});

describe('span features: who and where evidence', () => {
  it('GIVEN place names THEN known places, place words and the kind the question asks for are told apart', () => {
    expect(namesKnownPlace(['England'])).toBe(true);
    expect(namesKnownPlace(['United', 'States'])).toBe(true);
    expect(namesKnownPlace(['Normandy'])).toBe(false);
    expect(hasPlaceWord(['Pine', 'Island'])).toBe(true);
    expect(hasPlaceWord(['Maria', 'Lund'])).toBe(false);
    const city = view('What city has the biggest port in Germany?');
    const head = terms('city')[0];
    expect(placeKindMatch(head, ['Duisburg'])).toBe(0);
    expect(placeKindMatch(head, ['Paris'])).toBe(1);
    expect(placeKindMatch(head, ['Europe'])).toBe(-1);
    expect(placeKindMatch(terms('countries')[0], ['France'])).toBe(1);
    expect(valuesOf('Paris is larger than France.', city.text, 'placeKindMatch').get('Paris')).toBe(1);
    expect(valuesOf('Paris is larger than France.', city.text, 'placeKindClash').get('France')).toBe(1);
  });

  it('GIVEN the agent after the question\'s verb ("owned by NDS") THEN only that name is the agent', () => {
    const v = valuesOf('BSkyB uses the VideoGuard system owned by NDS, a Cisco Systems company.', 'Who is VideoGuard owned by?', 'agentOfRelation');
    expect(v.get('NDS')).toBe(1);
    expect(v.get('BSkyB')).toBe(0);
    expect(v.get('Cisco Systems')).toBe(0);
  });

  it('GIVEN a subject question THEN the name right before the question\'s verb is its subject; an object question reads the name after it', () => {
    const subject = valuesOf('In 1066, Duke William II of Normandy killed King Harold II at Hastings.', 'Who killed Harold II?', 'subjectOfRelation');
    expect(subject.get('Duke William II of Normandy')).toBe(1);
    expect(subject.get('Hastings')).toBe(0);
    const object = valuesOf('Emma married King Ethelred II of England in 1002.', 'Who did Emma marry?', 'objectOfRelation');
    expect(object.get('King Ethelred II of England')).toBe(1);
    // The same sentence for a subject question: "Emma" is before the verb, but the question is not asking for an object.
    expect(valuesOf('Emma married King Ethelred II of England in 1002.', 'Who married Ethelred?', 'objectOfRelation').get('King Ethelred II of England')).toBe(0);
  });

  it('GIVEN a role word before the name THEN it is read, and whether the question names the role', () => {
    const sentence = 'Mido was axed by former coach Marco Tardelli after a row.';
    expect(valuesOf(sentence, 'Who axed Mido?', 'roleBefore').get('Marco Tardelli')).toBe(1);
    expect(valuesOf(sentence, 'Who axed Mido?', 'roleInQuestion').get('Marco Tardelli')).toBe(0);
    expect(valuesOf(sentence, 'Which coach axed Mido?', 'roleInQuestion').get('Marco Tardelli')).toBe(1);
    expect(valuesOf('Then-Mayor Hans Tanzler posed with actress Lee Meredith.', 'Who was the mayor?', 'roleInQuestion').get('Hans Tanzler')).toBe(1);
    expect(valuesOf('Then-Mayor Hans Tanzler posed with actress Lee Meredith.', 'Who was the mayor?', 'roleInQuestion').get('Lee Meredith')).toBe(0);
  });

  it('GIVEN joined names, a hyphen-glued word, a locative after the question\'s words, an "of" run and a sentence opener THEN each is marked', () => {
    expect(valuesOf('It was funded by William and Judith Bollinger.', 'Who funded it?', 'coordinated').get('William and Judith Bollinger')).toBe(1);
    expect(valuesOf('It was funded by William and Judith Bollinger.', 'Who funded it?', 'coordinated').get('Judith Bollinger')).toBe(0);
    expect(valuesOf('BSkyB uses the pay-TV system of NDS.', 'Who runs BSkyB?', 'hyphenGlued').get('TV')).toBe(1);
    expect(valuesOf('BSkyB uses the pay-TV system of NDS.', 'Who runs BSkyB?', 'hyphenGlued').get('NDS')).toBe(0);
    const located = valuesOf('The castle of Petrela was located near Deabolis, far from Kanina.', 'Where was Petrela located?', 'relationLocative');
    expect(located.get('Deabolis')).toBe(1);
    expect(located.get('Kanina')).toBe(0);
    expect(valuesOf('Duke Richard II of Normandy ruled.', 'Who ruled?', 'ofRun').get('Duke Richard II of Normandy')).toBe(1);
    expect(valuesOf('Soon the Normans left Italy.', 'Who left Italy?', 'openerWord').get('Soon')).toBe(1);
    expect(valuesOf('Soon the Normans left Italy.', 'Who left Italy?', 'openerWord').get('Normans')).toBe(0);
  });

  it('GIVEN weights that reward a who/where feature THEN the span follows it (the features reach the choice)', () => {
    const sentence = 'BSkyB uses the VideoGuard system owned by NDS, a Cisco Systems company.';
    const q = view('Who is VideoGuard owned by?');
    const weights = (name: (typeof TYPED_SPAN_FEATURES)[number]): AskWeights => {
      const w = SPAN_FEATURES.map((f) => (f === name ? 5 : 0));
      return { ...DEFAULT_ASK_WEIGHTS, span: { features: [...SPAN_FEATURES], weights: { ...DEFAULT_ASK_WEIGHTS.span.weights, person: w } } };
    };
    expect(chooseSpan(sentence, q, weights('agentOfRelation'))?.span.text).toBe('NDS');
    expect(chooseSpan(sentence, q, weights('subjectOfRelation'))?.span.text).not.toBe('NDS');
  });
});

describe('span-only training', () => {
  const DOCS: Array<[string, string]> = [
    ['harbor', 'date 2020-01-01\n\nThe Riverton harbor was built by the Lakeside Shipping Company in 1888.\n\nFerries leave the harbor for Pine Island every hour.\n'],
    ['library', 'date 2020-01-01\n\nThe Riverton library was designed by architect Maria Lund. It opened in Paris in 1921.\n'],
  ];
  const QUESTIONS: GoldQuestion[] = [
    { question: 'Who built the Riverton harbor?', article: 'harbor', paragraph: 1, answers: ['Lakeside Shipping Company'] },
    { question: 'Where do ferries from the harbor go?', article: 'harbor', paragraph: 2, answers: ['Pine Island'] },
    { question: 'Who designed the Riverton library?', article: 'library', paragraph: 1, answers: ['Maria Lund'] },
    { question: 'What opened in 1921?', article: 'library', paragraph: 1, answers: ['Riverton library'] },
  ];
  const tmp = mkdtempSync(join(tmpdir(), 'span-only-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('GIVEN a base weights file THEN only the span model is retrained; the sentence and passage models are kept and it loads', () => {
    const dir = writeArchive(Object.fromEntries(DOCS.map(([id, text]) => [`${id}.txt`, text])));
    try {
      const engine = engineFor(dir);
      const idOf = (name: string): string => engine.index.articles.find((a) => a.id.includes(name))?.id ?? name;
      const questions = QUESTIONS.map((q) => ({ ...q, article: idOf(q.article) }));
      const { weights, report } = trainSpanOnly(engine, questions, DEFAULT_ASK_WEIGHTS, 'tiny (all)', { trees: false });
      expect(report.questions).toBe(4);
      expect(report.spanGroups).toBeGreaterThan(0);
      expect(weights.sentence).toEqual(DEFAULT_ASK_WEIGHTS.sentence);
      expect(weights.passage).toEqual(DEFAULT_ASK_WEIGHTS.passage);
      expect(weights.span.weights.person).not.toEqual(DEFAULT_ASK_WEIGHTS.span.weights.person);
      expect(weights.trainedOn).toBe(`${DEFAULT_ASK_WEIGHTS.trainedOn.replace(/; span model: .*$/, '')}; span model: tiny (all)`);
      // Retraining again names the span's data once, not twice.
      expect(trainSpanOnly(engine, questions, weights, 'tiny (all)', { trees: false }).weights.trainedOn.match(/span model/g)).toHaveLength(1);
      expect(() => parseWeights(JSON.parse(JSON.stringify(weights)))).not.toThrow();
    } finally {
      removeDir(dir);
    }
  });

  it('GIVEN --no-prior (typePrior false) THEN the span model never reads the engine\'s committed prior: prior:kind is 0 in training as when asked', () => {
    const dir = writeArchive(Object.fromEntries(DOCS.map(([id, text]) => [`${id}.txt`, text])));
    try {
      const engine = engineFor(dir);
      expect(engine.askWeights.typePrior).toBeDefined();
      const idOf = (name: string): string => engine.index.articles.find((a) => a.id.includes(name))?.id ?? name;
      const questions = QUESTIONS.map((q) => ({ ...q, article: idOf(q.article) }));
      const { weights } = trainSpanOnly(engine, questions, DEFAULT_ASK_WEIGHTS, 'tiny (all)', { trees: false, typePrior: false });
      expect(weights.typePrior).toBeUndefined();
      const k = SPAN_FEATURES.indexOf('prior:kind');
      // A feature that reads 0 on every training row learns no weight.
      for (const w of Object.values(weights.span.weights)) expect(w[k]).toBe(0);
      // With the prior (the default) the same fixture does learn one: the check above can fail.
      const withPrior = trainSpanOnly(engine, questions, DEFAULT_ASK_WEIGHTS, 'tiny (all)', { trees: false }).weights;
      expect(Object.values(withPrior.span.weights).some((w) => w[k] !== 0)).toBe(true);
    } finally {
      removeDir(dir);
    }
  });

  it('GIVEN --span-only on the script THEN it keeps the --out file\'s sentence model; with --sentence-pool or an unreadable base it says why', () => {
    const docs = join(tmp, 'docs.jsonl');
    const questions = join(tmp, 'questions.jsonl');
    writeFileSync(docs, DOCS.map(([id, text]) => JSON.stringify({ id, paragraphs: text.split('\n\n').slice(1).map((p) => p.trim()) })).join('\n'));
    writeFileSync(questions, QUESTIONS.map((q) => JSON.stringify({ question: q.question, doc_id: q.article, paragraph_index: q.paragraph - 1, answers: q.answers })).join('\n'));
    const out = join(tmp, 'weights.json');
    const base = { ...DEFAULT_ASK_WEIGHTS, sentence: { ...DEFAULT_ASK_WEIGHTS.sentence, weights: DEFAULT_ASK_WEIGHTS.sentence.weights.map((_, i) => i / 100) } };
    writeFileSync(out, JSON.stringify(base));
    const script = (...extra: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'train-ask.ts'), docs, questions, '--out', out, ...extra], { cwd: ROOT, encoding: 'utf8' });
    const run = script('--span-only', '--linear');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/span model trained on 4 questions .* sentence and passage models kept/);
    const written = parseWeights(JSON.parse(readFileSync(out, 'utf8')));
    expect(written.sentence.weights).toEqual(base.sentence.weights);
    expect(written.trainedOn).toMatch(/span model: questions\.jsonl \(all\)$/);
    expect(script('--span-only', '--sentence-pool', '2').stderr).toMatch(/--sentence-pool trains the sentence model, which --span-only keeps/);
    writeFileSync(out, '{ not json');
    const bad = script('--span-only');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--span-only keeps the sentence and passage models of .*weights\.json, which cannot be read/);
  });
});
