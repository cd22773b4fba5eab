import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { loadArchive } from '../../src/archive/load.js';
import { Engine } from '../../src/engine.js';
import { PassageIndex } from '../../src/search/index.js';
import type { CliIO } from '../../src/cli/run.js';

/**
 * A small archive of invented local news, written for these tests: each article has a date,
 * quotes and speakers, and the set is shaped so that ranking questions have one clear answer.
 */
export const FIXTURE: Readonly<Record<string, string>> = {
  // Inline `date` header, as in the seed.
  '2020/ice-subpoenas.txt': `date 2020-01-18 Immigration agents served the city of Riverton with three subpoenas on Friday, seeking records about inmates released from the county jail.

"We have exhausted every other option," said Henry Lucero, a regional director of Immigration and Customs Enforcement. "These records belong to the public."

One of the subpoenas concerns Reeaz Khan, who was released in November on a burglary charge. Khan was charged with murder on January 10 and remains in custody.

Mayor Dana Whitfield said the city would review the subpoenas with its lawyers before Monday.`,

  // `date` header on its own line, after leading white space; a headline paragraph.
  '2020/ride-hailing.txt': `   date 2020-02-11

Ride-hailing drivers rally outside City Hall

About 1,000 ride-hailing drivers gathered downtown on Tuesday to protest a proposed 3.5 percent fee on every trip.

"The city’s plan takes money straight out of our pockets," said Maria Delgado, who has driven for eight years.

Council member Thomas Reyes said the fee would pay for bus lanes and that a vote was planned for March.`,

  // YAML front matter with every field; accents.
  '2019/cafe-closing.txt': `---
date: 2019-11-03
title: Harbor café closes after forty years
url: https://example.com/news/harbor-cafe
source: Riverton Courier
author: Jo Park
---
The Café Lune on Water Street served its last breakfast on Sunday after forty years in business.

Owner Dr. Anna Weiss said rising rents had made the lease impossible. "We tried everything, but the numbers never worked," she said.

Regulars lined up along the harbor before dawn on Sunday for a final plate of pancakes and a last cup of coffee at the counter.`,

  // Proximity: "water" and "contract" side by side here, far apart in the (shorter) school
  // board paragraph.
  '2020/water-contract.txt': `date 2020-03-05

Council approves budget after long night

The council approved the water contract with Bellmont Utilities at 2 a.m. on Thursday, ending a long session that began the previous afternoon with public comment.

Members also debated library hours, snow removal, park lighting, road repairs and a new police radio system before the final vote.`,
  '2020/school-board.txt': `date 2020-03-20

School board weighs later start times

The water fountains at Lincoln Elementary will be replaced this summer, and officials said the district expects to sign a contract soon.

Superintendent Carla Boyd said later start times could be tested at two high schools next fall.`,

  // Title boost: "harbor" appears once in a body paragraph here (a shorter one) and in the
  // café article, but only the café article has it in its title.
  '2021/ferry-schedule.txt': `date 2021-06-02

The ferry service announced a summer schedule with extra evening crossings from the waterfront on weekends.

Boats will leave the harbor every forty minutes from six in the morning until ten at night.

"Ridership has doubled since the pandemic," said port spokesman Eli Grant.`,
};

/** Writes files (text or raw bytes) under a fresh temp folder; returns its path. */
export function writeArchive(files: Readonly<Record<string, string | Uint8Array>> = FIXTURE): string {
  const dir = mkdtempSync(join(tmpdir(), 'archive-bot-test-'));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

export const removeDir = (dir: string): void => rmSync(dir, { recursive: true, force: true });

/** An engine over an archive folder, built in memory (no cache). */
export function engineFor(dir: string): Engine {
  const archive = loadArchive(dir);
  return new Engine(archive, PassageIndex.build(archive.articles));
}

/** Injected terminal for `runCli`: captured stdout/stderr and a stdin holding `input`. */
export function memoryIO(input = '', env: Record<string, string | undefined> = {}): CliIO & { out(): string; err(): string } {
  let out = '';
  let err = '';
  const stdin = new PassThrough();
  stdin.end(input);
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    stdin,
    env,
    out: () => out,
    err: () => err,
  };
}
