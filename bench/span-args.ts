/**
 * The command line of `bench/eval-span.ts`, checked before the minute-long run starts: every
 * bad value is a message naming the option, not a NaN that silently prints nothing (`--errors
 * x`), a type that trains no trees (`--boost persn`) or a splice that reads a flag as a path.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { DEFAULT_ASK_WEIGHTS, parseWeights } from '../src/search/ask-model.js';
import { ANSWER_TYPES, type AnswerType } from '../src/search/question.js';

export const SPAN_EVAL_USAGE = 'usage: npx tsx bench/eval-span.ts DOCS.jsonl QUESTIONS.jsonl [--boost TYPE,TYPE] [--errors N] [--splice IN OUT]';

export interface SpanEvalArgs {
  docsPath: string;
  questionsPath: string;
  /** Answer types whose span model gets boosted trees. */
  boost: AnswerType[];
  /** How many wrong spans (whose oracle is right) to print. */
  errors: number;
  /** IN's weights document (parsed JSON) and the path to write it with this span model. */
  splice?: { from: string; doc: object; to: string };
}

/** How many values each option takes. */
const OPTIONS: Record<string, number> = { '--boost': 1, '--errors': 1, '--splice': 2 };

function readableFile(path: string, what: string): string | undefined {
  if (!existsSync(path)) return `${what}: no file ${path}`;
  if (!statSync(path).isFile()) return `${what}: ${path} is not a file`;
  return undefined;
}

/** The parsed options, or the message to print (with the usage) when one is bad. */
export function parseSpanEvalArgs(argv: readonly string[]): SpanEvalArgs | { error: string } {
  const positional: string[] = [];
  const values = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const n = OPTIONS[a];
    if (n === undefined) return { error: `unknown option ${a} (options: ${Object.keys(OPTIONS).join(', ')})` };
    if (values.has(a)) return { error: `${a} given twice` };
    const taken = argv.slice(i + 1, i + 1 + n);
    if (taken.length < n || taken.some((v) => v.startsWith('--'))) return { error: `${a} needs ${n === 1 ? 'a value' : `${n} values`}` };
    values.set(a, taken);
    i += n;
  }
  if (positional.length !== 2) return { error: positional.length < 2 ? 'needs the docs and the questions file' : `unexpected argument ${positional[2] ?? ''}` };
  const [docsPath = '', questionsPath = ''] = positional;
  const bad = readableFile(docsPath, 'docs') ?? readableFile(questionsPath, 'questions');
  if (bad) return { error: bad };

  const boost: AnswerType[] = [];
  for (const t of (values.get('--boost')?.[0] ?? '').split(',').filter((x) => x.trim())) {
    const type = t.trim();
    if (!(ANSWER_TYPES as readonly string[]).includes(type)) return { error: `--boost: no answer type "${type}" (types: ${ANSWER_TYPES.join(', ')})` };
    if (!boost.includes(type as AnswerType)) boost.push(type as AnswerType);
  }
  if (values.has('--boost') && boost.length === 0) return { error: `--boost needs a comma-separated list of answer types (${ANSWER_TYPES.join(', ')})` };

  const rawErrors = values.get('--errors')?.[0];
  const errors = rawErrors === undefined ? 0 : Number(rawErrors);
  if (rawErrors !== undefined && (!/^\d+$/.test(rawErrors) || !Number.isSafeInteger(errors))) return { error: `--errors must be a whole number ≥ 0 (got ${rawErrors})` };

  const splice = values.get('--splice');
  if (!splice) return { docsPath, questionsPath, boost, errors };
  const [from = '', to = ''] = splice;
  const missing = readableFile(from, '--splice IN');
  if (missing) return { error: missing };
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(from, 'utf8'));
  } catch {
    return { error: `--splice IN: ${from} is not JSON (a weights file written by train:ask)` };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { error: `--splice IN: ${from} is not a weights object` };
  try {
    // Its span part is replaced; its sentence and passage parts must fit this code, checked now rather than after the run.
    parseWeights({ ...structuredClone(doc), span: DEFAULT_ASK_WEIGHTS.span });
  } catch (e) {
    return { error: `--splice IN: ${from}: ${(e as Error).message}` };
  }
  if (existsSync(to) && !statSync(to).isFile()) return { error: `--splice OUT: ${to} is not a file` };
  return { docsPath, questionsPath, boost, errors, splice: { from, doc, to } };
}
