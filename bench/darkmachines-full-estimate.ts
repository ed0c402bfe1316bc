/**
 * Estimates the `full` profile of notebook 04-darkmachines from two short timed runs (issue 17), and is
 * its dry run at `full`'s data sizes: both runs use `full`'s events (times `--fraction`), the first with
 * `--epochs` epochs and `--gmm-iter` EM iterations, the second with twice those. The trainings' seconds
 * are taken as fixed + per-epoch cost (the two runs give both), extrapolated to `full`'s epochs (the
 * detectors to the larger of `full`'s epochs and EM iterations in those units: an upper bound), then
 * divided by `--fraction` (linear in events). The first run also runs what is cheap at `full`'s size
 * as it is: the generator's 10⁷ events for the rate and the scanners at `full`'s budgets.
 * The notebook's figures and tables are not timed (seconds).
 * Prints a table part → estimated seconds, the total, and the peak RSS of the process.
 *
 *   npx tsx bench/darkmachines-full-estimate.ts [--fraction 1] [--epochs 3] [--gmm-iter 15]
 *
 * Machines are shared: the estimate is as good as the quiet of the run. On 2 shared cores (2026-12-05)
 * it gave 510 s (peak RSS 851 MB) where the real `full` run of the notebook took 606 s.
 */
import { initBackend } from '../lib/backend';
import { Random } from '../lib/random';
import { Stopwatch } from '../lib/timer';
import * as dm from '../lib/darkmachines';
import { memoryReport } from '../lib/zprime/train/memory';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const BETAS = [1, 5e-1, 5e-2, 5e-3, 5e-4, 5e-5, 5e-6, 0]; // the notebook's β scan (the talk's table)
const FUNCTION_NAMES = ['rosenbrock', 'rastrigin', 'himmelblau', 'eggholder'] as const;

/** Seconds of each part of the notebook with these settings. */
async function timeParts(P: dm.DarkMachinesSettings, scanners: boolean, log: (s: string) => void): Promise<Record<string, number>> {
  const t: Record<string, number> = {};
  const clock = new Stopwatch();
  const lap = (part: string) => { t[part] = clock.seconds(); log(`${part}: ${t[part].toFixed(1)} s, peak RSS ${Math.round(memoryReport().peakRssMB)} MB`); clock.restart(); };
  const data = dm.buildStudyData({ channel: P.channel, nSM: P.nSM, nSignal: P.nSignal, maxObjects: P.maxObjects, rng: new Random(P.seed) });
  lap('simulation');
  dm.metHtFigures(data.events.smTest, data.events.signals, ['glgl1600_neutralino800']);
  dm.cutBaselines(data.events.smTest, data.events.signals);
  lap('baselines');
  const scan = await dm.betaScan(data.smTrain, BETAS, P.vae, new Random(P.seed).fork('beta scan'));
  lap('betaScan');
  await dm.betaAblation(data.smTrain, P.ablationBetas, P.vae, dm.betaConventionVariants(P.vae), new Random(P.seed).fork('β ablation'));
  lap('betaAblation');
  const vae = dm.keepModel(scan.models, 5e-3);
  await dm.runDetectorSuite(vae, data, { rng: new Random(P.seed).fork('detectors'), latentAeEpochs: P.latentAeEpochs, gmmComponents: P.gmmComponents, nTrees: P.trees, input: P.inputDetectors });
  lap('detectors');
  const gen = await dm.generatorStudy({
    nEvents: P.genEvents, epochs: P.genEpochs, latentDim: P.genLatentDim, hidden: P.genHidden,
    batchSize: P.vae.batchSize, lr: P.vae.lr, rateEvents: P.genRateEvents, rng: new Random(P.seed).fork('generator'),
  });
  dm.compareSamples(gen.truth, gen.generated);
  dm.multiplicityRows(gen, P.maxObjects);
  lap('generator');
  t.generatorTraining = gen.trainSeconds;
  t.generatorRate = gen.rate.seconds;
  if (!scanners) return t;
  const fns = FUNCTION_NAMES.flatMap((name) => P.dims.map((d) => dm.testFunction(name, d)));
  dm.compareScanners(fns, P.scanBudget, new Random(P.seed).fork('scans'));
  lap('scans');
  const toy = dm.pmssmToy();
  dm.scanPmssm(toy, P.pmssmBudget, new Random(P.seed).fork('pmssm'));
  lap('pmssm');
  dm.compareFourScanners(fns, P.scanBudget, new Random(P.seed).fork('four scanners'));
  lap('fourScanners');
  dm.compareFourOnPmssm(toy, P.pmssmBudget, new Random(P.seed).fork('four on pMSSM'));
  lap('fourOnPmssm');
  return t;
}

