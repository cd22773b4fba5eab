import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SlashCommand } from '../discord/define.js';

export const COMMANDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'commands');

function isSlashCommand(x: unknown): x is SlashCommand {
  return typeof x === 'object' && x !== null && 'data' in x && 'execute' in x && 'spec' in x;
}

/**
 * Every command module in `commands/`, by name: the one list the bot, deploy-commands and the
 * command line all read, so adding a file adds the command everywhere.
 */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<Map<string, SlashCommand>> {
  const files = readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  const commands = new Map<string, SlashCommand>();
  for (const f of files) {
    const mod: unknown = await import(pathToFileURL(join(dir, f)).href);
    const command = typeof mod === 'object' && mod !== null && 'default' in mod ? mod.default : undefined;
    if (!isSlashCommand(command)) throw new Error(`commands/${f} does not default-export a command made with defineCommand`);
    if (commands.has(command.spec.name)) throw new Error(`commands/${f}: a command named "${command.spec.name}" already exists`);
    commands.set(command.spec.name, command);
  }
  return commands;
}
