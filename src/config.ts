import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/** The default cache file for an archive folder: one per folder, so switching archives keeps both. */
export function defaultCachePath(archiveDir: string): string {
  const abs = resolve(archiveDir);
  const tag = createHash('sha256').update(abs).digest('hex').slice(0, 10);
  const base = abs.split(/[\\/]/).filter(Boolean).pop() ?? 'archive';
  return resolve('.cache', `${base.replace(/[^\w.-]/g, '_')}-${tag}.json`);
}
