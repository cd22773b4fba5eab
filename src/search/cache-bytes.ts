// The byte forms the index cache (cache.ts) and the parts stored inside its frames
// (summary/signature-store.ts) share: JSON as UTF-8 text, and runs of 32-bit words in this
// machine's byte order (the cache's header records it). A module of its own, so that both use
// one copy without importing each other.

/** A value's JSON as UTF-8 bytes. */
export const jsonBytes = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value), 'utf8');

/** The value of the UTF-8 JSON text in `bytes`; what `invalid` makes is thrown when it is not JSON. */
export function parseJsonBytes(bytes: Uint8Array, invalid: () => Error): unknown {
  try {
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch {
    throw invalid();
  }
}

/**
 * `bytes` read in place as 32-bit words (`Words`: Uint32Array or Int32Array); what `invalid`
 * makes is thrown when they are not whole words at a word boundary of their buffer.
 */
export function wordsIn<W extends Uint32Array | Int32Array>(
  Words: new (buffer: ArrayBufferLike, byteOffset: number, length: number) => W,
  bytes: Uint8Array,
  invalid: () => Error,
): W {
  if (bytes.byteLength % 4 !== 0 || bytes.byteOffset % 4 !== 0) throw invalid();
  return new Words(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}
