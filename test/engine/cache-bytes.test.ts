import { describe, expect, it } from 'vitest';
import { jsonBytes, parseJsonBytes, wordsIn } from '../../src/search/cache-bytes.js';

class Bad extends Error {}

describe('cache bytes (shared by the index cache and the stored digest signatures)', () => {
  it('GIVEN a value THEN its JSON bytes read back as the value, also from the middle of a buffer', () => {
    const value = { café: 'Zürich “quoted”', n: [1, -2, 3.5], none: null };
    const bytes = jsonBytes(value);
    expect(Buffer.from(bytes).toString('utf8')).toBe(JSON.stringify(value));
    const framed = new Uint8Array(bytes.byteLength + 7);
    framed.set(bytes, 4);
    expect(parseJsonBytes(framed.subarray(4, 4 + bytes.byteLength), () => new Bad('no'))).toEqual(value);
  });

  it('GIVEN bytes that are not JSON THEN the caller’s error is thrown', () => {
    expect(() => parseJsonBytes(Buffer.from('["gulf",'), () => new Bad('word list is not JSON'))).toThrow(Bad);
    expect(() => parseJsonBytes(new Uint8Array(0), () => new Bad('empty'))).toThrow('empty');
  });

  it('GIVEN whole words THEN they are read in place, signed or not; a part word or an unaligned start is the caller’s error', () => {
    const words = new Uint32Array([7, 0xffffffff, 42]);
    const bytes = new Uint8Array(words.buffer);
    expect([...wordsIn(Uint32Array, bytes, () => new Bad('x'))]).toEqual([7, 0xffffffff, 42]);
    const signed = wordsIn(Int32Array, bytes.subarray(4), () => new Bad('x'));
    expect([...signed]).toEqual([-1, 42]);
    signed[1] = 5;
    expect(words[2]).toBe(5);
    expect(() => wordsIn(Uint32Array, bytes.subarray(0, 10), () => new Bad('bad length'))).toThrow('bad length');
    expect(() => wordsIn(Int32Array, bytes.subarray(2, 10), () => new Bad('unaligned'))).toThrow('unaligned');
  });
});
