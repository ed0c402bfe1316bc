/**
 * The seed's data set (Aasen 2022, §3.1) as counts maps: backgrounds IEM, Fermi bubbles, or both —
 * a third each — with and without a dark-matter signal whose amplitude is ramped over `dmSteps`
 * steps from barely visible to obvious. Half the maps hold DM; each (background, step) cell has
 * `mapsPerCell` maps with DM and as many without.
 *
 * A `BackgroundModel` fixes the templates, so "unseen backgrounds" are a second model: a changed
 * IEM (other clouds, thicker disk) and a new point-source population (more, wider, plus a bright
 * central source) — the test the seed asks for in its conclusion.
 *
 * Used by notebook 03-galaxy-zoo-gc.
 */
import { Random } from '../../random';
import { DEFAULT_BUBBLES, DEFAULT_IEM, DEFAULT_POINT_SOURCES, type BubbleParams, type IemParams, type PointSourceParams } from './backgrounds';
import { CTA_INSTRUMENT, simulateMap, type GcScene, type Instrument } from './counts-map';
import type { DmProfile } from './dark-matter';
import type { SkyGrid } from './sky';

/** Which diffuse backgrounds a map holds (the seed's three thirds). */
export type BackgroundKind = 'iem' | 'bubbles' | 'both';
export const BACKGROUND_KINDS: readonly BackgroundKind[] = ['iem', 'bubbles', 'both'];

/** Templates and expected counts of one background model. */
export interface BackgroundModel {
  name: string;
  iem: IemParams;
  bubbles: BubbleParams;
  pointSources: PointSourceParams;
  /** expected counts of the IEM and of the bubbles in a map (the seed raised the IEM to the bubbles' level) */
  iemCounts: number;
  bubbleCounts: number;
}

/** The training backgrounds. */
export const FAMILIAR_MODEL: BackgroundModel = {
  name: 'familiar',
  iem: DEFAULT_IEM,
  bubbles: DEFAULT_BUBBLES,
  pointSources: DEFAULT_POINT_SOURCES,
  iemCounts: 40000,
  bubbleCounts: 40000,
};

/** Backgrounds never seen in training: another gas layout and disk, wider bubbles, a new source population with a central source. */
export const UNSEEN_MODEL: BackgroundModel = {
  name: 'unseen',
  iem: { scaleHeightDeg: 0.9, scaleLengthDeg: 5, gasSeed: 77, clouds: 24, cloudContrast: 2.5 },
  bubbles: { baseWidthDeg: 1.8, opening: 0.8, edgeDeg: 0.6 },
  pointSources: { meanCount: 30, index: 1.6, sMin: 30, sMax: 2500, sigmaBDeg: 1.2, sigmaLDeg: 2.5, centralCounts: 600 },
  iemCounts: 50000,
  bubbleCounts: 30000,
};

/** Options of {@link simulateGcDataset}. */
export interface GcDatasetOptions {
  grid: SkyGrid;
  model: BackgroundModel;
  /** maps with DM per (background, step) cell; as many without */
  mapsPerCell: number;
  /** amplitude steps (the seed: 10) */
  dmSteps: number;
  /** expected DM counts at the first and last step (geometric ramp) */
  dmCountsRange: readonly [number, number];
  /** DM profiles, used in turn within a cell (default NFW only) */
  profiles?: readonly DmProfile[];
  backgrounds?: readonly BackgroundKind[];
  instrument?: Instrument;
}

/** Maps and their labels. */
export interface GcDataset {
  /** `[n, height, width, bands]` counts */
  maps: Float32Array;
  n: number;
  shape: readonly [number, number, number];
  /** 1 with DM, 0 without */
  label: Int32Array;
  /** amplitude step 1 … dmSteps (DM maps: of their signal; no-DM maps: of the cell they were drawn in) */
  step: Int32Array;
  /** index into `backgrounds` */
  background: Int32Array;
  /** 0 none, else 1 + index into `profiles` */
  profile: Int32Array;
  /** expected DM counts (0 without DM) */
  dmCounts: Float32Array;
  backgrounds: readonly BackgroundKind[];
}

/** Expected DM counts at step s (1-based) of a geometric ramp over `range`. */
export function dmCountsAtStep(step: number, steps: number, range: readonly [number, number]): number {
  return steps <= 1 ? range[1] : range[0] * (range[1] / range[0]) ** ((step - 1) / (steps - 1));
}

