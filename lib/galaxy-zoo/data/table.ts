/**
 * Simulated Galaxy Zoo galaxies as table columns for the notebook's data section (danfojs-node or
 * arquero): the true morphology of each galaxy beside the volunteers' vote fractions it produced.
 *
 * Used by notebook 03-galaxy-zoo-gc (`toDanfo(galaxyColumns(gzTrain))`).
 */
import { matrixColumns } from '../../frame';
import type { GalaxyZooData } from './dataset';
import { CLASS_COLUMNS } from './decision-tree';

/** Vote columns shown by default: Q1 smooth / features or disk / star or artefact, Q2 edge-on yes. */
export const DEFAULT_VOTE_COLUMNS = ['Class1.1', 'Class1.2', 'Class1.3', 'Class2.1'] as const;

/**
 * One row per galaxy: `kind` (smooth, disk, edge-on, star), `arms`, `bar` strength (0–1),
 * `inclinationDeg`, `bulgeFraction`, `odd` feature, then the chosen vote fractions (`CLASS_COLUMNS` names).
 */
export function galaxyColumns(data: GalaxyZooData, votes: readonly string[] = DEFAULT_VOTE_COLUMNS): Record<string, ArrayLike<unknown>> {
  const m = data.morphologies;
  return {
    kind: m.map((g) => g.kind),
    arms: m.map((g) => g.arms),
    bar: m.map((g) => g.bar),
    inclinationDeg: m.map((g) => (g.inclination * 180) / Math.PI),
    bulgeFraction: m.map((g) => g.bulgeFraction),
    odd: m.map((g) => g.odd),
    ...matrixColumns(data.targets, CLASS_COLUMNS, votes),
  };
}
