/**
 * A stopwatch for the wall-clock seconds that notebooks and studies report beside their results
 * (simulation, training, scans). Speed is compared in benchmarks (`npm run bench`), never asserted
 * from these numbers.
 *
 * Used by notebooks 03, 04, 05 and the studies' training and search loops.
 */

/** Wall-clock seconds since it was started (or last restarted). */
export class Stopwatch {
  private startMs: number;

  /** @param now clock in milliseconds (default `performance.now`), replaceable in tests */
  constructor(private readonly now: () => number = () => performance.now()) {
    this.startMs = now();
  }

  /** Seconds elapsed since the start or the last `restart()`. */
  seconds(): number {
    return (this.now() - this.startMs) / 1000;
  }

  /** Starts again from zero and returns the seconds elapsed before. */
  restart(): number {
    const elapsed = this.seconds();
    this.startMs = this.now();
    return elapsed;
  }
}
