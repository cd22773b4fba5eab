/**
 * The soak of `bench:load --soak N`: N file changes to probe articles in the served archive while
 * the load runs, and a checker that keeps asking the engine for the probes' marker words. Every
 * answer must be consistent, which a half-applied update would break: each hit's article exists,
 * its title is that article's, its text is that article's cited paragraph, and its highlights lie
 * inside its snippet. (A marker not yet applied may fuzzily match another probe's: that is fine.)
 * It also measures how long a change takes to be searchable.
 */
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LiveArchive } from '../src/live/live-archive.js';
import { percentile } from './fixtures.js';

const PROBES = 20;
const CHECK_EVERY_MS = 15;

export interface SoakReport {
  'file changes made': number;
  'probe queries answered': number;
  'hits checked': number;
  'inconsistent answers': number;
  'changes seen by search': string;
  'write → searchable p50 / p95 / max (ms)': string;
  'final state matches the files': string;
}

/** A copy of the archive to change freely (modification times kept, so its cache still applies). */
export function copyArchive(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'soak-archive-'));
  cpSync(dir, copy, { recursive: true, preserveTimestamps: true });
  return copy;
}

interface Probe {
  path: string | null;
  marker: string;
  writtenAt: number;
  seen: boolean;
}

export function startSoak(live: LiveArchive, dir: string, changes: number, durationMs: number): { finish(): Promise<SoakReport> } {
  mkdirSync(join(dir, 'soak-probes'), { recursive: true });
  const probes: Probe[] = Array.from({ length: PROBES }, () => ({ path: null, marker: '', writtenAt: 0, seen: true }));
  const latencies: number[] = [];
  let made = 0;
  let queries = 0;
  let hitsChecked = 0;
  let inconsistent = 0;
  let changesSeen = 0;
  const examples: string[] = [];

  const text = (k: number, marker: string): string =>
    `date 1987-04-01\n\nSoak probe ${k}\n\nThe ${marker} figure moved oil prices again on Wednesday, traders said.\n`;

  function change(i: number): void {
    const k = i % PROBES;
    const p = probes[k];
    if (!p) return;
    const marker = `zqsoak${k}x${i}`;
    const roll = (i * 7919) % 10;
    if (p.path && roll === 0) {
      rmSync(join(dir, p.path));
      p.path = null;
      return;
    }
    if (p.path && roll === 1) {
      // A rename: the article moves to a new id with the new text.
      const next = `soak-probes/probe-${k}-${i}.txt`;
      renameSync(join(dir, p.path), join(dir, next));
      p.path = next;
      writeFileSync(join(dir, next), text(k, marker));
    } else {
      p.path ??= `soak-probes/probe-${k}-${i}.txt`;
      writeFileSync(join(dir, p.path), text(k, marker));
    }
    Object.assign(p, { marker, writtenAt: performance.now(), seen: false });
  }

  function check(): void {
    const p = probes[queries % PROBES];
    queries++;
    if (!p?.marker) return;
    let hits;
    try {
      hits = live.engine.search({ query: p.marker, limit: 5 }).hits;
    } catch (e) {
      inconsistent++;
      if (examples.length < 5) examples.push(`search threw: ${(e as Error).message}`);
      return;
    }
    for (const h of hits) {
      hitsChecked++;
      let article;
      try {
        article = live.engine.article(h.article);
      } catch {
        article = undefined;
      }
      const paragraph = article?.paragraphs.find((x) => x.n === h.paragraph)?.text;
      const inside = h.highlights.every(([a, b]) => a >= 0 && b <= h.snippet.length && a < b);
      if (!article || article.title !== h.title || paragraph === undefined || !paragraph.includes(h.text) || !inside) {
        inconsistent++;
        if (examples.length < 5) examples.push(`${p.marker} → ${h.article} ¶${h.paragraph}`);
      }
    }
    if (!p.seen && hits.length > 0 && p.path && hits[0]?.article === p.path.replace(/\.txt$/, '')) {
      p.seen = true;
      changesSeen++;
      latencies.push(performance.now() - p.writtenAt);
    }
  }

  const spacing = Math.max(5, durationMs / changes);
  const writer = setInterval(() => {
    if (made < changes) change(made++);
  }, spacing);
  const checker = setInterval(check, CHECK_EVERY_MS);

  return {
    async finish(): Promise<SoakReport> {
      while (made < changes) await new Promise((r) => setTimeout(r, 50));
      clearInterval(writer);
      // Let the last changes be applied, still checking.
      await new Promise((r) => setTimeout(r, 3000));
      clearInterval(checker);
      // The final state, probe by probe: the current marker finds exactly the current file.
      let matches = 0;
      for (const p of probes) {
        if (!p.marker) continue;
        const found = live.engine.search({ query: p.marker, limit: 5 }).hits.map((h) => h.article);
        const expected = p.path ? [p.path.replace(/\.txt$/, '')] : [];
        if (JSON.stringify(found) === JSON.stringify(expected)) matches++;
        else if (examples.length < 5) examples.push(`final ${p.marker}: ${found.join(',')} vs ${expected.join(',')}`);
      }
      const sorted = [...latencies].sort((a, b) => a - b);
      if (examples.length) console.error(`soak examples: ${examples.join('; ')}`);
      return {
        'file changes made': made,
        'probe queries answered': queries,
        'hits checked': hitsChecked,
        'inconsistent answers': inconsistent,
        'changes seen by search': `${changesSeen} (the rest were overwritten before the next check or were deletions)`,
        'write → searchable p50 / p95 / max (ms)': `${percentile(sorted, 50).toFixed(0)} / ${percentile(sorted, 95).toFixed(0)} / ${(sorted[sorted.length - 1] ?? NaN).toFixed(0)}`,
        'final state matches the files': `${matches} of ${probes.filter((p) => p.marker).length} probes`,
      };
    },
  };
}
