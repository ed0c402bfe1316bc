/**
 * The primaries of the Telescope Array simulation (H, He, N, Fe in equal parts, plus photons as a
 * separate set, as in the seed's "EAS modelling" slide) and how each one's shower differs at ground:
 * depth of maximum, muon content, signal at 800 m, LDF slope and front thickness.
 *
 * This is a parametric stand-in for CORSIKA + GEANT4 (the seed's chain): each constant says where it
 * comes from, and "model choice" marks values picked to be of the right size, not measured ones.
 * Used by `simulate.ts` and notebooks/02-telescope-array.ipynb.
 */
import { etaOfZenith } from './ldf';

/** Primary particle kinds; the index is the stored `primary` code. */
export const PRIMARIES = ['H', 'He', 'N', 'Fe', 'photon'] as const;
export type Primary = (typeof PRIMARIES)[number];
/** Index of `photon` in {@link PRIMARIES}. */
export const PHOTON = 4;

/** Mass numbers A (photons: 0, not used in A^0.15). */
export const MASS_NUMBER: Readonly<Record<Primary, number>> = { H: 1, He: 4, N: 14, Fe: 56, photon: 0 };

/**
 * Atmospheric depth of the TA site, 1400 m above sea level: ≈ 875 g/cm² (US standard atmosphere,
 * pressure ≈ 85.8 kPa at 1.4 km).
 */
export const GROUND_DEPTH_G_CM2 = 875;

/** Mean depth of shower maximum ⟨Xmax⟩ of protons at 10 EeV, g/cm² (≈ 780, as in QGSJET-II / EPOS predictions; model choice within their spread). */
const XMAX_P_10EEV = 780;
/** Elongation rate, g/cm² per decade of energy (≈ 55–60 for hadrons in the models). */
const ELONGATION = 58;
/** Xmax shift per ln A (superposition: Xmax(A, E) = Xmax_p(E/A); 58 g/cm²/decade / ln 10 ≈ 25). */
const XMAX_PER_LN_A = ELONGATION / Math.LN10;
/** Photon showers are deeper than proton showers by ≈ 100 g/cm² at 10 EeV (no preshower / LPM treatment here). */
const PHOTON_XMAX_SHIFT = 100;
/** Xmax fluctuations σ(Xmax), g/cm² (order of the model predictions: p ≈ 60, Fe ≈ 20). */
const XMAX_SIGMA: Readonly<Record<Primary, number>> = { H: 60, He: 45, N: 30, Fe: 20, photon: 70 };

/**
 * Relative muon number N_μ^A / N_μ^p = A^0.15 (Heitler–Matthews model, Matthews 2005,
 * Astropart. Phys. 22, 387); photon showers carry ≈ 10–15 % of a proton's muons (model choice).
 */
export function muonScale(primary: Primary): number {
  return primary === 'photon' ? 0.12 : Math.pow(MASS_NUMBER[primary], 0.15);
}

/**
 * Gamma(2) delay scale of EM particles at r = 0, ns: τ(r) = τ0 (1 + r/RL)^1.5, so that the spread of
 * arrival times is Linsley's front thickness σ_t = 1.6 ns (1 + r/30 m)^1.5 within a factor √2
 * (Linsley 1986, J. Phys. G 12, 51). Muons arrive in a front half as thick (model choice).
 */
export const TAU0_EM_NS = 1.6;
export const TAU0_MU_NS = 0.8;

/** A drawn Xmax in g/cm² for one shower: ⟨Xmax⟩(A, E) plus a Gaussian fluctuation. */
export function meanXmax(primary: Primary, energyEeV: number): number {
  const decades = Math.log10(energyEeV / 10);
  const base = XMAX_P_10EEV + ELONGATION * decades;
  if (primary === 'photon') return base + PHOTON_XMAX_SHIFT;
  return base - XMAX_PER_LN_A * Math.log(MASS_NUMBER[primary]);
}

/** σ(Xmax) in g/cm². */
export function xmaxSigma(primary: Primary): number {
  return XMAX_SIGMA[primary];
}

/** EM signal density at 800 m of a vertical 10 EeV proton at ⟨Xmax⟩, VEM/m² (model choice: S800 ≈ 10 VEM/m² in all, so that a 10 EeV event has ≈ 10–15 hit detectors as in TA). */
const S_EM_10EEV = 6;
/** Muon signal density at 800 m of a 10 EeV proton, VEM/m² (model choice; muons ≈ 40 % of S800). */
const S_MU_10EEV = 4;
/** Attenuation length of the EM signal at 800 m after Xmax, g/cm² (model choice, gives S800(45°)/S800(0°) ≈ 0.55). */
const LAMBDA_EM = 350;
/** Attenuation length of the muon signal, g/cm² (muons barely attenuate; model choice). */
const LAMBDA_MU = 2500;
/** N_μ ∝ E^0.93 (Heitler–Matthews β ≈ 0.9). */
const MUON_ENERGY_INDEX = 0.93;

/** The ground signal of one shower: EM and muon parts at 800 m and their LDF slopes and time scales. */
export interface GroundShower {
  /** EM signal density at 800 m, VEM/m² */
  sEm800: number;
  /** muon signal density at 800 m, VEM/m² */
  sMu800: number;
  /** LDF slope of the EM part */
  etaEm: number;
  /** LDF slope of the muon part (flatter) */
  etaMu: number;
  /** front-thickness scale τ0 of EM particles, ns (delays ~ Gamma(2, τ0 (1 + r/RL)^1.5)) */
  tau0Em: number;
  /** the same for muons (they arrive earlier, in a thinner front) */
  tau0Mu: number;
}

/**
 * The ground-level signal parameters of a shower of given primary, energy, zenith and Xmax.
 * EM part ∝ E exp(−(X_slant − Xmax − 100)/Λ_em); muon part ∝ A^0.15 E^0.93 exp(−(X_slant − X_ground)/Λ_μ);
 * EM LDF steeper for deeper showers (younger at ground); thickness larger for deeper showers (front closer).
 */
export function groundShower(primary: Primary, energyEeV: number, zenith: number, xmax: number): GroundShower {
  const sec = 1 / Math.cos(zenith);
  const slant = GROUND_DEPTH_G_CM2 * sec;
  const e10 = energyEeV / 10;
  const sEm800 = S_EM_10EEV * e10 * Math.exp(-(slant - xmax - 100) / LAMBDA_EM);
  const sMu800 = S_MU_10EEV * muonScale(primary) * Math.pow(e10, MUON_ENERGY_INDEX) * Math.exp(-(slant - GROUND_DEPTH_G_CM2) / LAMBDA_MU);
  const eta = etaOfZenith(zenith);
  const youth = (xmax - 750) / 100; // > 0: deeper than average, younger at ground
  return {
    sEm800,
    sMu800,
    etaEm: eta + 0.2 + 0.2 * youth,
    etaMu: eta - 0.5,
    tau0Em: TAU0_EM_NS * (1 + 0.15 * youth),
    tau0Mu: TAU0_MU_NS * (1 + 0.15 * youth),
  };
}
