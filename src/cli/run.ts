import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { CommandContext, CommandSpec } from '../commands/command.js';
import { parseOptions } from '../commands/options.js';
import { loadCommands } from '../commands/registry.js';
import { ConfigError, readConfig, type Config, type Env } from '../config.js';
import { isUserError, SetupError, UserError } from '../errors.js';
import type { Logger } from '../log.js';
import { LiveArchive } from '../live/live-archive.js';
import { openEngine } from '../open.js';
import { optionsFromArgs, parseArgs, type ParsedArgs } from './args.js';
import { writeOut } from './out.js';
import { commandHelp, IMPORT_HELP } from './help.js';
import { userPath } from './paths.js';
import { resolveCommandName, resolveOptionNames } from './suggest.js';
import { ProgressBar, type ProgressSink } from './progress.js';
import { createCliLogger } from './terminal-log.js';

export interface CliIO {
  stdout: { write(s: string): unknown };
  /** Progress bars and human-readable logs when it is a terminal (`isTTY`). */
  stderr: ProgressSink;
  stdin: Readable;
  /** The environment, `.env` included (see `loadEnv`). */
  env: Env;
}

export const EXIT = { ok: 0, badInput: 1, badSetup: 2, bug: 3 } as const;

/** Runs one command line; returns the exit code. Everything it needs is injected. */
export async function runCli(argv: readonly string[], io: CliIO, log?: Logger): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    return fail(io, e);
  }
  // `import` writes files and needs neither the index nor the commands (nor discord.js).
  if (args.command?.toLowerCase() === 'import') {
    if (args.flags.help) return void io.stdout.write(IMPORT_HELP), EXIT.ok;
    return importCommand(args, io);
  }
  const commands = await loadCommands();
  if (args.command === undefined) {
    io.stdout.write(usage(commands));
    return args.flags.help ? EXIT.ok : EXIT.badInput;
  }
  let name: string;
  try {
    // Command names match whatever their case; a typo gets the name it probably meant.
    name = resolveCommandName(args.command, [...commands.keys(), ...BUILT_IN]);
    if (name === 'help' || args.flags.help) {
      const topic = name === 'help' ? args.positional[0] : name;
      io.stdout.write(topic === undefined ? usage(commands) : helpOf(resolveCommandName(topic, [...commands.keys(), ...BUILT_IN]), commands));
      return EXIT.ok;
    }
  } catch (e) {
    return fail(io, e);
  }
  let config: Config;
  try {
    // A missing archive is a setup problem the loader reports (exit 2); every other bad variable is named here.
    config = readConfig({ ...io.env, ...(args.flags.archive !== undefined ? { ARCHIVE_DIR: userPath(args.flags.archive, io.env) } : {}) }, { archive: false, logLevel: 'warn' });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr.write(`${e.message}\n`);
    return EXIT.badInput;
  }
  let ctx: CommandContext;
  const bar = new ProgressBar(io.stderr);
  try {
    const archiveDir = config.archiveDir;
    // Paths typed on the command line are the user's, from where they stand.
    const cachePath = args.flags.cache !== undefined ? userPath(args.flags.cache, io.env) : config.cachePath;
    const logger = log ?? createCliLogger(config.logLevel, io.stderr, () => bar.clear());
    const { maxArticleBytes } = config;
    // Lazy: what a command does not use (MiniSearch for `stats`, the quotes for `search`) is never restored.
    const opened = openEngine({ archiveDir, cachePath, log: logger, maxArticleBytes, progress: bar.update, lazy: true });
    bar.clear();
    ctx = new LiveArchive(opened, { archiveDir, cachePath, log: logger, maxArticleBytes }).ctx;
    ctx.progress = (message) => void io.stderr.write(`${message}…\n`);
  } catch (e) {
    bar.clear();
    return fail(io, e);
  }
  if (name === 'batch') return runBatch(ctx, commands, io);
  try {
    const command = commands.get(name);
    if (!command) throw new Error(`cli: command ${name} vanished from the registry`);
    const raw = resolveOptionNames(name, command.options, optionsFromArgs(name, command.options, args), GLOBAL_OPTIONS);
    const options = parseOptions(name, command.options, raw);
    if (args.flags.out !== undefined && !command.files) throw new UserError(`--out: ${name} makes no file to write`, 'bad-option');
    const result = await command.run(ctx, options);
    const wrote = args.flags.out !== undefined ? writeOut(command, result, userPath(args.flags.out, io.env)) : undefined;
    io.stdout.write(args.flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${command.renderText(result)}\n`);
    if (wrote && !args.flags.json) io.stdout.write(`${wrote}\n`);
    return EXIT.ok;
  } catch (e) {
    return fail(io, e);
  }
}

/** `import` writes archive files; it needs no index, so it runs before one is opened. */
async function importCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  try {
    const archiveDir = args.flags.archive !== undefined ? userPath(args.flags.archive, io.env) : io.env.ARCHIVE_DIR || 'seeds';
    // Loaded on demand: the HTML and XML parsers are not needed by any other command.
    const { runImport } = await import('./import.js');
    const bar = new ProgressBar(io.stderr);
    const { report, text } = runImport(args, archiveDir, (p) => userPath(p, io.env), (done, total) => bar.update('importing', done, total));
    bar.clear();
    io.stdout.write(args.flags.json ? `${JSON.stringify(report, null, 2)}\n` : `${text}\n`);
    return report.skipped.length > 0 ? EXIT.badInput : EXIT.ok;
  } catch (e) {
    return fail(io, e);
  }
}

function fail(io: CliIO, e: unknown): number {
  if (isUserError(e)) {
    io.stderr.write(`error: ${e.message}\n`);
    return EXIT.badInput;
  }
  if (e instanceof SetupError) {
    io.stderr.write(`error: ${e.message}\n`);
    return EXIT.badSetup;
  }
  io.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return EXIT.bug;
}

/** One JSON request a line in, one response a line out, in order; bad lines don't stop it. */
export async function runBatch(ctx: CommandContext, commands: ReadonlyMap<string, CommandSpec>, io: CliIO): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    io.stdout.write(`${JSON.stringify(await answerLine(ctx, commands, line, n))}\n`);
  }
  return EXIT.ok;
}

type BatchResponse = { id: unknown; ok: true; result: unknown } | { id: unknown; ok: false; error: string };

export async function answerLine(ctx: CommandContext, commands: ReadonlyMap<string, CommandSpec>, line: string, lineNo: number): Promise<BatchResponse> {
  let req: unknown;
  try {
    req = JSON.parse(line);
  } catch {
    return { id: null, ok: false, error: `line ${lineNo}: not JSON` };
  }
  if (typeof req !== 'object' || req === null || Array.isArray(req)) return { id: null, ok: false, error: `line ${lineNo}: not a JSON object` };
  const id = 'id' in req ? req.id : null;
  try {
    const name = 'command' in req ? req.command : undefined;
    if (typeof name !== 'string') throw new UserError('missing "command"', 'bad-request');
    const command = commands.get(resolveCommandName(name, [...commands.keys()]));
    if (!command) throw new Error(`batch: command ${name} vanished from the registry`);
    const options = 'options' in req ? req.options : {};
    if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
      throw new UserError('"options" must be a JSON object', 'bad-request');
    }
    const result = await command.run(ctx, parseOptions(name, command.options, { ...(options ?? {}) }));
    return { id, ok: true, result };
  } catch (e) {
    if (isUserError(e)) return { id, ok: false, error: e.message };
    return { id, ok: false, error: `internal error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

const BUILT_IN = ['batch', 'import', 'help'];
const GLOBAL_OPTIONS = ['archive', 'cache', 'json', 'out', 'help'];

const BATCH_HELP = `batch — many requests in one process: one JSON object a line in, one a line out, in order

usage: npm run --silent cli -- [--archive DIR] batch < requests.jsonl > responses.jsonl

in : {"id": 7, "command": "search", "options": {"query": "subpoena", "limit": 5}}
out: {"id": 7, "ok": true, "result": {…}}  or  {"id": 8, "ok": false, "error": "unknown article: foo"}

A bad line (not JSON, unknown command, bad option) gets "ok": false and the batch goes on.
Options are the commands' own (see \`npm run --silent cli -- search --help\`).

example:
  printf '%s\\n' '{"id": 1, "command": "stats"}' | npm run --silent cli -- batch
`;

/** `COMMAND --help` / `help COMMAND`. */
function helpOf(name: string, commands: ReadonlyMap<string, CommandSpec>): string {
  if (name === 'batch') return BATCH_HELP;
  if (name === 'import') return IMPORT_HELP;
  const command = commands.get(name);
  return command ? commandHelp(command) : usage(commands);
}

function usage(commands: ReadonlyMap<string, CommandSpec>): string {
  const lines = [
    'usage: npm run --silent cli -- [--archive DIR] [--cache FILE] COMMAND [WORDS…] [--option value…] [--json] [--out FILE]',
    '       npm run --silent cli -- [--archive DIR] batch < requests.jsonl > responses.jsonl',
    '',
    'commands:',
  ];
  for (const c of commands.values()) {
    const opts = Object.entries(c.options)
      .map(([k, o]) => (o.required ? `--${k}` : `[--${k}]`))
      .join(' ');
    lines.push(`  ${c.name.padEnd(10)} ${c.description}${opts ? `\n  ${''.padEnd(10)} ${opts}` : ''}`);
  }
  lines.push(`  ${'batch'.padEnd(10)} JSON Lines requests on stdin, responses on stdout`);
  lines.push(`  ${'import'.padEnd(10)} turn RSS/Atom feeds, saved web pages, JSON Lines or CSV into archive files`);
  lines.push('', 'Help on one command: `npm run --silent cli -- search --help` (or `help search`).');
  lines.push('', 'Loose words fill the first text option: `search city subpoena` = `search --query "city subpoena"`.');
  lines.push('`--out FILE` writes the file a command makes (timeline: its chart as PNG); with --json, stdout stays JSON only.');
  lines.push('Exit codes: 0 ok, 1 bad input, 2 bad archive or setup, 3 internal error.');
  return `${lines.join('\n')}\n`;
}
