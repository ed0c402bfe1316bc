/**
 * Dark-matter density profiles of the Milky Way and the J-factor maps of WIMP annihilation:
 * J(ψ) = ∫ ρ²(r(s, ψ)) ds along the line of sight at angle ψ from the Galactic Centre, with
 * r² = R0² + s² − 2 R0 s cos ψ. The annihilation flux is ∝ J (e.g. Cirelli et al. 2011, "PPPC 4 DM ID",
 * eq. 3.3 ff.); only the shape matters here, the maps are normalised to unit sum.
 *
 * Profiles (PPPC 4 DM ID, table 1): NFW r_s = 24.42 kpc; Einasto r_s = 28.44 kpc, α = 0.17;
 * generalised NFW ρ ∝ (r/r_s)^−γ (1 + r/r_s)^(γ−3) with inner slope γ (NFW: γ = 1).
 *
 * Used by `lib/galactic-centre/data/counts-map.ts`, `gce.ts` and notebook 03-galaxy-zoo-gc.
 */
import { angleFromGC, pixelLB, unitSum, type SkyGrid } from './sky';

/** Sun–Galactic Centre distance (kpc), as in PPPC 4 DM ID. */
export const R0_KPC = 8.33;

/** A dark-matter halo profile. */
export type DmProfile = { kind: 'nfw' } | { kind: 'einasto'; alpha?: number } | { kind: 'gnfw'; gamma: number };

/** ρ(r)/ρ_s for the profile; r in kpc. */
export function density(profile: DmProfile, r: number): number {
  switch (profile.kind) {
    case 'nfw': {
      const x = r / 24.42;
      return 1 / (x * (1 + x) ** 2);
    }
    case 'gnfw': {
      const x = r / 24.42;
      return x ** -profile.gamma * (1 + x) ** (profile.gamma - 3);
    }
    case 'einasto': {
      const a = profile.alpha ?? 0.17;
      return Math.exp((-2 / a) * ((r / 28.44) ** a - 1));
    }
  }
}

/**
 * J(ψ) in units of ρ_s² kpc, integrated to 100 kpc along the line of sight. The substitution
 * s = R0 cos ψ + r_min sinh t (r_min = R0 sin ψ, so r = r_min cosh t) resolves the cusp.
 */
export function jFactor(profile: DmProfile, psiDeg: number, steps = 400): number {
  const psi = Math.max(psiDeg, 1e-4) * (Math.PI / 180);
  const rMin = R0_KPC * Math.sin(psi);
  const s0 = R0_KPC * Math.cos(psi);
  const t0 = Math.asinh(-s0 / rMin);
  const t1 = Math.asinh((100 - s0) / rMin);
  const dt = (t1 - t0) / steps;
  let sum = 0;
  for (let k = 0; k <= steps; k++) {
    const t = t0 + k * dt;
    const r = rMin * Math.cosh(t);
    const w = k === 0 || k === steps ? 0.5 : 1;
    sum += w * density(profile, r) ** 2 * r; // ds = r_min cosh t dt = r dt
  }
  return sum * dt;
}

const cache = new Map<string, Float32Array>();

/**
 * Unit-sum J-factor map on `grid`, each pixel averaged over `sub`×`sub` sample points (the cusp
 * makes the central pixels depend on it). Cached per profile and grid.
 */
export function jFactorMap(grid: SkyGrid, profile: DmProfile, sub = 3): Float32Array {
  const key = JSON.stringify([grid, profile, sub]);
  const hit = cache.get(key);
  if (hit) return hit;
  const out = new Float32Array(grid.height * grid.width);
  for (let i = 0; i < grid.height; i++) {
    for (let j = 0; j < grid.width; j++) {
      let acc = 0;
      for (let a = 0; a < sub; a++) {
        for (let b = 0; b < sub; b++) {
          const p = pixelLB(grid, i, j, (a + 0.5) / sub, (b + 0.5) / sub);
          acc += jFactor(profile, angleFromGC(p.l, p.b), 200);
        }
      }
      out[i * grid.width + j] = acc / (sub * sub);
    }
  }
  const map = unitSum(out);
  cache.set(key, map);
  return map;
}

/** J(ψ) / J(`refDeg`) at each angle `psisDeg` (degrees from the GC): the shape of a profile's J-factor. */
export function relativeJFactor(profile: DmProfile, psisDeg: readonly number[], refDeg = 1): number[] {
  const ref = jFactor(profile, refDeg);
  return psisDeg.map((psi) => jFactor(profile, psi) / ref);
}

/** `count` angles from `fromDeg` to `toDeg`, evenly spaced in log ψ. */
export function logAngles(fromDeg: number, toDeg: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => fromDeg * (toDeg / fromDeg) ** (i / Math.max(1, count - 1)));
}
