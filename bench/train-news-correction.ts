/**
 * Fits the news correction (src/search/news-correction.ts) on top of a weights file's passage
 * model and writes the weights with it: each news question file is asked over its corpus, the
 * L2 strength is chosen by leaving one question out at a time (or one file, `--validate file`): the
 * best held-out total (or, `--rule one-se`, the strongest within one standard error of it); the
 * weights are then fit on all files.
 * Retraining the passage model (train:ask) drops the correction; run this again after it.
 * It refuses the unseen measures (bench/news-ask.ts UNSEEN_NEWS_FILES: files 2, 5, 7, 10 and 11).
 *
 *   npm run train:news-correction -- --news FILE,FILE[,FILE] --news-corpus DIR[,DIR] [--weights IN.json] [--out OUT.json] [--validate question|file] [--rule best|one-se]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchive } from '../src/archive/load.js';
import { Engine } from '../src/engine.js';
import { parseWeights, type AskWeights } from '../src/search/ask-model.js';
import { PassageIndex } from '../src/search/index.js';
import { CORRECTION_FEATURES, chooseCorrection, passageFingerprint, type CorrectionRule, type CorrectionValidation } from '../src/search/news-correction.js';
import { correctionGroups } from '../src/search/news-correction-train.js';
import { readNewsQuestions, refuseUnseen, type NewsQuestion } from './news-ask.js';
import { weightsText } from './weights-text.js';

const USAGE = 'usage: npm run train:news-correction -- --news FILE,FILE[,FILE] --news-corpus DIR[,DIR] [--weights IN.json] [--out OUT.json] [--validate question|file] [--rule best|one-se]';
const VALUED = ['--news', '--news-corpus', '--weights', '--out', '--validate', '--rule'];

export function parseArgs(args: readonly string[]): { files: string[]; dirs: string[]; weights: string; out: string; validate: CorrectionValidation; rule: CorrectionRule } {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!VALUED.includes(a)) throw new Error(a.startsWith('--') ? `unknown option ${a}\n${USAGE}` : `unexpected argument ${a}\n${USAGE}`);
    const v = args[++i];
    if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
    if (values.has(a)) throw new Error(`${a} is given twice: list several with commas`);
    values.set(a, v);
  }
  const files = values.get('--news')?.split(',').filter(Boolean) ?? [];
  const dirs = values.get('--news-corpus')?.split(',').filter(Boolean) ?? [];
  if (files.length < 2) throw new Error(`--news needs at least two question files, comma-separated (the held-out totals are reported per file, and --validate file leaves one out at a time)\n${USAGE}`);
  if (dirs.length === 0) throw new Error('--news-corpus DIR[,DIR] is needed: the archives the questions are asked over (their "corpus" is the folder name)');
  const committed = fileURLToPath(new URL('../src/search/ask-weights.json', import.meta.url));
  const weights = values.get('--weights') ?? committed;
  const validate = values.get('--validate') ?? 'question';
  if (validate !== 'question' && validate !== 'file') throw new Error(`--validate must be question or file (got ${validate})`);
  const rule = values.get('--rule') ?? 'best';
  if (rule !== 'best' && rule !== 'one-se') throw new Error(`--rule must be best or one-se (got ${rule})`);
  return { files, dirs, weights, out: values.get('--out') ?? weights, validate, rule };
}

function main(): void {
  const { files, dirs, weights: weightsPath, out, validate, rule } = parseArgs(process.argv.slice(2));
  const raw: unknown = JSON.parse(readFileSync(weightsPath, 'utf8'));
  // The correction is fit again here: a stale one (other features, another passage model) would
  // only make parseWeights refuse the file, and none is read to fit the new one.
  if (typeof raw === 'object' && raw !== null) delete (raw as { newsCorrection?: unknown }).newsCorrection;
  const weights: AskWeights = parseWeights(raw);
  const perFile: NewsQuestion[][] = files.map((f) => {
    const questions = readNewsQuestions(f);
    refuseUnseen(f, questions);
    return questions;
  });
  const byCorpus = new Map(dirs.map((d) => [basename(d.replace(/\/+$/, '')), d]));
  const missing = [...new Set(perFile.flat().map((q) => q.corpus))].filter((c) => !byCorpus.has(c));
  if (missing.length > 0) throw new Error(`--news: questions ask about corpus ${missing.join(', ')}, which no --news-corpus folder is named (given: ${[...byCorpus.keys()].join(', ')})`);
  const engines = new Map<string, Engine>();
  for (const [corpus, dir] of byCorpus) {
    if (!perFile.flat().some((q) => q.corpus === corpus)) continue;
    if (!existsSync(dir)) throw new Error(`--news-corpus: ${dir} does not exist`);
    const archive = loadArchive(dir);
    const engine = new Engine(archive, PassageIndex.build(archive.articles));
    engine.askWeights = weights;
    engines.set(corpus, engine);
  }
  const groups = perFile.map((questions) =>
    correctionGroups(
      [...engines].map(([corpus, engine]) => ({ engine, questions: questions.filter((q) => q.corpus === corpus) })),
      weights,
    ),
  );
  const choice = chooseCorrection(groups, undefined, validate, rule);
  console.log(`news correction over ${weightsPath}: ${choice.groups} questions asked from ${files.map((f) => basename(f)).join(', ')}`);
  const left = validate === 'question' ? 'leave one question out' : 'leave one file out';
  const how = rule === 'one-se' ? 'the strongest L2 within one standard error of the best total' : 'the strongest L2 with the best total';
  console.log(`${left} (left-out questions with a right passage on top, per file; ${how} is chosen):`);
  for (const row of choice.table) {
    console.log(`  l2 ${String(row.l2).padEnd(8)} ${row.heldOut.join(' / ')}  total ${row.total} (se ${row.se.toFixed(1)})${row.l2 === choice.l2 ? '  <- chosen' : ''}`);
  }
  if (rule === 'one-se') console.log(`  threshold (best less one standard error): ${choice.threshold.toFixed(1)}`);
  console.log(`all files, in sample: right passage on top ${choice.before} -> ${choice.after} of ${choice.groups}`);
  const { newsCorrection: _old, ...rest } = weights;
  if (!Number.isFinite(choice.l2)) {
    writeFileSync(out, weightsText(rest as AskWeights) + '\n');
    console.log(`no correction kept (none at all does as well on the left-out questions): ${out} written without one`);
    return;
  }
  console.log(`weights: ${CORRECTION_FEATURES.map((f, i) => `${f} ${choice.weights[i]}`).join(', ')}`);
  const label = `${files.map((f) => basename(f)).join(', ')} (${choice.groups} questions, l2 ${choice.l2} by ${left.replace(/ /g, '-')}${rule === 'one-se' ? ' and the one-standard-error rule' : ''})`;
  writeFileSync(out, weightsText({ ...rest, newsCorrection: { features: [...CORRECTION_FEATURES], weights: choice.weights, l2: choice.l2, trainedOn: label, passage: passageFingerprint(weights.passage) } } as AskWeights) + '\n');
  console.log(`-> ${out}`);
}

if (process.argv[1]?.endsWith('train-news-correction.ts')) {
  try {
    main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
