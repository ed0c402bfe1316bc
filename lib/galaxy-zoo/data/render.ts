/**
 * Renders a simulated galaxy (`Morphology`) as an SDSS-like RGB image: coloured light components
 * (red Sérsic bulge, bluer disk and spiral arms, bar, odd features), field stars, Gaussian seeing
 * (PSF), sky noise and an asinh stretch (Lupton et al. 2004) to [0, 1].
 *
 * Images are `[size, size, 3]` row-major (height, width, channel), float32 in [0, 1]. The centre of
 * the image corresponds to the centre of the 424×424 Galaxy Zoo cut-outs.
 *
 * Used by `lib/galaxy-zoo/data/dataset.ts` and notebook 03-galaxy-zoo-gc.
 */
import { Random } from '../../random';
import type { Morphology } from './morphology';
import { arc, bar, blob, disk, diskAxisRatio, forEachPixel, ring, sersic, type Frame } from './profiles';
import { gaussianBlur } from '../../image';

/** Options of {@link renderGalaxy}. */
export interface RenderOptions {
  /** image side in pixels (default 64) */
  size?: number;
  /** seeing σ in units of a 64-pixel image's pixels (default 0.9) */
  psfSigma?: number;
  /** sky noise σ before the stretch (default 0.025) */
  skyNoise?: number;
  /** mean number of field stars per image (default 0.6) */
  fieldStars?: number;
  /** softening of the asinh stretch (default 0.08) */
  stretch?: number;
}

type Rgb = readonly [number, number, number];
const BULGE: Rgb = [1.0, 0.78, 0.55];
const DISK: Rgb = [0.8, 0.82, 0.9];
const ARMS: Rgb = [0.55, 0.72, 1.0];
const WHITE: Rgb = [1, 1, 1];

/** Adds `flux × map` in colour `rgb` to the three channel maps. */
function addLight(channels: Float32Array[], map: Float32Array, flux: number, rgb: Rgb): void {
  for (let c = 0; c < 3; c++) {
    const w = flux * rgb[c];
    const ch = channels[c];
    for (let k = 0; k < map.length; k++) ch[k] += w * map[k];
  }
}

/**
 * Draws the image of `m`. `rng` supplies the nuisance randomness (arm phase, clump and star positions,
 * noise), so the same morphology with the same generator gives the same image.
 */
export function renderGalaxy(m: Morphology, rng: Random, options: RenderOptions = {}): Float32Array {
  const size = options.size ?? 64;
  const scale = size / 64;
  const channels = [0, 1, 2].map(() => new Float32Array(size * size));
  const frame: Frame = { size, cx: m.dx, cy: m.dy, angle: m.positionAngle };
  // pixel values: flux × unit-sum map × (size²·0.02) keeps surface brightness independent of resolution
  const f = m.flux * size * size * 0.02;
  if (m.kind === 'star') drawStarOrArtifact(channels, frame, f, rng);
  else drawGalaxy(channels, frame, m, f, rng);
  drawFieldStars(channels, size, f, options.fieldStars ?? 0.6, rng);
  const sigma = (options.psfSigma ?? 0.9) * scale;
  const noise = options.skyNoise ?? 0.025;
  const beta = options.stretch ?? 0.08;
  const out = new Float32Array(size * size * 3);
  const norm = Math.asinh(3 / beta);
  for (let c = 0; c < 3; c++) {
    const blurred = gaussianBlur(channels[c], size, size, sigma);
    for (let k = 0; k < size * size; k++) {
      const v = Math.asinh((blurred[k] + rng.normal(0, noise)) / beta) / norm;
      out[k * 3 + c] = Math.min(1, Math.max(0, v));
    }
  }
  return out;
}

/** Bulge, disk, arms, bar and the odd feature of a galaxy. */
function drawGalaxy(channels: Float32Array[], frame: Frame, m: Morphology, f: number, rng: Random): void {
  const h = m.radius / 1.678;
  const bt = m.bulgeFraction;
  if (bt > 0) {
    const re = m.kind === 'smooth' ? m.radius : m.radius * 0.35;
    const q = m.kind === 'smooth' ? m.axisRatio : m.kind === 'edge-on' ? 0.75 : m.axisRatio;
    addLight(channels, sersic(frame, m.sersicN, re, q, m.boxyBulge ? 3.2 : 2), f * bt, BULGE);
  }
  if (bt < 1) {
    const armFlux = m.arms > 0 ? 0.6 : 0;
    const diskOpts = { h, inclination: m.inclination, arms: m.arms, pitch: m.pitch, armStrength: m.armStrength, phase: rng.uniform(0, 2 * Math.PI) };
    addLight(channels, disk(frame, { ...diskOpts, arms: 0 }), f * (1 - bt) * (1 - armFlux), DISK);
    if (m.arms > 0) addLight(channels, disk(frame, { ...diskOpts, armsOnly: true }), f * (1 - bt) * armFlux, ARMS);
  }
  if (m.bar > 0) addLight(channels, bar(frame, 1.3 * h, rng.uniform(0, Math.PI), m.inclination), f * 0.12 * m.bar, BULGE);
  drawOddFeature(channels, frame, m, f, h, rng);
}

