import { UserError } from '../errors.js';
import type { OptionsSpec } from '../commands/options.js';

export interface GlobalFlags {
  archive?: string;
  cache?: string;
  json: boolean;
  help: boolean;
  out?: string;
}

export interface ParsedArgs {
  flags: GlobalFlags;
  command?: string;
  /** `--name value` pairs, and the words that were not flags. */
  named: Record<string, string>;
  positional: string[];
}

const GLOBAL_WITH_VALUE = new Set(['archive', 'cache', 'out']);

/** Splits argv into global flags, the command, its `--name value` options and loose words. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const flags: GlobalFlags = { json: false, help: false };
  const named: Record<string, string> = {};
  const positional: string[] = [];
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h' || a === '--help') {
      flags.help = true;
      continue;
    }
    if (a === '--json') {
      flags.json = true;
      continue;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      let value: string;
      if (eq > 0) value = a.slice(eq + 1);
      else {
        const next = argv[i + 1];
        if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UserError(`option --${name} needs a value`, 'bad-option');
        value = next;
        i++;
      }
      if (GLOBAL_WITH_VALUE.has(name)) {
        if (name === 'archive') flags.archive = value;
        else if (name === 'cache') flags.cache = value;
        else flags.out = value;
      } else named[name] = value;
      continue;
    }
    if (command === undefined) command = a;
    else positional.push(a);
  }
  const parsed: ParsedArgs = { flags, named, positional };
  if (command !== undefined) parsed.command = command;
  return parsed;
}

/** The option loose words fill: the first required text option, else the first text option. */
export function firstTextOption(spec: OptionsSpec): string | undefined {
  return Object.entries(spec).find(([, o]) => o.required && o.type === 'string')?.[0] ?? Object.entries(spec).find(([, o]) => o.type === 'string')?.[0];
}

/** Loose words fill the command's first required text option: `search city subpoena`. */
export function optionsFromArgs(command: string, spec: OptionsSpec, args: ParsedArgs): Record<string, string> {
  const raw: Record<string, string> = { ...args.named };
  if (args.positional.length > 0) {
    const target = firstTextOption(spec);
    if (!target) throw new UserError(`${command} takes no words, only options: ${Object.keys(spec).map((k) => `--${k}`).join(' ') || '(none)'}`, 'bad-option');
    if (raw[target] !== undefined) throw new UserError(`${command}: give --${target} or loose words, not both`, 'bad-option');
    raw[target] = args.positional.join(' ');
  }
  return raw;
}
