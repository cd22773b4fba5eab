import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RELAID, loadExamples, relaid } from '../../bench/summary-data.js';
import { L2_GRID, trainReport } from '../../bench/train-summary.js';
import { asWeights, oracleLabels } from '../../bench/summary-training.js';
import { FEATURES, TRAINED_WEIGHTS, checkWeights } from '../../src/summary/model.js';
import { summarize } from '../../src/summary/summarize.js';

const dir = mkdtempSync(join(tmpdir(), 'summary-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Two tiny sets of a different layout each: paragraphed reports, and flattened web copy.
function writeSet(name: string, flat: boolean): string {
  const lines: string[] = [];
  for (let i = 0; i < 6; i++) {
    const lead = `The harbour board at Port ${i} approved a new pier costing ${i + 2} million pounds on Tuesday.`;
    const body = [
      lead,
      `Board chairman Liam Walsh${i} said the work would start in spring.`,
      'Fishing boats will use the north quay until then.',
      `Local traders in Port ${i} welcomed the decision on the pier.`,
      'The old pier was damaged by storms last winter.',
    ];
    const text = flat ? `By . Staff Reporter . ${body.join(' ')}` : body.join('\n\n');
    lines.push(JSON.stringify({ id: `${name}-${i}`, title: flat ? null : `Port ${i} pier approved`, text, summary: `Port ${i} harbour board approved a new pier costing ${i + 2} million pounds.` }));
  }
  const path = join(dir, `${name}.jsonl`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('summary model', () => {
  it('GIVEN the committed weights THEN they load, name every feature and score articles', () => {
    expect(TRAINED_WEIGHTS.features).toEqual([...FEATURES]);
    expect(TRAINED_WEIGHTS.weights.every(Number.isFinite)).toBe(true);
    const file: unknown = JSON.parse(readFileSync(new URL('../../src/summary/weights.json', import.meta.url), 'utf8'));
    expect(checkWeights(file).weights).toEqual(TRAINED_WEIGHTS.weights);
  });

  it('GIVEN a weights file of the wrong shape THEN it is refused with a reason', () => {
    expect(() => checkWeights({ features: ['bias'], weights: [1] })).toThrow(/expected/);
    expect(() => checkWeights({ features: [...FEATURES], weights: FEATURES.map(() => Number.NaN) })).toThrow(/finite/);
  });

  it('GIVEN sentences and a reference THEN the oracle labels the sentences that rebuild it', () => {
    expect(oracleLabels(['Cats sleep all day.', 'The pier was approved by the board.', 'Rain fell.'], 'The board approved the pier.')).toEqual([0, 1, 0]);
  });

  it('GIVEN two tiny sets THEN retraining gives finite weights that favour the sentence the references repeat', () => {
    const examples = [...loadExamples(writeSet('paragraphed', false)), ...loadExamples(writeSet('flattened', true))];
    expect(examples).toHaveLength(12);
    const report = trainReport(examples, 2, null, 2);
    expect(report.l2Table.map((t) => t.l2)).toEqual(L2_GRID);
    expect(L2_GRID).toContain(report.l2);
    expect(report.l2Table.find((t) => t.l2 === report.l2)?.worst).toBe(Math.max(...report.l2Table.map((t) => t.worst)));
    expect(report.weights).toHaveLength(FEATURES.length);
    for (const s of report.heldOut) expect(s.rouge1.min).toBeLessThanOrEqual(s.rouge1.mean);
    expect(report.weights.every(Number.isFinite)).toBe(true);
    expect(report.heldOut.map((s) => s.set).sort()).toEqual(['flattened', 'paragraphed']);
    expect(report.crossSet).toHaveLength(2);
    const weights = checkWeights(JSON.parse(JSON.stringify(asWeights(report.weights))));
    const ex = examples.find((e) => e.set === 'flattened');
    if (!ex) throw new Error('no example');
    const summary = summarize(ex.article, { sentences: 1, weights });
    expect(summary.sentences[0]?.text).toMatch(/^The harbour board at Port \d approved/);
  });
});

describe('re-laid copies', () => {
  it('GIVEN a flattened article THEN its copy has paragraphs of two sentences, the same id and words; a paragraphed one has none', () => {
    const [flat] = loadExamples(writeSet('flat-copy', true));
    const [paragraphed] = loadExamples(writeSet('para-copy', false));
    if (!flat || !paragraphed) throw new Error('no example');
    const copy = relaid(flat);
    expect(copy?.set).toBe(`flat-copy${RELAID}`);
    expect(copy?.article.id).toBe(flat.article.id);
    expect(copy?.article.paragraphs.length).toBeGreaterThan(1);
    expect(copy?.article.paragraphs.join(' ')).toBe(flat.article.paragraphs.join(' '));
    expect(copy?.article.paragraphs[2]).toBe('Fishing boats will use the north quay until then. Local traders in Port 0 welcomed the decision on the pier.');
    expect(relaid(paragraphed)).toBeNull();
  });
});

describe('train:summary input', () => {
  it('GIVEN bad options THEN each is refused with a message naming it', async () => {
    const { parseArgs } = await import('../../bench/train-summary.js');
    expect(() => parseArgs([])).toThrow(/usage: npm run train:summary/);
    expect(() => parseArgs(['a.jsonl', '--folds', '1'])).toThrow(/--folds must be a whole number of at least 2/);
    expect(() => parseArgs(['a.jsonl', '--l2', '-1'])).toThrow(/--l2 must be a number of at least 0/);
    expect(() => parseArgs(['a.jsonl', '--splits', '0'])).toThrow(/--splits must be a whole number of at least 1/);
    expect(parseArgs(['a.jsonl', '--l2', '0.5', '--splits', '2'])).toMatchObject({ l2: 0.5, splits: 2 });
    expect(() => parseArgs(['a.jsonl', '--out'])).toThrow(/--out needs a value/);
    expect(() => parseArgs(['a.jsonl', '--fold', '3'])).toThrow(/unknown option --fold/);
    expect(parseArgs(['a.jsonl', 'b.jsonl', '--folds', '3'])).toMatchObject({ paths: ['a.jsonl', 'b.jsonl'], folds: 3, l2: null, splits: 5 });
  });

  it('GIVEN a data file with a broken line THEN the error names the file and the line', () => {
    const path = join(dir, 'broken.jsonl');
    writeFileSync(path, `${JSON.stringify({ id: 'a', title: null, text: 'Some text here.', summary: 'Text.' })}\n{not json\n`);
    expect(() => loadExamples(path)).toThrow(/broken\.jsonl: line 2 is not JSON/);
    writeFileSync(path, `${JSON.stringify({ id: 'a', text: 'Some text here.' })}\n`);
    expect(() => loadExamples(path)).toThrow(/line 1 lacks a string id, text or summary/);
  });
});
