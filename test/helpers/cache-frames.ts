// Reads and rewrites index cache files frame by frame, recomputing each frame's checksum: how
// the tests make caches that pass the checksum yet carry edited content.
import { readFileSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';

export interface RawFrame {
  tag: number;
  body: Buffer;
}

export const TAGS = { header: 1, articles: 2, warnings: 3, vocab: 4, passages: 5, terms: 6, titles: 7, feature: 8, end: 9 } as const;
const MAGIC_BYTES = 8;

export function readFrames(path: string): { magic: Buffer; frames: RawFrame[] } {
  const buf = readFileSync(path);
  const frames: RawFrame[] = [];
  for (let at = MAGIC_BYTES; at < buf.length; ) {
    const tag = buf.readUInt32LE(at);
    const length = buf.readUInt32LE(at + 4);
    frames.push({ tag, body: Buffer.from(buf.subarray(at + 12, at + 12 + length)) });
    at += 12 + length;
  }
  return { magic: buf.subarray(0, MAGIC_BYTES), frames };
}

export function writeFrames(path: string, magic: Buffer, frames: readonly RawFrame[]): void {
  const parts: Buffer[] = [magic];
  for (const f of frames) {
    const head = Buffer.alloc(12);
    head.writeUInt32LE(f.tag, 0);
    head.writeUInt32LE(f.body.length, 4);
    head.writeUInt32LE(crc32(f.body), 8);
    parts.push(head, f.body);
  }
  writeFileSync(path, Buffer.concat(parts));
}

export const jsonBody = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), 'utf8');
export const parseBody = (f: RawFrame): unknown => JSON.parse(f.body.toString('utf8'));

/** Rewrites the cache with `edit` applied to its frames (checksums recomputed). */
export function editFrames(path: string, edit: (frames: RawFrame[]) => RawFrame[]): void {
  const { magic, frames } = readFrames(path);
  writeFrames(path, magic, edit(frames));
}
