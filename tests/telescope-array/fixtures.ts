/** Test fixtures of the Telescope Array tests: random events with the shard layout's sizes. */
import { Random } from '../../lib/random';
import { DETECTOR_FEATURES, STANDARD_FEATURES, TARGETS, TRUTH_FEATURES, type EventArrays } from '../../lib/telescope-array/data/event';

/** Random events with the right sizes (N × N window, T bins). */
export function fakeEvents(n: number, N: number, T: number, rng: Random): EventArrays[] {
  const fill = (k: number) => Float32Array.from({ length: k }, () => rng.normal());
  return Array.from({ length: n }, () => ({
    waveforms: fill(N * N * T * 2),
    detectors: fill(N * N * DETECTOR_FEATURES.length),
    standard: fill(STANDARD_FEATURES.length),
    truth: fill(TRUTH_FEATURES.length),
    targets: fill(TARGETS.length),
  }));
}
