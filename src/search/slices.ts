// Long work written once as a generator that yields at slice boundaries, then run either in one
// go (command line, tests) or with the event loop free between slices (the bot while it loads).

/** Work that yields `undefined` where another task may run, and returns a T. */
export type Sliced<T> = Generator<undefined, T, undefined>;

/** Runs sliced work to the end without pausing. */
export function runNow<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** Resolves on the event loop's next turn, after pending I/O and timers. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs sliced work, letting timers, I/O and other requests run between slices. */
export async function runSliced<T>(work: Sliced<T>): Promise<T> {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    await nextTurn();
  }
}
