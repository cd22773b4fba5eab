import * as fs from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { SetupError } from '../errors.js';
import { runNow, type Sliced } from '../search/slices.js';
import { parseArticle } from './parse.js';
import type { Archive, Article, ArchiveWarning } from './types.js';

export interface ArchiveFile {
  /** Relative path with `/` separators, e.g. `1987/r21578-00001.txt`. */
  path: string;
  size: number;
  mtimeMs: number;
  /** Changes with the permissions too (chmod), which size and mtime do not show. */
  ctimeMs?: number;
  mode?: number;
  /** Why this file or folder is not served (unreadable, too large, a link out of the archive): its warning. */
  skip?: string;
}

export interface ScanOptions {
  /** Files larger than this are skipped with a warning (default DEFAULT_MAX_ARTICLE_BYTES). */
  maxArticleBytes?: number;
}

/**
 * The largest article file read, 1 MiB by default (`MAX_ARTICLE_BYTES`): about 170,000 words, ten
 * times the longest news feature. A larger file is almost surely not an article (a dump, a log),
 * and would hold the bot for seconds while it is parsed, indexed and its quotes extracted.
 */
export const DEFAULT_MAX_ARTICLE_BYTES = 1024 * 1024;

/** The file operations of the loader; tests swap them to simulate permissions root would ignore. */
export const archiveFs: Pick<typeof fs, 'readdirSync' | 'statSync' | 'lstatSync' | 'realpathSync' | 'openSync' | 'fstatSync' | 'readFileSync' | 'closeSync'> = {
  readdirSync: fs.readdirSync,
  statSync: fs.statSync,
  lstatSync: fs.lstatSync,
  realpathSync: fs.realpathSync,
  openSync: fs.openSync,
  fstatSync: fs.fstatSync,
  readFileSync: fs.readFileSync,
  closeSync: fs.closeSync,
};

