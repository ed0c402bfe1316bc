/**
 * A 19-parameter pMSSM-like toy likelihood for the parameter-scan comparison. The parameters and
 * their meaning are those of the seed's table (the phenomenological MSSM of arXiv 1502.05703, used
 * there to fit the Galactic-Centre excess); the likelihood is NOT physics: it mimics what makes the
 * real scan hard — a narrow good region (a few separated modes, each a thin ellipsoid in 8 of the 19
 * parameters, flat in the 11 others, as unconstrained sfermion masses are) inside a huge box.
 *
 * ln L(θ) = ln Σ_m w_m exp(−½ Σ_{i ∈ constrained} ((u_i − c_{m,i}) / s_{m,i})²), with u the parameters
 * mapped to [0, 1]; a point is in the good region of mode m when its χ²_m ≤ `GOOD_CHI2` (the 95 %
 * quantile of χ² with 8 degrees of freedom).
 *
 * Used by `../model/scanners.ts` and notebook 04-darkmachines.
 */
import { Random } from '../../random';

/** One pMSSM parameter: symbol as in the seed, meaning, range. */
export interface PmssmParameter {
  name: string;
  description: string;
  lower: number;
  upper: number;
  unit: string;
}

const mass = (name: string, description: string, lower = 100, upper = 4000): PmssmParameter => ({ name, description, lower, upper, unit: 'GeV' });

/** The 19 parameters of the seed's table with typical scan ranges. */
export const PMSSM_PARAMETERS: readonly PmssmParameter[] = [
  { name: 'tanβ', description: 'ratio of the vacuum expectation values of the two Higgs doublets', lower: 1, upper: 60, unit: '' },
  mass('M_A', 'mass of the pseudoscalar Higgs boson'),
  mass('μ', 'higgsino mass parameter', -4000, 4000),
  mass('M_1', 'bino mass parameter', -4000, 4000),
  mass('M_2', 'wino mass parameter', -4000, 4000),
  mass('M_3', 'gluino mass parameter'),
  mass('m_q̃', 'first and second generation left-handed squark mass'),
  mass('m_ũR', 'first and second generation right-handed up squark mass'),
  mass('m_d̃R', 'first and second generation right-handed down squark mass'),
  mass('m_l̃', 'first and second generation left-handed slepton mass'),
  mass('m_ẽR', 'first and second generation right-handed slepton mass'),
  mass('m_Q̃', 'third generation left-handed squark mass'),
  mass('m_t̃R', 'right-handed stop mass'),
  mass('m_b̃R', 'right-handed sbottom mass'),
  mass('m_L̃', 'third generation left-handed slepton mass'),
  mass('m_τ̃R', 'right-handed stau mass'),
  mass('A_t', 'stop trilinear coupling', -8000, 8000),
  mass('A_b', 'sbottom trilinear coupling', -8000, 8000),
  mass('A_τ', 'stau trilinear coupling', -8000, 8000),
];

/** Indices of the constrained parameters: tanβ, M_A, μ, M_1, M_2, m_Q̃, m_t̃R, A_t. */
export const CONSTRAINED = [0, 1, 2, 3, 4, 11, 12, 16];
/** χ² (8 dof) 95 % quantile: the good region of a mode. */
export const GOOD_CHI2 = 15.507;

/** The toy likelihood: `logL(θ)` over the 19 physical parameters, and its hidden modes. */
export interface PmssmToy {
  dim: number;
  lower: number[];
  upper: number[];
  names: string[];
  /** mode centres and widths in unit-box coordinates (scoring only) */
  modes: { centre: number[]; width: number[]; weight: number }[];
  logL(theta: ArrayLike<number>): number;
  /** χ² of θ with respect to each mode */
  chi2(theta: ArrayLike<number>): number[];
}

/** Builds the toy with `nModes` modes (default 3) of relative widths in [0.01, 0.03] of the range. */
export function pmssmToy(seed = 1502, nModes = 3): PmssmToy {
  const rng = new Random(seed);
  const P = PMSSM_PARAMETERS;
  const modes = Array.from({ length: nModes }, () => ({
    centre: CONSTRAINED.map(() => rng.uniform(0.15, 0.85)),
    width: CONSTRAINED.map(() => rng.uniform(0.01, 0.03)),
    weight: 1 / nModes,
  }));
  const unit = (theta: ArrayLike<number>, i: number) => (theta[i] - P[i].lower) / (P[i].upper - P[i].lower);
  const chi2 = (theta: ArrayLike<number>) =>
    modes.map((m) => CONSTRAINED.reduce((s, i, k) => s + ((unit(theta, i) - m.centre[k]) / m.width[k]) ** 2, 0));
  return {
    dim: P.length,
    lower: P.map((p) => p.lower),
    upper: P.map((p) => p.upper),
    names: P.map((p) => p.name),
    modes,
    chi2,
    logL: (theta) => {
      const c = chi2(theta);
      const mn = Math.min(...c);
      return -0.5 * mn + Math.log(modes.reduce((s, m, k) => s + m.weight * Math.exp(-0.5 * (c[k] - mn)), 0));
    },
  };
}

/** How much of the good region a scan found: modes with ≥ 1 good point, and good points overall. */
export function goodRegionCoverage(toy: PmssmToy, points: Float64Array): { modesFound: number; fractionOfModes: number; goodPoints: number; fractionOfCalls: number } {
  const n = points.length / toy.dim;
  const found = new Array(toy.modes.length).fill(false);
  let good = 0;
  for (let c = 0; c < n; c++) {
    const chi2 = toy.chi2(points.subarray(c * toy.dim, (c + 1) * toy.dim));
    let any = false;
    chi2.forEach((v, k) => {
      if (v <= GOOD_CHI2) found[k] = any = true;
    });
    if (any) good++;
  }
  const modesFound = found.filter(Boolean).length;
  return { modesFound, fractionOfModes: modesFound / toy.modes.length, goodPoints: good, fractionOfCalls: good / Math.max(n, 1) };
}
