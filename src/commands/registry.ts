import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CommandSpec } from './command.js';

export const COMMANDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'commands');

function isCommandSpec(x: unknown): x is CommandSpec {
  return (
    typeof x === 'object' &&
    x !== null &&
    'name' in x &&
    typeof x.name === 'string' &&
    'options' in x &&
    'run' in x &&
    typeof x.run === 'function' &&
    'renderText' in x &&
    typeof x.renderText === 'function' &&
    'renderDiscord' in x &&
    typeof x.renderDiscord === 'function'
  );
}

/**
 * Every command module in `commands/`, by name: the one list the bot, deploy-commands and the
 * command line all read, so adding a file adds the command everywhere.
 */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<Map<string, CommandSpec>> {
  const files = readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  const commands = new Map<string, CommandSpec>();
  for (const f of files) {
    const mod: unknown = await import(pathToFileURL(join(dir, f)).href);
    const command = typeof mod === 'object' && mod !== null && 'default' in mod ? mod.default : undefined;
    if (!isCommandSpec(command)) throw new Error(`commands/${f} does not default-export a command made with defineCommand`);
    if (commands.has(command.name)) throw new Error(`commands/${f}: a command named "${command.name}" already exists`);
    commands.set(command.name, command);
  }
  return commands;
}