/** `full`'s settings with its events × fraction, the given epochs and EM iterations, and its scanner budgets. */
function reduced(full: dm.DarkMachinesSettings, fraction: number, epochs: number, gmmIter: number, rateEvents: number): dm.DarkMachinesSettings {
  const n = (x: number) => Math.max(1, Math.round(x * fraction));
  return {
    ...full, nSM: n(full.nSM), nSignal: n(full.nSignal), genEvents: n(full.genEvents), genRateEvents: rateEvents,
    vae: { ...full.vae, epochs }, latentAeEpochs: epochs, genEpochs: epochs,
    inputDetectors: { ...full.inputDetectors, epochs, gmmMaxIter: gmmIter },
  };
}

async function main(): Promise<void> {
  const full = dm.settings('full');
  const fraction = arg('fraction', 1), epochs = arg('epochs', 3), gmmIter = arg('gmm-iter', 15);
  await initBackend({ quiet: true });
  const log = (s: string) => console.error(`[estimate] ${s}`);
  log(`run 1: events × ${fraction}, ${epochs} epoch(s), ${gmmIter} EM iterations, full's scanner budgets and ${full.genRateEvents} generated events`);
  const a = await timeParts(reduced(full, fraction, epochs, gmmIter, full.genRateEvents), true, log);
  log('run 2: twice the epochs and EM iterations, no scanners');
  const b = await timeParts(reduced(full, fraction, 2 * epochs, 2 * gmmIter, 200_000), false, log);
  const epochRatio = full.vae.epochs / epochs; // epochs of `full` in units of the small run's
  const extrapolate = (part: string, ratio: number) => Math.max(a[part], a[part] + (b[part] - a[part]) * (ratio - 1)) / fraction;
  a.generatorRest = a.generator - a.generatorTraining - a.generatorRate;
  const parts: Record<string, number> = {
    simulation: a.simulation / fraction,
    baselines: a.baselines / fraction,
    betaScan: extrapolate('betaScan', epochRatio),
    betaAblation: extrapolate('betaAblation', epochRatio),
    detectors: extrapolate('detectors', Math.max(epochRatio, full.inputDetectors.gmmMaxIter / gmmIter)),
    generatorTraining: extrapolate('generatorTraining', full.genEpochs / epochs),
    generatorRest: a.generatorRest / fraction,
    generatorRate: a.generatorRate,
    scans: a.scans,
    pmssm: a.pmssm,
    fourScanners: a.fourScanners,
    fourOnPmssm: a.fourOnPmssm,
  };
  const total = Object.values(parts).reduce((s, x) => s + x, 0);
  console.table(Object.entries(parts).map(([part, seconds]) => ({ part, 'run 1 s': +(a[part] ?? 0).toFixed(1), 'run 2 s': +(b[part] ?? 0).toFixed(1), 'full, estimated s': Math.round(seconds) })));
  console.log(JSON.stringify({ totalSeconds: Math.round(total), totalHours: +(total / 3600).toFixed(2), peakRssMB: Math.round(memoryReport().peakRssMB) }));
}

void main();
