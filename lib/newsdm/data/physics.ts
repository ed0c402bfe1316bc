/**
 * Physical constants of the NEWSdm emulsion-cluster model: microscope, polarisation angles, grains
 * and the six cluster classes, each with its unit and where it comes from (the seed, Golovatiuk 2018
 * "Machine Learning methods for NEWSdm", or stated reasoning).
 *
 * Used by `./clusters` and `./render` (the simulator), `./features` and the NEWSdm notebook
 * (`notebooks/01-newsdm.ipynb`).
 */

/** Pixel pitch of the optical microscope camera, nm (seed, Fig. 3: "1 pixel = 55 nm"). */
export const PIXEL_NM = 55;

/**
 * Optical resolution of the microscope as the FWHM of its point-spread function, nm
 * (seed §1.1: "optical microscope … lacks resolution (~200 nm)").
 */
export const PSF_FWHM_NM = 200;

/** Gaussian σ of the PSF, nm: FWHM / (2 √(2 ln 2)). */
export const PSF_SIGMA_NM = PSF_FWHM_NM / (2 * Math.sqrt(2 * Math.LN2));

/** Number of polarisation angles per cluster (seed §2.1: "8 polarisation angles each"). */
export const N_POL = 8;

/** The polarisation angles, rad: 0°, 22.5°, …, 157.5° (a half turn in 8 steps; 180° repeats 0°). */
export const POLARISATION_RAD: readonly number[] = Array.from({ length: N_POL }, (_, k) => (k * Math.PI) / N_POL);

/** The six classes of the seed's "Yandex dataset" (§2.2), in label order. */
export const CLASS_NAMES = ['C60', 'C80', 'C100', 'gamma', 'dust', 'fog'] as const;
/** One of the six cluster classes. */
export type ClusterClass = (typeof CLASS_NAMES)[number];
/** Class index → whether it is signal (a carbon-ion recoil track). */
export const IS_SIGNAL: readonly boolean[] = [true, true, true, false, false, false];

/** Carbon-ion kinetic energy of each signal class, keV (seed §2.2). */
export const CARBON_ENERGY_KEV: Readonly<Record<'C60' | 'C80' | 'C100', number>> = { C60: 60, C80: 80, C100: 100 };

/**
 * Mean track range of a carbon ion in the emulsion, nm, as a function of its energy in keV.
 * Assumption: the seed gives ranges of O(100 nm) (§1.1) and a ~90 nm barycentre-shift length for a
 * C 100 keV cluster (Fig. 3), which is shorter than the full range because the barycentre moves
 * between intensity-weighted means; at these energies nuclear stopping dominates and the range grows
 * roughly linearly with energy. We take 1.7 nm/keV, i.e. 100 / 135 / 170 nm for C60 / C80 / C100.
 */
export function carbonRangeNm(energyKeV: number): number {
  return 1.7 * energyKeV;
}

/** Relative range straggling (σ/mean) of the carbon tracks. Assumption: ~15 % typical for ions at keV energies. */
export const RANGE_STRAGGLING = 0.15;

/**
 * Mean distance between developed silver grains along a carbon track, nm. Assumption: NIT/UNIT
 * emulsion crystals are 20–40 nm, developed grains ~50 nm; a spacing of 70 nm gives 2–3 grains on a
 * C 100 keV track, "several silver grains merged into one cluster" (seed §1.1).
 */
export const GRAIN_SPACING_NM = 70;

/**
 * Angular spread of the exposure direction of the carbon tracks, rad (σ of a Gaussian around the
 * beam axis x). Assumption: the seed's signal tracks are "aligned in the same direction (with some
 * variance)" (§2.3); 0.1 rad ≈ 6° (the seed's best angle error is ~5°).
 */
export const BEAM_SPREAD_RAD = 0.1;

/** Electron (gamma background) track length range, nm. Assumption: Compton electrons of tens of keV, after the length cuts. */
export const GAMMA_LENGTH_NM: readonly [number, number] = [220, 450];
/** Mean grain spacing on an electron track, nm: lower ionisation density than a carbon ion, so sparser grains. */
export const GAMMA_SPACING_NM = 130;

/** Developed silver grain size (long and short axis), nm. Assumption: elongated grains of 40–80 nm × 25–40 nm. */
export const GRAIN_LENGTH_NM: readonly [number, number] = [40, 80];
export const GRAIN_WIDTH_NM: readonly [number, number] = [25, 40];

/**
 * Polarisation anisotropy of a grain, a ∈ [0, 1]: its brightness at polarisation θ is
 * b₀ [1 − a + a cos²(θ − α)], with α the grain's long axis — the dipole (longitudinal plasmon)
 * resonance of a non-spherical silver grain (seed §1.1; Aleksandrov et al., arXiv:1604.04199).
 * Assumption: uniform in [0.6, 0.95] (strongly anisotropic grains; exercise 1 of the notebook sets it to 0).
 */
export const GRAIN_ANISOTROPY: readonly [number, number] = [0.6, 0.95];

/** Log-normal spread (σ of ln b₀) of the grain brightness. Assumption. */
export const GRAIN_BRIGHTNESS_LOG_SIGMA = 0.25;

/**
 * Integrated brightness of one grain, in image units × pixels (the sum over its image). With the
 * PSF above, a single grain peaks at about 0.5 over the background. Assumption (a choice of units).
 */
export const GRAIN_FLUX = 8;

/** Dust blobs: number of sub-blobs, their radius (nm), the blob radius (nm), total flux (× GRAIN_FLUX). Assumption. */
export const DUST = { parts: [4, 10] as const, partRadiusNm: [40, 100] as const, radiusNm: [60, 180] as const, fluxLogMean: Math.log(3), fluxLogSigma: 0.4 };

/** Camera: background pedestal, Gaussian read noise σ and shot-noise factor (var += factor × signal), image units. Assumption. */
export const CAMERA = { pedestal: 0.1, readNoise: 0.01, shotFactor: 0.0005 };

/**
 * Stage / registration jitter between the 8 polarisation frames, nm (σ per axis). Assumption: a few nm,
 * well below the barycentre shifts of multi-grain clusters (seed Fig. 3: shifts of ~0.5 px ≈ 30 nm).
 */
export const FRAME_JITTER_NM = 2;

/** Offset of the cluster from the image centre (the scanner centres on the cluster), σ in nm. Assumption. */
export const CENTRING_SIGMA_NM = 20;
