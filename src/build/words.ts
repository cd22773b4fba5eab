// A growing list of 32-bit numbers, the compact form build threads hand each other.

/** A Uint32Array that grows at the end; `done` gives an exact-size copy (its buffer can be transferred). */
export class Words {
  private buf = new Uint32Array(1024);
  length = 0;

  push(n: number): void {
    if (this.length === this.buf.length) {
      const grown = new Uint32Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    this.buf[this.length++] = n;
  }

  done(): Uint32Array {
    return this.buf.slice(0, this.length);
  }
}
