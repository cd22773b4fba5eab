// Writes N replicas of an archive into a folder, for the growth bench: replica 0 is the archive
// as it is, replica k > 0 has every file under `rk/` (distinct ids) with about one word in six
// perturbed (a letter changed, the same way for the same word in the same replica), so the
// vocabulary and postings grow as a larger real archive's would, not as exact copies'.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else if (name.endsWith('.txt')) yield full;
  }
}

/** A small string hash (FNV-1a), so a word is perturbed the same way wherever it appears. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The word, or a variant of it for this replica (about one word in six, never dates or headers). */
function perturb(word: string, replica: number): string {
  if (word.length < 4 || !/^[A-Za-z]+$/.test(word)) return word;
  const h = hash(`${replica}:${word.toLowerCase()}`);
  if (h % 6 !== 0) return word;
  const at = 1 + ((h >>> 3) % (word.length - 1));
  const letter = LETTERS[(h >>> 11) % 26] ?? 'x';
  const replaced = word[at] === word[at]?.toUpperCase() ? letter.toUpperCase() : letter;
  return word.slice(0, at) + replaced + word.slice(at + 1);
}

/** Text with the first line kept (the date header) and the words of the rest perturbed. */
function perturbText(text: string, replica: number): string {
  const nl = text.indexOf('\n');
  const head = nl < 0 ? text : text.slice(0, nl + 1);
  const body = nl < 0 ? '' : text.slice(nl + 1);
  return head + body.replace(/[A-Za-z]+/g, (w) => perturb(w, replica));
}

/** Writes `factor` replicas of `source` under `target`; returns the number of files written. */
export function replicate(source: string, target: string, factor: number): number {
  let n = 0;
  const files = [...walk(source)];
  for (let k = 0; k < factor; k++) {
    for (const file of files) {
      const rel = relative(source, file);
      const out = k === 0 ? join(target, rel) : join(target, `r${k}`, rel);
      mkdirSync(dirname(out), { recursive: true });
      const text = readFileSync(file, 'utf8');
      writeFileSync(out, k === 0 ? text : perturbText(text, k));
      n++;
    }
  }
  return n;
}
