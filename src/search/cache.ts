import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import * as fs from 'node:fs';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ArchiveFile } from '../archive/load.js';

/** Bump when the cache layout or anything the index derives changes. */
export const CACHE_FORMAT = 'archive-bot-index';
export const CACHE_VERSION = 2;

export interface CacheHeader {
  format: string;
  version: number;
  /** Hash of the index settings and feature versions. */
  settings: string;
  /** Hash of the archive's file list, sizes, modification and change times, modes and skip reasons. */
  fingerprint: string;
  /** CRC-32 and length of the payload, so a truncated or corrupt file is never loaded. */
  checksum: string;
}

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** An integrity check, not a security one: CRC-32 is ~5× faster than SHA-256 on a 50 MB cache. */
const checksum = (body: string): string => {
  const bytes = Buffer.from(body, 'utf8');
  return `crc32:${crc32(bytes).toString(16)}:${bytes.length}`;
};

export function archiveFingerprint(files: readonly ArchiveFile[]): string {
  const h = createHash('sha256');
  // ctime and mode too: a chmod that makes a file readable again changes neither size nor mtime.
  for (const f of files) h.update(`${f.path}\t${f.size}\t${Math.round(f.mtimeMs)}\t${Math.round(f.ctimeMs ?? 0)}\t${f.mode ?? ''}\t${f.skip ?? ''}\n`);
  return h.digest('hex');
}

export type CacheRead = { ok: true; payload: unknown } | { ok: false; reason: string };

/** Reads and verifies a cache file; says why when it cannot be used. Never throws. */
export function readCache(path: string, expected: { settings: string; fingerprint: string }): CacheRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'no cache yet' : `cache unreadable (${code ?? 'error'})` };
  }
  const nl = text.indexOf('\n');
  if (nl < 0) return { ok: false, reason: 'cache is truncated or not a cache file' };
  let header: Partial<CacheHeader>;
  try {
    header = JSON.parse(text.slice(0, nl)) as Partial<CacheHeader>;
  } catch {
    return { ok: false, reason: 'cache header is corrupt or not a cache file' };
  }
  if (header.format !== CACHE_FORMAT) return { ok: false, reason: 'not an index cache file' };
  if (header.version !== CACHE_VERSION) return { ok: false, reason: `cache format version ${String(header.version)} (want ${CACHE_VERSION})` };
  if (header.settings !== expected.settings) return { ok: false, reason: 'index settings changed' };
  if (header.fingerprint !== expected.fingerprint) return { ok: false, reason: 'archive changed' };
  const body = text.slice(nl + 1);
  if (checksum(body) !== header.checksum) return { ok: false, reason: 'cache is truncated or corrupt (checksum mismatch)' };
  try {
    return { ok: true, payload: JSON.parse(body) };
  } catch {
    return { ok: false, reason: 'cache payload is corrupt' };
  }
}

/** The file operations of a cache write; tests swap them to simulate a full disk. */
export const cacheFs: Pick<typeof fs, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync'> = {
  openSync: fs.openSync,
  writeSync: fs.writeSync,
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
};

/** Writes the cache atomically: a temp file beside it, flushed, then renamed over it. */
export function writeCache(path: string, header: Omit<CacheHeader, 'format' | 'version' | 'checksum'>, payload: unknown): void {
  const body = JSON.stringify(payload);
  const full: CacheHeader = { format: CACHE_FORMAT, version: CACHE_VERSION, ...header, checksum: checksum(body) };
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    const fd = cacheFs.openSync(tmp, 'w');
    try {
      cacheFs.writeSync(fd, `${JSON.stringify(full)}\n`);
      cacheFs.writeSync(fd, body);
      cacheFs.fsyncSync(fd);
    } finally {
      cacheFs.closeSync(fd);
    }
    cacheFs.renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
