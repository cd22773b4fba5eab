import { createInterface } from 'node:readline';
import type { CommandContext, CommandSpec } from '../commands/command.js';
import { parseOptions } from '../commands/options.js';
import { isUserError } from '../errors.js';
import { optionsFromArgs, parseArgs, type ParsedArgs } from './args.js';
import { writeOut } from './out.js';
import { commandHelp, IMPORT_HELP } from './help.js';
import { userPath } from './paths.js';
import { resolveCommandName, resolveOptionNames } from './suggest.js';

/** Splits a console line like a shell would for quoted words: `search "new york" --limit 2`. */
export function splitLine(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

/** Answers one console line with the command's terminal text (or the error's message). */
export async function consoleAnswer(ctx: CommandContext, commands: ReadonlyMap<string, CommandSpec>, line: string, opts: ConsoleOptions = {}): Promise<string> {
  try {
    const args = parseArgs(splitLine(line));
    const name = args.command;
    if (name?.toLowerCase() === 'help' && args.positional[0] !== undefined) return await consoleAnswer(ctx, commands, `${args.positional[0]} --help`, opts);
    if (!name || name.toLowerCase() === 'help') {
      return `commands: ${[...commands.keys()].join(', ')}${opts.archiveDir ? ', import' : ''} (e.g. search subpoena --limit 3; ask who is Henry Lucero?); quit to leave`;
    }
    const known = [...commands.keys(), ...(opts.archiveDir ? ['import'] : [])];
    const resolved = resolveCommandName(name, known);
    if (resolved === 'import' && opts.archiveDir) return args.flags.help ? IMPORT_HELP.trimEnd() : await consoleImport(args, opts.archiveDir, opts.sync);
    const command = commands.get(resolved);
    if (!command) throw new Error(`console: command ${resolved} vanished from the registry`);
    if (args.flags.help) return commandHelp(command).trimEnd();
    const raw = resolveOptionNames(resolved, command.options, optionsFromArgs(resolved, command.options, args));
    const result = await command.run(ctx, parseOptions(resolved, command.options, raw));
    const wrote = args.flags.out !== undefined ? writeOut(command, result, userPath(args.flags.out, process.env)) : undefined;
    if (args.flags.json) return JSON.stringify(result, null, 2);
    return wrote ? `${command.renderText(result)}\n${wrote}` : command.renderText(result);
  } catch (e) {
    if (isUserError(e)) return `error: ${e.message}`;
    throw e;
  }
}

export interface ConsoleOptions {
  /** The archive folder being served: `import` writes into it (no import without it). */
  archiveDir?: string;
  /** Brings the served archive up to date with its folder (the live archive's sync). */
  sync?: () => void;
}

/** `import FILE…` in the console: writes into the served archive, then serves the new articles at once. */
async function consoleImport(args: ParsedArgs, archiveDir: string, sync: (() => void) | undefined): Promise<string> {
  const { runImport } = await import('./import.js');
  const { report, text } = runImport(args, archiveDir, (p) => userPath(p, process.env));
  // The watcher would find the files within a second; syncing now lets the next line see them.
  if (report.added + report.updated > 0) sync?.();
  return args.flags.json ? JSON.stringify(report, null, 2) : text;
}

/** The local console: the bot's commands answered in the terminal, one line at a time. */
export async function runConsole(
  ctx: CommandContext,
  commands: ReadonlyMap<string, CommandSpec>,
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream },
  opts: ConsoleOptions = {},
): Promise<void> {
  const rl = createInterface({ input: io.input, output: io.output, prompt: 'archive> ' });
  const say = (s: string): void => void io.output.write(`${s}\n`);
  say(await consoleAnswer(ctx, commands, 'help', opts));
  rl.prompt();
  for await (const line of rl) {
    const trimmed = line.trim();
    if (trimmed === 'quit' || trimmed === 'exit') break;
    if (trimmed) say(await consoleAnswer(ctx, commands, trimmed, opts));
    rl.prompt();
  }
  rl.close();
}