const decoder = new TextDecoder('utf-8', { fatal: true });
const codeOf = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? 'error';
const megabytes = (n: number): string => `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const byPath = (a: ArchiveFile, b: ArchiveFile): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Lists every `*.txt` file under `dir` (nested folders too), sorted, with size, times and mode.
 * Files and folders that cannot be served are listed too, with `skip` saying why (their warning).
 *
 * Symbolic links: a link is followed only when its target is inside the archive folder, and a
 * file or folder reached twice (through a link, or `ln -s . self`) is listed once, under its own
 * path (links come after the real paths). So nothing outside the folder is ever served and no
 * article appears twice. The live archive applies the same rule by rescanning.
 */
export function scanArchive(dir: string, opts: ScanOptions = {}): ArchiveFile[] {
  return scanTree(dir, '', opts).files;
}

/**
 * Scans `sub` (a relative folder, '' for all) of the archive at `root`. `links`: whether any link
 * was met; a partial scan that meets one cannot tell duplicates, so the caller rescans it all.
 */
export function scanTree(root: string, sub: string, opts: ScanOptions = {}): { files: ArchiveFile[]; links: boolean } {
  const maxBytes = opts.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  let rootReal: string;
  let st: fs.Stats;
  try {
    rootReal = archiveFs.realpathSync(root);
    st = archiveFs.statSync(rootReal);
  } catch (e) {
    if (codeOf(e) === 'ENOENT' || codeOf(e) === 'ENOTDIR') throw new SetupError(`archive folder not found: ${root}`);
    throw new SetupError(`archive folder cannot be read (${codeOf(e)}): ${root}`);
  }
  if (!st.isDirectory()) throw new SetupError(`archive path is not a folder: ${root}`);
  const files: ArchiveFile[] = [];
  const seen = new Set<string>();
  const key = (s: fs.Stats): string => `${s.dev}:${s.ino}`;
  const inside = (real: string): boolean => {
    const rel = relative(rootReal, real);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  const links: Array<{ rel: string; full: string }> = [];

  const addFile = (rel: string, s: fs.Stats): void => {
    if (seen.has(key(s))) return;
    seen.add(key(s));
    files.push(fileEntry(rel, s, maxBytes));
  };
  const walk = (rel: string, full: string, s: fs.Stats): void => {
    if (seen.has(key(s))) return;
    seen.add(key(s));
    let entries: fs.Dirent[];
    try {
      entries = archiveFs.readdirSync(full, { withFileTypes: true });
    } catch (e) {
      if (rel === '') throw new SetupError(`archive folder cannot be read (${codeOf(e)}): ${root}`);
      files.push({ path: rel, size: 0, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, mode: s.mode & 0o7777, skip: `unreadable folder (${codeOf(e)}); skipped with everything in it` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const folders: Array<[string, string, fs.Stats]> = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const childFull = join(full, entry.name);
      if (entry.isSymbolicLink()) links.push({ rel: childRel, full: childFull });
      else if (entry.isDirectory() || (entry.isFile() && entry.name.endsWith('.txt'))) {
        let cs: fs.Stats;
        try {
          cs = archiveFs.statSync(childFull);
        } catch {
          continue; // Gone between the listing and now.
        }
        if (cs.isDirectory()) folders.push([childRel, childFull, cs]);
        else addFile(childRel, cs);
      }
    }
    for (const [r, f, cs] of folders) walk(r, f, cs);
  };

  const start = sub ? join(rootReal, ...sub.split('/')) : rootReal;
  let startStat: fs.Stats;
  try {
    startStat = archiveFs.statSync(start);
  } catch {
    return { files: [], links: false };
  }
  walk(sub, start, startStat);
  // Links last, so a file is listed under its own path; a link's folder may hold more links.
  for (let i = 0; i < links.length; i++) {
    const link = links[i];
    if (!link) continue;
    let real: string;
    let s: fs.Stats;
    try {
      real = archiveFs.realpathSync(link.full);
      s = archiveFs.statSync(real);
    } catch (e) {
      if (link.rel.endsWith('.txt')) files.push({ path: link.rel, size: 0, mtimeMs: 0, skip: `broken symbolic link (${codeOf(e)}); skipped` });
      continue;
    }
    if (!inside(real)) {
      if (s.isDirectory() || link.rel.endsWith('.txt')) {
        files.push({ path: link.rel, size: 0, mtimeMs: 0, skip: 'symbolic link to outside the archive folder; not followed' });
      }
      continue;
    }
    if (s.isDirectory()) walk(link.rel, link.full, s);
    else if (s.isFile() && link.rel.endsWith('.txt')) addFile(link.rel, s);
  }
  files.sort(byPath);
  return { files, links: links.length > 0 };
}

/** The scan's entry for one file, from its stat. */
export function fileEntry(path: string, s: fs.Stats, maxBytes = DEFAULT_MAX_ARTICLE_BYTES): ArchiveFile {
  const f: ArchiveFile = { path, size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, mode: s.mode & 0o7777 };
  if (s.size > maxBytes) f.skip = tooLarge(s.size, maxBytes);
  return f;
}

const tooLarge = (size: number, maxBytes: number): string => `too large (${megabytes(size)}; the limit is MAX_ARTICLE_BYTES = ${megabytes(maxBytes)}); skipped`;

/** Whether two scans of a file agree (else it is read again): size, times, permissions, skip reason. */
export const sameFile = (a: ArchiveFile, b: ArchiveFile): boolean =>
  a.size === b.size &&
  Math.round(a.mtimeMs) === Math.round(b.mtimeMs) &&
  Math.round(a.ctimeMs ?? 0) === Math.round(b.ctimeMs ?? 0) &&
  a.mode === b.mode &&
  a.skip === b.skip;

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

/** Reads and parses one file of the archive (the size limit holds even if it grew since the scan). */
export function loadArticleFile(dir: string, path: string, opts: ScanOptions = {}): { article?: Article; warnings: ArchiveWarning[] } {
  const maxBytes = opts.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  let bytes: Uint8Array;
  let fd: number | undefined;
  try {
    fd = archiveFs.openSync(join(dir, path), 'r');
    const size = archiveFs.fstatSync(fd).size;
    if (size > maxBytes) return { warnings: [{ file: path, message: tooLarge(size, maxBytes) }] };
    bytes = archiveFs.readFileSync(fd);
  } catch (e) {
    return { warnings: [{ file: path, message: `unreadable (${codeOf(e)}); skipped` }] };
  } finally {
    if (fd !== undefined) archiveFs.closeSync(fd);
  }
  const decoded = decodeArticleBytes(bytes);
  if ('skip' in decoded) return { warnings: [{ file: path, message: decoded.skip }] };
  const { article, warnings } = parseArticle(idFromPath(path), decoded.text);
  if (article.paragraphs.length === 0) return { warnings: [{ file: path, message: 'no text after the header; skipped' }] };
  return { article, warnings: warnings.map((message) => ({ file: path, message })) };
}

/** One scanned entry: an article with its warnings, or only the warning saying why it is skipped. */
export function loadArchiveEntry(dir: string, f: ArchiveFile, opts: ScanOptions = {}): { article?: Article; warnings: ArchiveWarning[] } {
  return f.skip ? { warnings: [{ file: f.path, message: f.skip }] } : loadArticleFile(dir, f.path, opts);
}

/** Files read between two pauses (and progress reports) when the archive is read in slices. */
const READ_SLICE_FILES = 250;

/**
 * Reads every article under `dir` as sliced work (`runNow` or `runSliced`). Bad files become
 * warnings; only a missing or unreadable folder throws.
 */
export function* readingArchive(dir: string, scanned?: ArchiveFile[], opts: ScanOptions = {}, progress?: (done: number, total: number) => void): Sliced<Archive> {
  const files = scanned ?? scanArchive(dir, opts);
  const articles: Article[] = [];
  const warnings: ArchiveWarning[] = [];
  for (const [i, f] of files.entries()) {
    if (i % READ_SLICE_FILES === 0) {
      progress?.(i, files.length);
      if (i > 0) yield;
    }
    const r = loadArchiveEntry(dir, f, opts);
    if (r.article) articles.push(r.article);
    warnings.push(...r.warnings);
  }
  return { dir, articles, warnings };
}

/** Loads every article under `dir` in one go. Bad files become warnings; only a missing or unreadable folder throws. */
export function loadArchive(dir: string, scanned?: ArchiveFile[], opts: ScanOptions = {}, progress?: (done: number, total: number) => void): Archive {
  return runNow(readingArchive(dir, scanned, opts, progress));
}

/** `sep`-separated relative names from the watcher, as archive paths. */
export const archivePath = (name: string): string => name.split(sep).join('/');
