/** Where progress goes: a terminal (stderr) that may be a TTY, or anything written to. */
export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

/** How far a long step has got: `update('indexing', 1200, 19043)`. */
export type ProgressFn = (phase: string, done: number, total: number) => void;

const BAR = 24;
const fmt = (n: number): string => n.toLocaleString('en');

function duration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/**
 * A one-line progress bar for a terminal: phase, bar, counts, percentage and time left,
 * redrawn in place at most every `intervalMs`. Not a terminal (a pipe, CI): it draws
 * nothing, so logs and output stay plain lines.
 */
export class ProgressBar {
  private phase = '';
  private started = 0;
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(
    private readonly out: ProgressSink,
    private readonly clock: () => number = () => performance.now(),
    private readonly intervalMs = 100,
  ) {}

  get enabled(): boolean {
    return this.out.isTTY === true;
  }

  readonly update: ProgressFn = (phase, done, total) => {
    if (!this.enabled) return;
    const now = this.clock();
    if (phase !== this.phase) {
      this.phase = phase;
      this.started = now;
      this.lastDraw = -Infinity;
    }
    if (now - this.lastDraw < this.intervalMs && done < total) return;
    this.lastDraw = now;
    this.out.write(`\r\x1b[K${this.line(phase, done, total, now - this.started)}`);
    this.drawn = true;
  };

  /** The bar's text (without the escape codes that redraw it). */
  line(phase: string, done: number, total: number, elapsedMs: number): string {
    // A terminal of unknown size (0 columns, as under `script`) is taken as 80 wide.
    const width = this.out.columns || 80;
    // A step of one (building quotes) has nothing to count: its name says what is going on.
    if (total <= 1) return `${phase}…`.slice(0, width - 1);
    const share = Math.min(1, done / total);
    // Time left from the pace so far; none until there is a pace to go by.
    const eta = done > 0 && done < total && elapsedMs >= 300 ? ` · about ${duration((elapsedMs / done) * (total - done))} left` : '';
    const counts = ` ${fmt(done)}/${fmt(total)} · ${Math.floor(share * 100)}%${eta}`;
    const barWidth = Math.min(BAR, width - 2 - phase.length - counts.length);
    if (barWidth < 5) return `${phase}${counts}`.slice(0, width - 1);
    const filled = Math.round(share * barWidth);
    return `${phase} ${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}${counts}`;
  }

  /** Clears the bar, so what comes next starts on a clean line. */
  clear(): void {
    if (this.drawn) this.out.write('\r\x1b[K');
    this.drawn = false;
    this.phase = '';
  }
}
