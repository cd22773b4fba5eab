import type { OptionSpec, OptionsSpec } from '../commands/options.js';
import { firstTextOption } from './args.js';

/** What help needs of a command: its spec as declared in `commands/`. */
export interface HelpSpec {
  name: string;
  description: string;
  options: OptionsSpec;
  /** The words after the command name in a realistic call: `city subpoena --from 2020 --limit 3`. */
  example?: string;
  files?: unknown;
}

const CLI = 'npm run --silent cli --';
const DATE_OPTION = /^(date|from|to)$/;

/** The value placeholder of an option: `1-25` for a ranged number, `DATE`, `ID`, `NAME`, `TEXT`. */
function placeholder(name: string, o: OptionSpec): string {
  if (o.type === 'integer') return o.min !== undefined && o.max !== undefined ? `${o.min}-${o.max}` : 'N';
  if (o.type === 'boolean') return 'true|false';
  if (DATE_OPTION.test(name)) return 'DATE';
  if (o.autocomplete === 'article') return 'ID';
  if (o.autocomplete === 'speaker') return 'NAME';
  return 'TEXT';
}

/** What the description does not already say: required, a range, a length limit. */
function notes(name: string, o: OptionSpec, loose: string | undefined): string {
  const out: string[] = [];
  if (o.required) out.push('required');
  if (name === loose) out.push('loose words fill it');
  const hasRange = /\d+\s*[-–]\s*\d+/.test(o.description);
  if (o.type === 'integer' && !hasRange && (o.min !== undefined || o.max !== undefined)) {
    out.push(o.max === undefined ? `at least ${o.min}` : o.min === undefined ? `at most ${o.max}` : `${o.min} to ${o.max}`);
  }
  if (o.maxLength !== undefined) out.push(`at most ${o.maxLength} characters`);
  return out.map((n) => ` · ${n}`).join('');
}

/** `search --help`: usage, every option with its range and default, date forms, an example. */
export function commandHelp(spec: HelpSpec): string {
  const loose = firstTextOption(spec.options);
  const entries = Object.entries(spec.options);
  const usage = entries.map(([k, o]) => {
    const arg = k === loose ? `${k.toUpperCase()}…` : `--${k} ${placeholder(k, o)}`;
    return o.required ? arg : `[${arg}]`;
  });
  const rows: Array<[string, string]> = entries.map(([k, o]) => [`--${k} ${placeholder(k, o)}`, `${o.description}${notes(k, o, loose)}`]);
  rows.push(['--json', 'print the result as one JSON document']);
  if (spec.files) rows.push(['--out FILE', 'write the file it makes (a PNG chart), from the folder you are in']);
  const width = Math.max(...rows.map(([a]) => a.length)) + 2;
  const lines = [
    `${spec.name} — ${spec.description}`,
    '',
    `usage: ${CLI} [--archive DIR] ${spec.name}${usage.length ? ` ${usage.join(' ')}` : ''} [--json]${spec.files ? ' [--out FILE]' : ''}`,
    '',
    'options:',
    ...rows.map(([a, b]) => `  ${a.padEnd(width)}${b}`),
  ];
  if (entries.some(([k]) => DATE_OPTION.test(k))) {
    lines.push('', 'dates: 2020-01-19 (a day), 2020-01 (a month) or 2020 (a year); "from" starts at the start of its period, "to" ends at its end.');
  }
  lines.push('', 'example:', `  ${CLI} ${spec.name}${spec.example ? ` ${spec.example}` : ''}`);
  return `${lines.join('\n')}\n`;
}

/** `import --help`: import is not in the command registry (it is no Discord command). */
export const IMPORT_HELP = `import — turn news as you have it into archive files (front matter, blank-line paragraphs)

usage: ${CLI} [--archive DIR] import FILE… [--format rss|atom|html|jsonl|csv] [--map FIELD=NAME,…] [--json]

  FILE…          feeds, saved web pages, JSON Lines (or a JSON array) or CSV files, or folders of them
  --format NAME  rss, atom, html, jsonl or csv (default: from the extension or the first bytes)
  --map F=N,…    which of your fields (JSON Lines, CSV) fills title, date, url, source, author, body, id;
                 by default each is read by its own name, body also from text, content or description
  --json         print {added, updated, unchanged, skipped: [{file, item, reason}], warnings, articles}

Importing again adds nothing; a changed article rewrites its own file. Bad items are skipped and
named with their file and item; writes are atomic. Exit code 1 when anything was skipped.

example:
  ${CLI} --archive my-news import export.csv --map title=headline,date=published,body=content
`;
