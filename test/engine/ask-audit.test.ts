import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ASK_WEIGHTS, SENTENCE_FEATURES } from '../../src/search/ask-model.js';
import { ROOT } from '../spawn.js';

/** Two small articles: one whose answer a sentence boundary cuts ("(Ps. 31:5)"), one plain. */
const DOCS = [
  { id: 'psalm', paragraphs: ['He went to bed quoting a psalm (Ps. 31:5), the prayer of the dying. He died at dawn.'] },
  {
    id: 'bridge',
    paragraphs: ['The old bridge in Dunmore was built of stone in 1820. It was designed by the engineer Maria Lund. The county repaired it in 2006.'],
  },
];
const QUESTIONS = [
  { question: 'Which psalm did he quote before bed?', doc_id: 'psalm', paragraph_index: 0, answers: ['Ps. 31:5'] },
  { question: 'Who designed the old stone bridge in Dunmore?', doc_id: 'bridge', paragraph_index: 0, answers: ['Maria Lund'] },
  { question: 'When did the county repair the bridge?', doc_id: 'bridge', paragraph_index: 0, answers: ['2006'] },
];

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ask-audit-'));
  writeFileSync(join(tmp, 'docs.jsonl'), DOCS.map((d) => JSON.stringify(d)).join('\n'));
  writeFileSync(join(tmp, 'questions.jsonl'), QUESTIONS.map((q) => JSON.stringify(q)).join('\n'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const script = (name: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', name), join(tmp, 'docs.jsonl'), join(tmp, 'questions.jsonl'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('ask audit scripts', () => {
  it('GIVEN an answer a sentence boundary cuts THEN split-answers counts it and shows the cut', () => {
    const run = script('split-answers.ts', '--show', '5');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/questions 3 {2}paragraph holds an answer 3 \(1\.0000\) {2}one sentence holds it 2 \(0\.6667\) {2}cut by splitting 1 \(0\.3333\)/);
    expect(run.stdout).toMatch(/Which psalm did he quote before bed\?\n {2}answer: Ps\. 31:5\n {2}cut: ….*\(Ps\. ‖ {2}31:5\)/);
  });

  it('GIVEN eval:ask --dump THEN every line is a right-passage, wrong-sentence question with both sentences\' named features', () => {
    const out = join(tmp, 'dump.jsonl');
    // A pick model that always shows a passage's first sentence: the later answers become right passage, wrong sentence.
    const weights = join(tmp, 'first.json');
    const pick = { features: [...SENTENCE_FEATURES], weights: SENTENCE_FEATURES.map((f) => (f === 'position' ? -10 : 0)) };
    writeFileSync(weights, JSON.stringify({ ...DEFAULT_ASK_WEIGHTS, pick }));
    const run = script('eval-ask.ts', '--dump', out, '--weights', weights);
    expect(run.stderr).toBe('');
    const lines = readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    const wrongSentence = Number(/^all +n +3 +right [\d.]+ +wrong passage [\d.]+ \([\d.]+\) +wrong sentence ([\d.]+)/m.exec(run.stdout)?.[1] ?? Number.NaN);
    expect(lines.length).toBe(Math.round(wrongSentence * 3));
    expect(lines.map((l) => l.question)).toContain('When did the county repair the bridge?');
    const bridge = lines.find((l) => l.question === 'When did the county repair the bridge?');
    expect(bridge).toMatchObject({ type: 'time', chosenAt: 0, goldAt: 2, sentences: 3, gold: 'The county repaired it in 2006.' });
    for (const l of lines) {
      expect(l.chosen).not.toBe(l.gold);
      expect(Object.keys(l.chosenFeatures as object)).toEqual([...SENTENCE_FEATURES]);
      expect(Object.keys(l.goldFeatures as object)).toEqual([...SENTENCE_FEATURES]);
    }
  });
});
