/**
 * The results contract: the map of `lib/results/`, one line per module. Every notebook ends with
 * `recordResults(name, [...])` over its study's paper module (lib/<study>/paper) quantities; the runner summarises them.
 */
export * from './results/verdict'; // quantities, tolerance and direction, the verdict
export * from './results/record'; // recordResults: reports/<profile>/results/<notebook>.json (+ key figure)
export * from './results/files'; // reading and checking results files
export * from './results/bounds'; // expected ranges per profile (tests/<study>/expected-results.ts) and their check
export * from './results/summary'; // the table over all notebooks and reports/<profile>/index.html