/** The odd feature: ring, lens/arc, tidal disturbance, clumps, merger companion or dust lane. */
function drawOddFeature(channels: Float32Array[], frame: Frame, m: Morphology, f: number, h: number, rng: Random): void {
  switch (m.odd) {
    case 'ring':
      addLight(channels, ring(frame, 2.2 * h, 0.25 * h, m.inclination), f * 0.25, ARMS);
      break;
    case 'lens':
      addLight(channels, arc(frame, 2.6 * m.radius, 0.012, rng.uniform(0, 2 * Math.PI), rng.uniform(0.8, 1.6)), f * 0.12, ARMS);
      break;
    case 'disturbed':
      addLight(channels, arc(frame, 1.8 * m.radius, 0.45 * h, rng.uniform(0, 2 * Math.PI), 2.2), f * 0.25, DISK);
      break;
    case 'irregular':
      for (let i = 0; i < 6; i++) addLight(channels, blob(frame, rng.normal(0, 1.5 * h), rng.normal(0, 1.5 * h), 0.2 * h), f * 0.05, ARMS);
      break;
    case 'other':
      addLight(channels, blob(frame, rng.normal(0, 1.2 * h), rng.normal(0, 1.2 * h), 0.3 * h), f * 0.12, [1, 0.5, 0.9]);
      break;
    case 'merger': {
      const a = rng.uniform(0, 2 * Math.PI);
      const d = rng.uniform(1.3, 2.2) * m.radius;
      addLight(channels, sersic({ ...frame, cx: frame.cx + d * Math.cos(a), cy: frame.cy + d * Math.sin(a) }, 2.5, 0.6 * m.radius, 0.8), f * 0.5, BULGE);
      addLight(channels, arc(frame, 1.2 * d, 0.5 * h, a + 0.6, 1.5), f * 0.15, DISK);
      break;
    }
    case 'dust-lane': {
      const q = diskAxisRatio(m.inclination);
      const lane = forEachPixel(frame, (_u, v) => Math.exp(-0.5 * (v / Math.max(0.004, 0.25 * q * m.radius)) ** 2));
      let peak = 0;
      for (const v of lane) peak = Math.max(peak, v);
      for (const ch of channels) for (let k = 0; k < ch.length; k++) ch[k] *= 1 - 0.75 * (lane[k] / peak);
      break;
    }
    default:
      break;
  }
}

/** A bright star with diffraction spikes, or a satellite trail (the artefacts of question 1). */
function drawStarOrArtifact(channels: Float32Array[], frame: Frame, f: number, rng: Random): void {
  if (rng.random() < 0.7) {
    const core = blob(frame, 0, 0, 0.012);
    addLight(channels, core, f * 0.9, WHITE);
    const spikes = forEachPixel(frame, (u, v) => Math.exp(-Math.abs(v) / 0.003 - Math.abs(u) / 0.08) + Math.exp(-Math.abs(u) / 0.003 - Math.abs(v) / 0.08));
    addLight(channels, spikes, f * 0.1, WHITE);
  } else {
    const trail = forEachPixel({ ...frame, cx: 0, cy: rng.uniform(-0.2, 0.2) }, (_u, v) => Math.exp(-0.5 * (v / 0.008) ** 2));
    addLight(channels, trail, f * 1.5, [0.6, 1, 0.6]);
  }
}

/** Foreground stars at random positions (Poisson number with mean `mean`). */
function drawFieldStars(channels: Float32Array[], size: number, f: number, mean: number, rng: Random): void {
  const n = rng.poisson(mean);
  for (let i = 0; i < n; i++) {
    const frame: Frame = { size, cx: rng.uniform(-0.45, 0.45), cy: rng.uniform(-0.45, 0.45), angle: 0 };
    addLight(channels, blob(frame, 0, 0, 0.008), f * rng.uniform(0.02, 0.15), WHITE);
  }
}
