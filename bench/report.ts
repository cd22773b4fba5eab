import { appendFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `--name value` from the command line, or undefined. */
export function argOf(name: string, args: readonly string[] = process.argv.slice(2)): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

export const ms = (x: number): string => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

/** A bench's rows: printed as they come, and appended to bench/RESULTS.md with `--record`. */
export class Report {
  private readonly rows: Array<[string, string]> = [];

  constructor(private readonly width = 44) {}

  row(k: string, v: string): void {
    this.rows.push([k, v]);
    console.log(`${k.padEnd(this.width)} ${v}`);
  }

  /** Appends the table under a heading naming the date, machine and Node version. */
  record(title: string): void {
    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    const head = `\n## ${title} — ${new Date().toISOString().slice(0, 10)}\n\n${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n\n| measure | value |\n|---|---|\n`;
    const results = join(dirname(fileURLToPath(import.meta.url)), 'RESULTS.md');
    appendFileSync(results, head + this.rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n') + '\n');
    console.log('recorded in bench/RESULTS.md');
  }
}
