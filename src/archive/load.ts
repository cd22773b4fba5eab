import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SetupError } from '../errors.js';
import { parseArticle } from './parse.js';
import type { Archive, Article, ArchiveWarning } from './types.js';

export interface ArchiveFile {
  /** Relative path with `/` separators, e.g. `1987/r21578-00001.txt`. */
  path: string;
  size: number;
  mtimeMs: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Lists every `*.txt` file under `dir` (nested folders too), sorted, with size and mtime. */
export function scanArchive(dir: string): ArchiveFile[] {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new SetupError(`archive folder not found: ${dir}`);
  }
  if (!st.isDirectory()) throw new SetupError(`archive path is not a folder: ${dir}`);
  const files: ArchiveFile[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && isArticlePath(entry.name)) {
        const s = statSync(full);
        files.push({ path: relative(dir, full).split(sep).join('/'), size: s.size, mtimeMs: s.mtimeMs });
      }
    }
  };
  walk(dir);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return files;
}

export const idFromPath = (path: string): string => path.replace(/\.txt$/, '');

/** Whether a relative path (`/` separators) is one the archive holds: a `.txt` file outside hidden folders. */
export const isArticlePath = (path: string): boolean => path.endsWith('.txt') && !path.split('/').some((part) => part.startsWith('.'));

/** Decodes one file's bytes; a reason string when it must be skipped. */
export function decodeArticleBytes(bytes: Uint8Array): { text: string } | { skip: string } {
  if (bytes.length === 0) return { skip: 'empty file; skipped' };
  if (looksBinary(bytes)) return { skip: 'binary file; skipped' };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { skip: 'not valid UTF-8; skipped' };
  }
  if (text.replace(/^\uFEFF/, '').trim().length === 0) return { skip: 'empty file; skipped' };
  return { text };
}

/** NUL bytes, or many control characters, in the first 8 KB mean "not text". */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > n * 0.1;
}

/** Reads and parses one file of the archive. */
export function loadArticleFile(dir: string, path: string): { article?: Article; warnings: ArchiveWarning[] } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(dir, path));
  } catch (e) {
    return { warnings: [{ file: path, message: `unreadable (${(e as NodeJS.ErrnoException).code ?? 'error'}); skipped` }] };
  }
  const decoded = decodeArticleBytes(bytes);
  if ('skip' in decoded) return { warnings: [{ file: path, message: decoded.skip }] };
  const { article, warnings } = parseArticle(idFromPath(path), decoded.text);
  if (article.paragraphs.length === 0) return { warnings: [{ file: path, message: 'no text after the header; skipped' }] };
  return { article, warnings: warnings.map((message) => ({ file: path, message })) };
}

/** Loads every article under `dir`. Bad files become warnings; only a missing folder throws. */
export function loadArchive(dir: string, files: ArchiveFile[] = scanArchive(dir), progress?: (done: number, total: number) => void): Archive {
  const articles: Article[] = [];
  const warnings: ArchiveWarning[] = [];
  for (const [i, f] of files.entries()) {
    if (progress && i % 250 === 0) progress(i, files.length);
    const r = loadArticleFile(dir, f.path);
    if (r.article) articles.push(r.article);
    warnings.push(...r.warnings);
  }
  return { dir, articles, warnings };
}
