import { writeFileSync } from 'node:fs';
import type { CommandSpec } from '../commands/command.js';
import { UserError } from '../errors.js';

/**
 * `--out FILE` (command line and console): writes the file the command made (a chart) and says
 * what it wrote; a command that makes none is a UserError.
 */
export function writeOut(spec: CommandSpec, result: unknown, path: string): string {
  if (!spec.files) throw new UserError(`--out: ${spec.name} makes no file to write`, 'bad-option');
  const file = spec.files(result)[0];
  if (!file) throw new UserError(`--out: ${spec.name} made no file to write`, 'bad-option');
  try {
    writeFileSync(path, file.data);
  } catch (e) {
    throw new UserError(`--out: cannot write ${path}: ${e instanceof Error ? e.message : String(e)}`, 'bad-out');
  }
  return `wrote ${path} (${file.name}, ${file.data.length.toLocaleString('en-US')} bytes)`;
}
