/**
 * Trains the ask models (passage, sentence, answer span) on SQuAD-style questions and writes
 * the weights JSON the engine loads.
 *
 *   npm run train:ask -- DOCS.jsonl QUESTIONS.jsonl [--part all|train] [--out FILE] [--linear] [--sentence-pool N] [--sentence-folds K] [--passage-variants] [--passage-only WEIGHTS] [--span-only] [--no-prior] [--align-headlines DIR,DIR]
 *
 * The word translation table (align.ts) learns from the questions and their gold answer
 * sentences; `--align-headlines DIR,DIR` also from each news archive's headline / first-sentence
 * pairs (many more paraphrases: "won" / "win", "fell" / "fall", "cut" / "reduction").
 *
 * `--span-only` keeps the sentence and passage models of the --out file (the committed weights
 * by default) and retrains the span model alone, on the gold sentences: a minute or two instead
 * of a quarter of an hour, for span work (the span code reads no sentence or passage feature).
 *
 * The answer-type prior (type-prior.ts) is counted from the questions' gold answers (the training
 * features read it cross-fitted by article); `--no-prior` leaves it out (its features read 0), for an A/B;
 * it is refused with `--passage-only` over a file with a prior, whose span model is kept.
 *
 * `--part train` learns from two articles in three, so `eval:ask --part heldout --weights FILE`
 * measures questions on articles the models never saw. The default output is the committed
 * src/search/ask-weights.json. `--passage-only WEIGHTS` keeps that file's sentence and span
 * models and retrains the passage model alone (for passage features: a fraction of the time).
 *
 * `--news FILE[,FILE] --news-corpus DIR[,DIR] [--news-weight W]` adds news question files
 * (bench/news-questions*.jsonl: question, corpus folder name, expected article, answers) to the
 * PASSAGE model's training: each question is asked over its corpus as the engine asks it, the
 * expected article's paragraphs holding an answer are right, and each such group counts W times
 * (default 1) beside SQuAD's. The sentence, pick and span models learn from SQuAD only. Never
 * train on the file you measure with.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ASK_WEIGHTS, parseWeights, type AskWeights } from '../src/search/ask-model.js';
import { trainAskWeights, trainSpanOnly } from '../src/search/ask-train.js';
import { headlineAlignPairs } from './news-articles.js';
import type { AlignPair } from '../src/search/align.js';
import type { BoostOptions } from '../src/search/boost.js';
import { loadArchive } from '../src/archive/load.js';
import { Engine } from '../src/engine.js';
import { PassageIndex } from '../src/search/index.js';
import type { NewsTraining } from '../src/search/ask-train.js';
import { readNewsQuestions, refuseUnseen } from './news-ask.js';
import { weightsText } from './weights-text.js';
import { openSquad, partOf } from './squad.js';

/**
 * --passage-variants: the passage model's boosting settings also fitted (on the same groups, one
 * weights file each beside --out, the other models the same), for choosing them held out.
 */
const PASSAGE_VARIANTS: Array<{ label: string; boost: Partial<BoostOptions> }> = [
  { label: 'depth2', boost: { depth: 2 } },
  { label: 'depth4', boost: { depth: 4 } },
  { label: 'lambda10', boost: { lambda: 10 } },
  { label: 'minchild16', boost: { minChildWeight: 16 } },
  { label: 'lr005', boost: { learningRate: 0.05, trees: 600 } },
];
const VALUED = ['--part', '--out', '--sentence-pool', '--sentence-folds', '--passage-only', '--align-headlines', '--news', '--news-corpus', '--news-weight'];
const USAGE =
  'usage: npm run train:ask -- DOCS.jsonl QUESTIONS.jsonl [--part all|train] [--out FILE] [--linear] [--sentence-pool N] [--sentence-folds K] [--passage-variants] [--passage-only WEIGHTS] [--span-only] [--no-prior] [--align-headlines DIR,DIR] [--news FILE[,FILE] --news-corpus DIR[,DIR] [--news-weight W]]';

