/**
 * The seed's numbers for the DarkMachines notebook (Hendriks, "Dark Machines" talk,
 * `002_29c16a89b2a888ad.txt`), each with its slide and the tolerance that counts as reproduced, and
 * `darkMachinesResults`, which sets our numbers beside them for `recordResults`.
 *
 * The β-VAE table is the talk's one numeric result; its VAE, data and latent size differ from ours, and
 * the table spans five decades, so an entry counts as reproduced within a factor 3 of the talk's value. The
 * generator speed is derived from the talk's "10 million events in 3 minutes" (same tolerance). The
 * anomaly detectors are shown as figures without numbers.
 *
 * Used by notebook 04-darkmachines (its β table and closing section).
 */
import { ownQuantity, type Quantity } from '../results/verdict';
import type { Measured } from '../results/record';

const SEED = 'seed 002 (Hendriks)';

/** The talk's β-VAE table ("β-VAE" slide): β → [average latent variance, average latent mean or null where the slide has "..."]. */
export const SEED_BETA_TABLE: ReadonlyMap<number, readonly [number, number | null]> = new Map([
  [1, [1, 1.89e-9]],
  [5e-1, [0.999999905, 2.35e-7]],
  [5e-2, [0.86448085, null]],
  [5e-3, [0.554529, null]],
  [5e-4, [0.3784553, null]],
  [5e-5, [0.09676677, null]],
  [5e-6, [0.008932933, null]],
  [0, [0.0000442, null]],
]);

/** `beta_var_<β>`: β = 1 → `beta_var_1`, 5·10⁻³ → `beta_var_5e_3`, 0 → `beta_var_0` (keys allow no `-` or `.`). */
export function betaKey(beta: number): string {
  if (beta === 0 || beta === 1) return `beta_var_${beta}`;
  const [mantissa, exponent] = beta.toExponential().split('e');
  if (Number(exponent) >= 0) throw new Error(`β = ${beta}: the talk's table has β in [0, 1]`);
  return `beta_var_${mantissa.replace('.', '_')}e_${-Number(exponent)}`;
}

/**
 * The talk's average latent variance at β, as a quantity: reproduced within a factor 3 either way (the
 * table spans five decades, and the talk's VAE, data and latent size differ from ours).
 */
export function betaVarianceQuantity(beta: number): Quantity {
  const seed = SEED_BETA_TABLE.get(beta);
  if (!seed) throw new Error(`the talk's β table has no row for β = ${beta} (it has ${[...SEED_BETA_TABLE.keys()].join(', ')})`);
  return {
    key: betaKey(beta), label: `β-VAE average latent variance at β = ${beta}`, unit: '', paper: seed[0], tolerance: 0, factor: 3,
    direction: 'closer-is-better', source: `${SEED}, "β-VAE" slide, table row β = ${beta}; loss (1 − β)·MSE + β·KL(μ, σ) with KL := Σ_i KL_i`,
  };
}

export const PAPER = {
  generator_events_per_s: {
    key: 'generator_events_per_s', label: 'VAE generator: events per second (latent sampling, decoding, events built)', unit: 'events/s', paper: 1e7 / 180, tolerance: 0.5, relative: true, direction: 'higher-is-better',
    source: `${SEED}, "Event generators using VAE" slide: "10 million events in 3 minutes" (10⁷ / 180 s; 28-d events, Z = 20, hardware not stated)`,
  },
  best_detector_mean_auc: ownQuantity('best_detector_mean_auc', 'best learned detector: mean AUC over the signals', '', 'higher-is-better', `${SEED}, AE / IF / GMM on the VAE latent space: shown as figures, no values`),
  met_mean_auc: ownQuantity('met_mean_auc', 'MET-cut baseline: mean AUC over the signals', '', 'higher-is-better', `${SEED}: no MET baseline in the talk`),
  pmssm_modes_gpf: ownQuantity('pmssm_modes_gpf', 'pMSSM toy: modes found by the Gaussian particle filter (of 3)', '', 'higher-is-better', `${SEED}, parameter-scan slides: "found region in parameter space of 10⁻³⁷ of the total volume" (a volume, not a count)`),
  pmssm_modes_random: ownQuantity('pmssm_modes_random', 'pMSSM toy: modes found by random sampling (of 3)', '', 'higher-is-better', `${SEED}: no value for random sampling`),
} satisfies Record<string, Quantity>;

/** The generator's observables compared by their KS distance, by key part. */
const KS_LABELS = { njets: ['nJets', 'jet multiplicity'], met: ['MET', 'MET'], ht: ['HT', 'HT'], lead_pt: ['leadPt', 'leading-object pT'] } as const;

/** `generator_ks_<observable>`: KS distance between generated and independently simulated tt̄ (the talk shows histograms, no values). */
export function generatorKsQuantity(part: keyof typeof KS_LABELS): Quantity {
  return ownQuantity(`generator_ks_${part}`, `VAE generator: KS distance of the ${KS_LABELS[part][1]}, generated vs simulated tt̄`, '', 'lower-is-better',
    `${SEED}, "Event generators using VAE" slide: generated and Monte Carlo distributions shown as figures, no values`);
}

/** The detector kinds of the talk's comparison, by key part. */
const KIND_LABELS = { ae: 'autoencoder', if: 'isolation forest', gmm: 'Gaussian mixture' } as const;