/** The scene of one map. */
export function sceneOf(model: BackgroundModel, kind: BackgroundKind, dm?: { profile: DmProfile; counts: number }): GcScene {
  return {
    iem: kind !== 'bubbles' ? { params: model.iem, counts: model.iemCounts } : undefined,
    bubbles: kind !== 'iem' ? { params: model.bubbles, counts: model.bubbleCounts } : undefined,
    pointSources: model.pointSources,
    dm,
  };
}

/** Simulates the data set; map i uses `rng.fork('map i')`. */
export function simulateGcDataset(o: GcDatasetOptions, rng: Random): GcDataset {
  const backgrounds = o.backgrounds ?? BACKGROUND_KINDS;
  const profiles = o.profiles ?? [{ kind: 'nfw' } as DmProfile];
  const instrument = o.instrument ?? CTA_INSTRUMENT;
  const nb = instrument.bands.length;
  const n = backgrounds.length * o.dmSteps * o.mapsPerCell * 2;
  const pixels = o.grid.height * o.grid.width * nb;
  const ds: GcDataset = {
    maps: new Float32Array(n * pixels),
    n,
    shape: [o.grid.height, o.grid.width, nb],
    label: new Int32Array(n),
    step: new Int32Array(n),
    background: new Int32Array(n),
    profile: new Int32Array(n),
    dmCounts: new Float32Array(n),
    backgrounds,
  };
  let i = 0;
  backgrounds.forEach((kind, bg) => {
    for (let step = 1; step <= o.dmSteps; step++) {
      for (let r = 0; r < 2 * o.mapsPerCell; r++, i++) {
        const withDm = r % 2 === 0;
        const p = Math.floor(r / 2) % profiles.length;
        const counts = withDm ? dmCountsAtStep(step, o.dmSteps, o.dmCountsRange) : 0;
        const scene = sceneOf(o.model, kind, withDm ? { profile: profiles[p], counts } : undefined);
        ds.maps.set(simulateMap(o.grid, scene, rng.fork(`map ${i}`), instrument).counts, i * pixels);
        ds.label[i] = withDm ? 1 : 0;
        ds.step[i] = step;
        ds.background[i] = bg;
        ds.profile[i] = withDm ? 1 + p : 0;
        ds.dmCounts[i] = counts;
      }
    }
  });
  return ds;
}

/** The seed's 9° × 12° field around the GC on `height` × `width` pixels (the seed's small model: 90 × 120). */
export function fieldGrid(height: number, width: number): SkyGrid {
  return { height, width, pixelDeg: 9 / height };
}

/** Expected DM counts at the first and last of the 10 steps. */
export const DM_COUNTS_RANGE: readonly [number, number] = [600, 15000];

/** The DM classifier's data: training and same-pool test maps (familiar backgrounds), unseen-background maps. */
export interface GcStudySets {
  grid: SkyGrid;
  train: GcDataset;
  test: GcDataset;
  unseen: GcDataset;
}

/**
 * The three sets of notebook 03's DM classifier on a `height` × `width` field: `perCell` training
 * maps and `testPerCell` same-pool and unseen maps per (background, step) cell and class.
 */
export function simulateGcStudySets(o: { height: number; width: number; perCell: number; testPerCell: number }, rng: Random): GcStudySets {
  const grid = fieldGrid(o.height, o.width);
  const common = { grid, dmSteps: 10, dmCountsRange: DM_COUNTS_RANGE };
  return {
    grid,
    train: simulateGcDataset({ ...common, model: FAMILIAR_MODEL, mapsPerCell: o.perCell }, rng.fork('gc train')),
    test: simulateGcDataset({ ...common, model: FAMILIAR_MODEL, mapsPerCell: o.testPerCell }, rng.fork('gc test')),
    unseen: simulateGcDataset({ ...common, model: UNSEEN_MODEL, mapsPerCell: o.testPerCell }, rng.fork('gc unseen')),
  };
}

/**
 * The first map with this label (1: DM), DM step and background index.
 * @throws Error naming what was looked for when the set holds no such map.
 */
export function findMap(d: GcDataset, label: number, step: number, background: number): number {
  for (let i = 0; i < d.n; i++) if (d.label[i] === label && d.step[i] === step && d.background[i] === background) return i;
  throw new Error(`findMap: no map with label ${label}, DM step ${step} and background ${d.backgrounds[background] ?? background} among ${d.n}`);
}
