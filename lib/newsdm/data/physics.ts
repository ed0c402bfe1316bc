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
 * Mean distance between developed silver grains along a carbon track, nm. Source: the NEWS letter of
 * intent (Aleksandrov et al., arXiv:1604.04199, and the collaboration's talks of the same table) gives
 * the linear density of AgBr crystals of the NIT emulsion as 12 crystals/µm (U-NIT: 29/µm); a C ion of
 * 100 keV is far above the development threshold, so every crystal it crosses develops into a grain:
 * 1000 / 12 ≈ 83 nm. With the range above, a C 100 keV track holds 1 + Poisson(≈2) grains — "several
 * silver grains merged into one cluster" (seed §1.1); about 13 % develop only one grain (see
 * {@link MIN_TRACK_GRAINS}).
 */
export const GRAIN_SPACING_NM = 1000 / 12;

/**
 * The least number of grains of a signal track. Source: the seed's point that polarisation separates
 * "single grain fog and tracks containing at least two grains" (§1.1): a carbon ion that develops only
 * one grain leaves no track, only a grain drawn exactly like a fog grain, so no image carries its label.
 * The signal sample keeps C-ion clusters of at least this many grains (the label's definition, counted
 * by {@link simulateBinarySet}'s cut report, not dropped silently).
 */
export const MIN_TRACK_GRAINS = 2;

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

/**
 * Developed silver grain size (long and short axis), nm. Source: the NEWS letter of intent
 * (arXiv:1604.04199) gives NIT crystals of ~44 nm (U-NIT ~25 nm), i.e. grains of tens of nm; a developed
 * grain is filamentary silver grown from its crystal, so somewhat larger and non-spherical ("grains
 * inside the cluster are non-spherical", seed §1.1). Assumption within that: 40–80 nm × 25–40 nm.
 */
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

/**
 * Mixture of the background sample before the cuts (weights of gamma-electron tracks, dust, fog).
 * The seed's background (§2.1, LNGS 2017) is "mixed background tracks" and names its kinds in §1.1 —
 * long tracks from "high-energetic radiation", "dust", and "random fog (temperature fluctuations)" —
 * but gives no fractions. Assumption: equal weights (no information favours any kind); the cuts then
 * change the mixture, and the notebook shows the counts after them.
 */
export const BACKGROUND_MIX: Readonly<Record<'gamma' | 'dust' | 'fog', number>> = { gamma: 1 / 3, dust: 1 / 3, fog: 1 / 3 };

/**
 * Fraction of the signal sample that is background (drawn from {@link BACKGROUND_MIX}, labelled
 * signal). Source: the seed (§2): "some background contamination is inevitable. Short time of exposure
 * as well as usual shielding techniques are used to reduce the contribution of background". It gives no
 * number; assumption: 2 % (small, as the short exposure suggests). The contaminating clusters pass the
 * same cuts as every other cluster.
 */
export const SIGNAL_CONTAMINATION = 0.02;

/**
 * The seed's physical cuts (§2.1: "discarding too long tracks, large dust samples etc."), applied to
 * every cluster of both samples on what the microscope measures: the second-moment fit of the cluster
 * (`./features`), averaged over the 8 polarisations.
 *
 * - `maxLengthNm`: the seed's "several hundred of nanometers" for the longest WIMP recoils (§1.1), longer
 *   tracks being "unambiguously" background. A straight track of length L with grains spread evenly along
 *   it, seen through the PSF, has a major-axis σ of √(σ_PSF² + L²/12): 400 nm gives the cut on `lx` below.
 * - `maxVolume`: "large dust samples": the brightness volume of the fit above which a cluster is taken as
 *   a large dust blob. Assumption: 35 image units × pixels, about eight single grains (a fog grain measures
 *   ~4.4, a C 100 keV track ~14 in the median; large dust reaches 40).
 */
export const CUTS = {
  maxLengthNm: 400,
  maxMajorAxisNm: Math.sqrt(PSF_SIGMA_NM ** 2 + 400 ** 2 / 12),
  maxVolume: 35,
} as const;
