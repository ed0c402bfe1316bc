/**
 * The optical microscope of the NEWSdm simulator: renders a cluster's grains into 8 images, one per
 * polarisation angle. Each grain is a 2D Gaussian — its own elongated shape convolved with the
 * Gaussian PSF (covariances add) — whose brightness follows the dipole resonance
 * b₀ [1 − a + a cos²(θ − α)] (see `./physics`). So the grains of a multi-grain cluster light up at
 * different polarisations and the cluster barycentre moves from frame to frame, while a single
 * grain only changes brightness (seed §1.1, Fig. 3). Camera pedestal, read and shot noise and a
 * small frame-to-frame registration jitter are added.
 *
 * Used by `./datasets` and the NEWSdm notebook.
 */
import { Random } from '../../random';
import type { Cluster, Grain } from './clusters';
import { CAMERA, FRAME_JITTER_NM, N_POL, PIXEL_NM, POLARISATION_RAD, PSF_SIGMA_NM } from './physics';

/** Options of {@link renderCluster}. */
export interface RenderOptions {
  /** image height and width in pixels (default 16) */
  size?: number;
  /** add camera noise (default true) */
  noise?: boolean;
  /** registration jitter between polarisation frames, nm (default FRAME_JITTER_NM) */
  jitterNm?: number;
}

/** Brightness of a grain at polarisation angle `theta` (rad): b₀ [1 − a + a cos²(θ − α)]. */
export function grainBrightness(grain: Grain, theta: number): number {
  const c = Math.cos(theta - grain.axis);
  return grain.flux * (1 - grain.anisotropy + grain.anisotropy * c * c);
}

/** Inverse covariance (in pixel² units) and normalisation of a grain's image: shape ⊗ PSF. */
function gaussianOf(grain: Grain): { a: number; b: number; c: number; norm: number } {
  const c = Math.cos(grain.axis);
  const s = Math.sin(grain.axis);
  const l2 = grain.sigmaLong ** 2 + PSF_SIGMA_NM ** 2;
  const w2 = grain.sigmaShort ** 2 + PSF_SIGMA_NM ** 2;
  // Σ = R diag(l2, w2) Rᵀ, in pixel units
  const p2 = PIXEL_NM * PIXEL_NM;
  const sxx = (l2 * c * c + w2 * s * s) / p2;
  const syy = (l2 * s * s + w2 * c * c) / p2;
  const sxy = ((l2 - w2) * c * s) / p2;
  const det = sxx * syy - sxy * sxy;
  return { a: syy / det, b: -sxy / det, c: sxx / det, norm: 1 / (2 * Math.PI * Math.sqrt(det)) };
}

/**
 * Renders the 8 polarisation images of `cluster`.
 * @returns Float32Array [8, size, size] (polarisation, row y, column x), image units; pixel (i, j)
 *   is centred at x = (j − (size−1)/2)·55 nm, y = (i − (size−1)/2)·55 nm.
 */
export function renderCluster(cluster: Cluster, rng: Random, options: RenderOptions = {}): Float32Array {
  const size = options.size ?? 16;
  const noise = options.noise ?? true;
  const jitter = options.jitterNm ?? FRAME_JITTER_NM;
  const half = (size - 1) / 2;
  const out = new Float32Array(N_POL * size * size);
  const shapes = cluster.grains.map(gaussianOf);
  for (let k = 0; k < N_POL; k++) {
    const jx = jitter > 0 ? rng.normal(0, jitter) : 0;
    const jy = jitter > 0 ? rng.normal(0, jitter) : 0;
    const frame = out.subarray(k * size * size, (k + 1) * size * size);
    cluster.grains.forEach((g, gi) => {
      const amp = grainBrightness(g, POLARISATION_RAD[k]) * shapes[gi].norm;
      const { a, b, c } = shapes[gi];
      const gx = (g.x + jx) / PIXEL_NM + half;
      const gy = (g.y + jy) / PIXEL_NM + half;
      for (let i = 0; i < size; i++) {
        const dy = i - gy;
        for (let j = 0; j < size; j++) {
          const dx = j - gx;
          frame[i * size + j] += amp * Math.exp(-0.5 * (a * dx * dx + 2 * b * dx * dy + c * dy * dy));
        }
      }
    });
    addCamera(frame, rng, noise);
  }
  return out;
}

/** Pedestal plus Gaussian read noise and shot noise (variance ∝ signal). */
function addCamera(frame: Float32Array, rng: Random, noise: boolean): void {
  for (let p = 0; p < frame.length; p++) {
    const signal = frame[p];
    const sigma = Math.sqrt(CAMERA.readNoise ** 2 + CAMERA.shotFactor * Math.max(0, signal));
    frame[p] = CAMERA.pedestal + signal + (noise ? rng.normal(0, sigma) : 0);
  }
}