/** `mean_auc_<space>_<kind>`: a detector's mean AUC over the signals in the input or the latent space (the talk shows figures, no values). */
export function spaceAucQuantity(space: 'input' | 'latent', kind: keyof typeof KIND_LABELS): Quantity {
  const where = space === 'input' ? 'on the preprocessed 4-vector inputs' : "on the VAE's latent means";
  return ownQuantity(`mean_auc_${space}_${kind}`, `${KIND_LABELS[kind]} ${where}: mean AUC over the signals`, '', 'higher-is-better',
    `${SEED}, "AE/IF/GMM from before on the latent space" slide: "4-vector space" and "Latent space of VAE" shown as ROC figures, no values`);
}

/** Our numbers, as notebook 04 collects them. */
export type DarkMachinesNumbers = {
  /** β → average latent variance on the SM training events */
  betaVariance: { beta: number; avgVar: number }[];
  bestDetector: { name: string; meanAuc: number };
  metMeanAuc: number;
  /** mean AUC over the signals of the talk's three detectors in each space (NaN: not run) */
  spaceMeanAuc: Record<'input' | 'latent', Record<keyof typeof KIND_LABELS, number>>;
  generator: { eventsPerSecond: number; ks: Record<keyof typeof KS_LABELS, number> };
  pmssmModes: { gpf: number; random: number };
};

/** The KS distances the results record, from the generator comparison's rows (`compareSamples`). */
export function generatorKs(rows: readonly { variable: string; ks: number }[]): DarkMachinesNumbers['generator']['ks'] {
  const ks = (variable: string) => {
    const row = rows.find((r) => r.variable === variable);
    if (!row) throw new Error(`the generator comparison has no row "${variable}" (it has ${rows.map((r) => r.variable).join(', ')})`);
    return row.ks;
  };
  return { njets: ks(KS_LABELS.njets[0]), met: ks(KS_LABELS.met[0]), ht: ks(KS_LABELS.ht[0]), lead_pt: ks(KS_LABELS.lead_pt[0]) };
}

/** Our numbers beside the talk's for `recordResults('04-darkmachines', ...)`. */
export function darkMachinesResults(o: DarkMachinesNumbers): Measured[] {
  return [
    { ...PAPER.best_detector_mean_auc, label: `best learned detector (${o.bestDetector.name}): mean AUC over the signals`, ours: o.bestDetector.meanAuc, headline: true },
    { ...PAPER.met_mean_auc, ours: o.metMeanAuc },
    ...(['input', 'latent'] as const).flatMap((space) => (['ae', 'if', 'gmm'] as const).map((kind) => ({ ...spaceAucQuantity(space, kind), ours: o.spaceMeanAuc[space][kind] }))),
    ...o.betaVariance.map((r) => ({ ...betaVarianceQuantity(r.beta), ours: r.avgVar })),
    { ...PAPER.generator_events_per_s, ours: o.generator.eventsPerSecond },
    ...(Object.keys(KS_LABELS) as (keyof typeof KS_LABELS)[]).map((part) => ({ ...generatorKsQuantity(part), ours: o.generator.ks[part] })),
    { ...PAPER.pmssm_modes_gpf, ours: o.pmssmModes.gpf },
    { ...PAPER.pmssm_modes_random, ours: o.pmssmModes.random },
  ];
}

/** One row of the β table as the notebook shows it: ours beside the talk's. */
export type BetaTableRow = {
  β: number;
  'avg var (ours)': number;
  'avg var (seed)': number;
  'avg mean (ours)': number;
  /** NaN where the talk's slide has "..." */
  'avg mean (seed)': number;
  'avg |mean|': number;
  /** latent dimensions with average σ² < 0.5 */
  'active dims': number;
  MSE: number;
  KL: number;
  seconds: number;
};

/** Our β scan beside the talk's table (`SEED_BETA_TABLE`); throws for a β the talk's table lacks. */
export function betaTableRows(rows: readonly { beta: number; avgVar: number; avgMean: number; avgAbsMean: number; activeDims: number; mse: number; kl: number; seconds: number }[]): BetaTableRow[] {
  return rows.map((r) => {
    const seed = SEED_BETA_TABLE.get(r.beta);
    if (!seed) throw new Error(`the talk's β table has no row for β = ${r.beta}`);
    return {
      β: r.beta, 'avg var (ours)': r.avgVar, 'avg var (seed)': seed[0], 'avg mean (ours)': r.avgMean, 'avg mean (seed)': seed[1] ?? NaN,
      'avg |mean|': r.avgAbsMean, 'active dims': r.activeDims, MSE: r.mse, KL: r.kl, seconds: r.seconds,
    };
  });
}

/**
 * The β-convention ablation beside the scan and the talk: one row per β of the scan, one column pair per
 * variant (average latent variance, and its ratio to the talk's value, NaN where the variant did not run
 * that β), the scan's own column first.
 */
export function betaAblationRows(scan: readonly { beta: number; avgVar: number; activeDims: number }[], ablation: readonly { variant: string; beta: number; avgVar: number; activeDims: number; latentDim: number }[], scanLabel: string): Record<string, number | string>[] {
  const variants = [...new Set(ablation.map((r) => r.variant))];
  return scan.map((s) => {
    const seed = SEED_BETA_TABLE.get(s.beta)?.[0] ?? NaN;
    const row: Record<string, number | string> = { β: s.beta, 'talk': seed, [scanLabel]: s.avgVar, [`${scanLabel}: ratio`]: s.avgVar / seed };
    for (const v of variants) {
      const r = ablation.find((a) => a.variant === v && a.beta === s.beta);
      row[v] = r ? r.avgVar : NaN;
      row[`${v}: ratio`] = r ? r.avgVar / seed : NaN;
      row[`${v}: active`] = r ? `${r.activeDims}/${r.latentDim}` : '';
    }
    return row;
  });
}
