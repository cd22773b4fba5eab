import { existsSync, statSync } from 'node:fs';
import { SetupError, UserError } from '../errors.js';
import { importFiles } from '../import/import.js';
import { parseFieldMap } from '../import/records.js';
import { IMPORT_FORMATS, isImportFormat, type ImportReport } from '../import/types.js';
import { renderImportText } from '../render/import-text.js';
import type { ParsedArgs } from './args.js';

const IMPORT_USAGE = 'import FILE… [--format rss|atom|html|jsonl|csv] [--map title=headline,date=published,…] [--json]';

export interface ImportRun {
  report: ImportReport;
  text: string;
}

/**
 * `import FILE…`: not a Discord command (it writes files), so it runs without an index. Files
 * and the archive are paths the caller has already resolved.
 */
export function runImport(args: ParsedArgs, archiveDir: string, resolvePath: (p: string) => string, progress?: (done: number, total: number) => void): ImportRun {
  const { format, map, ...rest } = args.named;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new UserError(`import: unknown option --${unknown[0]} (options: --format, --map, --json)`, 'bad-option');
  if (format !== undefined && !isImportFormat(format)) {
    throw new UserError(`import: --format must be one of ${IMPORT_FORMATS.join(', ')} (got "${format.slice(0, 40)}")`, 'bad-option');
  }
  if (args.positional.length === 0) throw new UserError(`import: name at least one file; usage: ${IMPORT_USAGE}`, 'missing-option');
  if (existsSync(archiveDir) && !statSync(archiveDir).isDirectory()) throw new SetupError(`archive path is not a folder: ${archiveDir}`);
  const report = importFiles({
    archiveDir,
    files: args.positional,
    resolvePath,
    ...(format !== undefined && isImportFormat(format) ? { format } : {}),
    map: parseFieldMap(map),
    ...(progress ? { progress } : {}),
  });
  return { report, text: renderImportText(report, archiveDir) };
}
