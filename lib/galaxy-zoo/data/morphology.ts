/**
 * The hidden "true" morphology of a simulated galaxy: its class (smooth elliptical, face-on or
 * inclined disk, edge-on disk, star / artefact), shape parameters (Sérsic index, axis ratio, bulge
 * fraction, bar, spiral arms with their number and pitch angle), an odd feature, orientation, size
 * and brightness. `sampleMorphology` draws one with population fractions loosely following
 * Galaxy Zoo 2 (Willett et al. 2013).
 *
 * The renderer (`render.ts`) draws images from it and `votes.ts` turns it into the 37 vote fractions.
 * Used by notebook 03-galaxy-zoo-gc.
 */
import { Random } from '../../random';

/** Main class of a simulated object. */
export type GalaxyKind = 'smooth' | 'disk' | 'edge-on' | 'star';

/** Odd features, in the order of question 8's answers (`none` when there is nothing odd). */
export const ODD_FEATURES = ['ring', 'lens', 'disturbed', 'irregular', 'other', 'merger', 'dust-lane'] as const;
export type OddFeature = (typeof ODD_FEATURES)[number] | 'none';

/** The true morphology of one object; angles in radians, sizes in units of the image width. */
export interface Morphology {
  kind: GalaxyKind;
  /** Sérsic index of the bulge / elliptical (1 … 6) */
  sersicN: number;
  /** projected axis ratio b/a of the bulge / elliptical (0.2 … 1) */
  axisRatio: number;
  /** disk inclination (0 face-on … π/2 edge-on); 0 for smooth galaxies and stars */
  inclination: number;
  /** bulge-to-total flux ratio (0 … 1); 1 for smooth galaxies */
  bulgeFraction: number;
  /** boxy (peanut) bulge of an edge-on disk */
  boxyBulge: boolean;
  /** bar strength (0: none … 1) */
  bar: number;
  /** number of spiral arms (0: none) */
  arms: number;
  /** arm pitch angle (rad): small = tightly wound */
  pitch: number;
  /** arm contrast (0 … 1) */
  armStrength: number;
  odd: OddFeature;
  /** position angle on the sky (rad) */
  positionAngle: number;
  /** half-light radius as a fraction of the image width */
  radius: number;
  /** total flux in units where 1 is a typical bright galaxy */
  flux: number;
  /** centre offset from the image centre, fractions of the width */
  dx: number;
  dy: number;
}

/** Fractions of the main classes in a simulated sample (they are normalised). */
export interface PopulationFractions {
  smooth: number;
  disk: number;
  edgeOn: number;
  star: number;
  /** probability that a galaxy shows an odd feature */
  odd: number;
}

/** Default population, close to the Galaxy Zoo 2 main sample's vote-majority fractions. */
export const DEFAULT_POPULATION: PopulationFractions = { smooth: 0.42, disk: 0.4, edgeOn: 0.15, star: 0.03, odd: 0.2 };

/** Draws one morphology from `population` with `rng`. */
export function sampleMorphology(rng: Random, population: PopulationFractions = DEFAULT_POPULATION): Morphology {
  const total = population.smooth + population.disk + population.edgeOn + population.star;
  const u = rng.uniform(0, total);
  const kind: GalaxyKind =
    u < population.smooth ? 'smooth' : u < population.smooth + population.disk ? 'disk' : u < total - population.star ? 'edge-on' : 'star';
  const m: Morphology = {
    kind,
    sersicN: 1,
    axisRatio: 1,
    inclination: 0,
    bulgeFraction: 0,
    boxyBulge: false,
    bar: 0,
    arms: 0,
    pitch: 0,
    armStrength: 0,
    odd: 'none',
    positionAngle: rng.uniform(0, Math.PI),
    radius: rng.uniform(0.06, 0.16),
    flux: Math.exp(rng.normal(0, 0.35)),
    dx: rng.normal(0, 0.01),
    dy: rng.normal(0, 0.01),
  };
  if (kind === 'smooth') {
    m.sersicN = rng.uniform(2.5, 5.5);
    m.axisRatio = rng.uniform(0.25, 1);
    m.bulgeFraction = 1;
  } else if (kind === 'disk') {
    m.inclination = Math.acos(rng.uniform(0.3, 1));
    m.sersicN = rng.uniform(1.5, 4);
    m.bulgeFraction = rng.uniform(0, 0.6);
    m.axisRatio = rng.uniform(0.7, 1);
    m.bar = rng.random() < 0.3 ? rng.uniform(0.3, 1) : 0;
    if (rng.random() < 0.8) {
      m.arms = [1, 2, 2, 2, 3, 4, 5][rng.integer(0, 7)];
      m.pitch = rng.uniform(0.12, 0.6);
      m.armStrength = rng.uniform(0.35, 0.9);
    }
  } else if (kind === 'edge-on') {
    m.inclination = rng.uniform(1.45, Math.PI / 2);
    m.sersicN = rng.uniform(1.5, 4);
    const b = rng.random();
    m.bulgeFraction = b < 0.3 ? 0 : rng.uniform(0.1, 0.5);
    m.boxyBulge = m.bulgeFraction > 0 && rng.random() < 0.3;
    m.axisRatio = 0.9;
  } else {
    m.radius = 0.01;
    m.flux = Math.exp(rng.normal(0.5, 0.4));
    m.dx = rng.uniform(-0.05, 0.05);
    m.dy = rng.uniform(-0.05, 0.05);
  }
  if (kind !== 'star' && rng.random() < population.odd) m.odd = pickOdd(rng, kind);
  return m;
}

/** An odd feature plausible for the class (dust lanes on edge-on disks, rings on disks and smooth galaxies). */
function pickOdd(rng: Random, kind: GalaxyKind): OddFeature {
  if (kind === 'edge-on') return rng.random() < 0.6 ? 'dust-lane' : (['disturbed', 'merger', 'other'] as const)[rng.integer(0, 3)];
  const options: OddFeature[] = kind === 'disk' ? ['ring', 'lens', 'disturbed', 'irregular', 'other', 'merger'] : ['ring', 'lens', 'disturbed', 'other', 'merger'];
  return options[rng.integer(0, options.length)];
}