const args = process.argv.slice(2);
const paths = args.filter((a, i) => !a.startsWith('--') && !VALUED.includes(args[i - 1] ?? ''));
const [docsPath, questionsPath] = paths;
if (!docsPath || !questionsPath) {
  console.error(USAGE);
  process.exit(1);
}
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : fileURLToPath(new URL('../src/search/ask-weights.json', import.meta.url));
if (!out) {
  console.error('--out needs a file name');
  process.exit(1);
}
const poolIndex = args.indexOf('--sentence-pool');
const sentencePool = poolIndex >= 0 ? Number(args[poolIndex + 1]) : undefined;
if (sentencePool !== undefined && !(Number.isInteger(sentencePool) && sentencePool >= 0)) {
  console.error('--sentence-pool needs a whole number of passages (0 or more)');
  process.exit(1);
}
const foldsIndex = args.indexOf('--sentence-folds');
const sentenceFolds = foldsIndex >= 0 ? Number(args[foldsIndex + 1]) : undefined;
if (sentenceFolds !== undefined && !(Number.isInteger(sentenceFolds) && sentenceFolds >= 1)) {
  console.error('--sentence-folds needs a whole number of folds (1 or more; 1 scores the passage model\'s training pools with the sentence model that saw them)');
  process.exit(1);
}
const keptIndex = args.indexOf('--passage-only');
let passageOnly: AskWeights | undefined;
if (keptIndex >= 0) {
  const file = args[keptIndex + 1];
  try {
    if (!file || file.startsWith('--')) throw new Error('needs the weights file whose sentence and span models to keep');
    passageOnly = parseWeights(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    console.error(`--passage-only: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
if (passageOnly && sentenceFolds !== undefined) {
  console.error('--sentence-folds fits sentence models without each fold, which --passage-only cannot: it keeps a sentence model fitted elsewhere');
  process.exit(1);
}
if (passageOnly && args.includes('--span-only')) {
  console.error('--passage-only and --span-only each keep the model the other retrains: give one');
  process.exit(1);
}
// The kept file's prior is kept with its span model, which learnt to read it.
if (passageOnly?.typePrior && args.includes('--no-prior')) {
  console.error(`--no-prior trains the span model without a prior, which --passage-only keeps (with ${args[keptIndex + 1] ?? ''}'s prior): give one`);
  process.exit(1);
}
const headlinesIndex = args.indexOf('--align-headlines');
let alignExtra: AlignPair[] = [];
if (headlinesIndex >= 0) {
  const dirs = (args[headlinesIndex + 1] ?? '').split(',').filter(Boolean);
  if (dirs.length === 0 || dirs.some((d) => d.startsWith('--'))) {
    console.error('--align-headlines needs archive folders, comma-separated');
    process.exit(1);
  }
  try {
    alignExtra = headlineAlignPairs(dirs);
  } catch (e) {
    console.error(`--align-headlines: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
const news = newsOptions();
const part = partOf(args);
// A held-out measure of a passage model trained on the training part means nothing over kept
// models that learnt from every question (review 16).
if (passageOnly && part === 'train' && /\(all\)/u.test(passageOnly.trainedOn)) {
  console.error(`--passage-only with --part train: ${args[keptIndex + 1] ?? ''} was trained on all questions (${passageOnly.trainedOn}); give weights trained with --part train`);
  process.exit(1);
}
let base: AskWeights | undefined;
if (args.includes('--span-only')) {
  if (sentencePool !== undefined) {
    console.error('--sentence-pool trains the sentence model, which --span-only keeps');
    process.exit(1);
  }
  if (sentenceFolds !== undefined) {
    console.error('--sentence-folds trains the passage model, which --span-only keeps');
    process.exit(1);
  }
  try {
    // The base's span part may list other features (that is why it is retrained): only its other parts must fit this code.
    base = existsSync(out) ? parseWeights({ ...(JSON.parse(readFileSync(out, 'utf8')) as object), span: DEFAULT_ASK_WEIGHTS.span }) : DEFAULT_ASK_WEIGHTS;
  } catch (e) {
    console.error(`--span-only keeps the sentence and passage models of ${out}, which cannot be read: ${(e as Error).message}`);
    process.exit(1);
  }
}
const squad = openSquad(docsPath, questionsPath, part);
try {
  const started = performance.now();
  if (base) {
    const { weights, report } = trainSpanOnly(squad.engine, squad.questions, base, `${basename(questionsPath)} (${part})`, { trees: !args.includes('--linear'), typePrior: !args.includes('--no-prior') });
    writeFileSync(out, `${weightsText(weights)}\n`);
    console.log(`span model trained on ${report.questions} questions (${part}) in ${((performance.now() - started) / 1000).toFixed(1)} s → ${out}; sentence and passage models kept`);
    console.log(`training accuracy: span ${report.spanAccuracy.toFixed(3)} (${report.spanGroups} groups)`);
    for (const [type, t] of Object.entries(report.spanTrees)) console.log(`span ${type} trees: ${t.chosen} (validation top-1 ${t.validationTop1Before.toFixed(3)} linear → ${t.validationTop1After.toFixed(3)} with trees)`);
    console.log(`span types without the who/where evidence (5-fold cross-validation): ${report.spanWithoutTyped.join(', ') || 'none'}`);
  } else {
    const { weights, report, passageVariants } = trainAskWeights(squad.engine, squad.questions, `${basename(questionsPath)} (${part})`, {
      trees: !args.includes('--linear'),
      typePrior: !args.includes('--no-prior'),
      alignExtra,
      ...(sentencePool === undefined ? {} : { sentencePool }),
      ...(sentenceFolds === undefined ? {} : { sentenceFolds }),
      ...(args.includes('--passage-variants') ? { passageVariants: PASSAGE_VARIANTS.map((v) => v.boost) } : {}),
      ...(passageOnly ? { passageOnly } : {}),
      ...(news ? { news: news.training, newsWeight: news.weight } : {}),
    });
    if (news) weights.trainedOn += `; passage model also on news: ${news.label}`;
    writeFileSync(out, `${weightsText(weights)}\n`);
    console.log(`trained on ${report.questions} questions (${part}) in ${((performance.now() - started) / 1000).toFixed(1)} s → ${out}`);
    console.log(
      passageOnly
        ? `training accuracy: passage ${report.passageAccuracy.toFixed(3)} (${report.passageGroups} groups); sentence and span models kept from ${args[keptIndex + 1] ?? ''}`
        : `training accuracy: passage ${report.passageAccuracy.toFixed(3)} (${report.passageGroups} groups)  sentence ${report.sentenceAccuracy.toFixed(3)} (${report.sentenceGroups})  span ${report.spanAccuracy.toFixed(3)} (${report.spanGroups})`,
    );
    if (!passageOnly) console.log(report.sentenceFolds > 1 ? `passage model trained over out-of-fold sentence scores: ${report.sentenceFolds} folds by article, each scored by a sentence model fitted without it (fold models ${report.sentenceFoldSeconds.toFixed(1)} s)` : 'passage model trained over in-sample sentence scores (--sentence-folds 1)');
    if (report.align) console.log(`word translation table: ${report.align.words} question words from ${report.align.pairs} question / answer-sentence pairs and ${report.align.extra} headline / lead pairs (training features read with ${report.align.folds}-fold cross-fitted tables)`);
    if (report.newsAsked !== undefined) {
      console.log(`news questions (passage model only, weight ${news?.weight ?? 1}): ${report.newsGroups ?? 0} of ${report.newsAsked} asked have a right passage in their pool; training accuracy on those ${(report.newsAccuracy ?? 0).toFixed(3)}`);
    }
    if (report.pickAccuracy !== undefined) console.log(`pick model (the sentence shown, gold paragraphs only): training accuracy ${report.pickAccuracy.toFixed(3)}`);
    for (const [name, t] of [['sentence', report.sentenceTrees], ['pick', report.pickTrees], ['passage', report.passageTrees], ...Object.entries(report.spanTrees).map(([type, r]) => [`span ${type}`, r] as const)] as const) {
      if (t) console.log(`${name} trees: ${t.chosen} (validation top-1 ${t.validationTop1Before.toFixed(3)} linear → ${t.validationTop1After.toFixed(3)} with trees)`);
    }
    for (const [i, v] of (passageVariants ?? []).entries()) {
      const file = variantFile(out, PASSAGE_VARIANTS[i]?.label ?? String(i));
      writeFileSync(file, `${weightsText({ ...weights, passage: v.passage })}\n`);
      console.log(`passage variant ${JSON.stringify(v.boost)}: trees ${v.trees?.chosen ?? 0} (validation top-1 ${(v.trees?.validationTop1Before ?? 0).toFixed(3)} linear → ${(v.trees?.validationTop1After ?? 0).toFixed(3)} with trees) → ${file}`);
    }
    if (!passageOnly) console.log(`span types without the who/where evidence (5-fold cross-validation): ${report.spanWithoutTyped.join(', ') || 'none'}`);
  }
} finally {
  squad.close();
}

/** The weights file of a --passage-variants setting: beside --out, named for the setting. */
function variantFile(outFile: string, label: string): string {
  return outFile.replace(/(\.json)?$/u, `.passage-${label}.json`);
}

/** The value after an option given once (several files go comma-separated in one value). */
function optionValue(name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) fail(`${name} needs a value`);
  if (args.indexOf(name, at + 1) >= 0) fail(`${name} is given twice: list several with commas`);
  return value;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** --news, --news-corpus, --news-weight: the news questions the passage model also learns from, each over its corpus's engine. */
function newsOptions(): { training: NewsTraining[]; weight: number; label: string } | undefined {
  const files = optionValue('--news')?.split(',').filter(Boolean);
  const dirs = optionValue('--news-corpus')?.split(',').filter(Boolean);
  const weightText = optionValue('--news-weight');
  if (!files) {
    if (dirs || weightText !== undefined) fail('--news-corpus and --news-weight go with --news FILE[,FILE]');
    return undefined;
  }
  if (args.includes('--span-only')) fail('--news trains the passage model, which --span-only keeps');
  if (!dirs || dirs.length === 0) fail('--news needs --news-corpus DIR[,DIR]: the archives its questions are asked over (their "corpus" is the folder name)');
  const weight = weightText === undefined ? 1 : Number(weightText);
  if (!(Number.isInteger(weight) && weight >= 1)) fail(`--news-weight needs a whole number of 1 or more (got ${weightText ?? ''})`);
  const questions = files.flatMap((f) => {
    try {
      const read = readNewsQuestions(f);
      refuseUnseen(f, read);
      return read;
    } catch (e) {
      return fail(`--news: ${(e as Error).message}`);
    }
  });
  const byCorpus = new Map(dirs.map((d) => [basename(d.replace(/\/+$/, '')), d]));
  const missing = [...new Set(questions.map((q) => q.corpus))].filter((c) => !byCorpus.has(c));
  if (missing.length > 0) fail(`--news: questions ask about corpus ${missing.join(', ')}, which no --news-corpus folder is named (given: ${[...byCorpus.keys()].join(', ')})`);
  const training: NewsTraining[] = [];
  for (const [corpus, dir] of byCorpus) {
    const asked = questions.filter((q) => q.corpus === corpus);
    if (asked.length === 0) continue;
    if (!existsSync(dir)) fail(`--news-corpus: ${dir} does not exist`);
    const archive = loadArchive(dir);
    const ids = new Set(archive.articles.map((a) => a.id));
    const absent = asked.find((q) => !ids.has(q.article));
    if (absent) fail(`--news: question ${absent.id} names article ${absent.article}, which ${dir} does not hold`);
    training.push({ engine: new Engine(archive, PassageIndex.build(archive.articles)), questions: asked });
  }
  return { training, weight, label: `${files.map((f) => basename(f)).join(', ')} (${questions.length} questions, weight ${weight})` };
}
