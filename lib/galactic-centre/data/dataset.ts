/**
 * The seed's data set (Aasen 2022, §3.1) as counts maps: backgrounds IEM, Fermi bubbles, or both —
 * a third each — with and without a dark-matter signal whose amplitude is ramped over the steps of a
 * `VisibilityRamp` (`./ramp.ts`: z = S/√B in the central disc, from "barely visible" to "clearly
 * visible" against each map's own background). Half the maps hold DM; each (background, step) cell
 * has `mapsPerCell` maps with DM and as many without.
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
import { DM_VISIBILITY_RAMP, rampDmCounts, zAtStep, type VisibilityRamp } from './ramp';
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
  /** the DM amplitude steps by visibility (the seed: `DM_VISIBILITY_RAMP`, 10 steps) */
  ramp: VisibilityRamp;
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
  /** amplitude step 1 … ramp.steps (DM maps: of their signal; no-DM maps: of the cell they were drawn in) */
  step: Int32Array;
  /** the ramp's visibility z of the map's DM signal (0 without DM) */
  z: Float32Array;
  /** index into `backgrounds` */
  background: Int32Array;
  /** 0 none, else 1 + index into `profiles` */
  profile: Int32Array;
  /** expected DM counts (0 without DM) */
  dmCounts: Float32Array;
  /** the seed of the generator that drew the map (`rng.fork('map i').seed`): no two sets share one */
  mapSeed: Float64Array;
  backgrounds: readonly BackgroundKind[];
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
  const n = backgrounds.length * o.ramp.steps * o.mapsPerCell * 2;
  const pixels = o.grid.height * o.grid.width * nb;
  const ds: GcDataset = {
    maps: new Float32Array(n * pixels),
    n,
    shape: [o.grid.height, o.grid.width, nb],
    label: new Int32Array(n),
    step: new Int32Array(n),
    z: new Float32Array(n),
    background: new Int32Array(n),
    profile: new Int32Array(n),
    dmCounts: new Float32Array(n),
    mapSeed: new Float64Array(n),
    backgrounds,
  };
  let i = 0;
  backgrounds.forEach((kind, bg) => {
    const ramps = profiles.map((profile) => rampDmCounts(o.grid, sceneOf(o.model, kind), profile, o.ramp, instrument));
    for (let step = 1; step <= o.ramp.steps; step++) {
      for (let r = 0; r < 2 * o.mapsPerCell; r++, i++) {
        const withDm = r % 2 === 0;
        const p = Math.floor(r / 2) % profiles.length;
        const counts = withDm ? ramps[p][step - 1] : 0;
        const scene = sceneOf(o.model, kind, withDm ? { profile: profiles[p], counts } : undefined);
        const mapRng = rng.fork(`map ${i}`);
        ds.mapSeed[i] = mapRng.seed;
        ds.maps.set(simulateMap(o.grid, scene, mapRng, instrument).counts, i * pixels);
        ds.label[i] = withDm ? 1 : 0;
        ds.step[i] = step;
        ds.z[i] = withDm ? zAtStep(o.ramp, step) : 0;
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

/**
 * The DM classifier's data, from the familiar backgrounds: `train` (fitted), `validation` (early
 * stopping and the choice of the restored epoch), `test` (never seen in training or model selection:
 * the same-pool numbers come from it); and `unseen`, maps of backgrounds never seen in training.
 * Each set draws its maps from its own fork of the generator, so no two share a map or a seed.
 */
export interface GcStudySets {
  grid: SkyGrid;
  train: GcDataset;
  validation: GcDataset;
  test: GcDataset;
  unseen: GcDataset;
}

/**
 * The sets of notebook 03's DM classifier on a `height` × `width` field: per (background, step) cell
 * and class, `perCell` training maps, `valPerCell` validation maps, `testPerCell` test and unseen maps.
 */
export function simulateGcStudySets(o: { height: number; width: number; perCell: number; valPerCell: number; testPerCell: number }, rng: Random): GcStudySets {
  const grid = fieldGrid(o.height, o.width);
  const common = { grid, ramp: DM_VISIBILITY_RAMP };
  return {
    grid,
    train: simulateGcDataset({ ...common, model: FAMILIAR_MODEL, mapsPerCell: o.perCell }, rng.fork('gc train')),
    validation: simulateGcDataset({ ...common, model: FAMILIAR_MODEL, mapsPerCell: o.valPerCell }, rng.fork('gc validation')),
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
