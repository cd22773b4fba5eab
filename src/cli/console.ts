import { createInterface } from 'node:readline';
import type { CommandContext, CommandSpec } from '../commands/command.js';
import { parseOptions } from '../commands/options.js';
import { isUserError } from '../errors.js';
import { optionsFromArgs, parseArgs } from './args.js';
import { writeOut } from './out.js';

/** Splits a console line like a shell would for quoted words: `search "new york" --limit 2`. */
export function splitLine(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

/** Answers one console line with the command's terminal text (or the error's message). */
export async function consoleAnswer(ctx: CommandContext, commands: ReadonlyMap<string, CommandSpec>, line: string): Promise<string> {
  try {
    const args = parseArgs(splitLine(line));
    const name = args.command;
    if (!name || name === 'help') {
      return `commands: ${[...commands.keys()].join(', ')} (e.g. search subpoena --limit 3; ask who is Henry Lucero?); quit to leave`;
    }
    const command = commands.get(name);
    if (!command) return `unknown command "${name}"; commands: ${[...commands.keys()].join(', ')}`;
    const raw = optionsFromArgs(name, command.options, args);
    const result = await command.run(ctx, parseOptions(name, command.options, raw));
    const wrote = args.flags.out !== undefined ? writeOut(command, result, args.flags.out) : undefined;
    if (args.flags.json) return JSON.stringify(result, null, 2);
    return wrote ? `${command.renderText(result)}\n${wrote}` : command.renderText(result);
  } catch (e) {
    if (isUserError(e)) return `error: ${e.message}`;
    throw e;
  }
}

/** The local console: the bot's commands answered in the terminal, one line at a time. */
export async function runConsole(
  ctx: CommandContext,
  commands: ReadonlyMap<string, CommandSpec>,
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream },
): Promise<void> {
  const rl = createInterface({ input: io.input, output: io.output, prompt: 'archive> ' });
  const say = (s: string): void => void io.output.write(`${s}\n`);
  say(await consoleAnswer(ctx, commands, 'help'));
  rl.prompt();
  for await (const line of rl) {
    const trimmed = line.trim();
    if (trimmed === 'quit' || trimmed === 'exit') break;
    if (trimmed) say(await consoleAnswer(ctx, commands, trimmed));
    rl.prompt();
  }
  rl.close();
}
