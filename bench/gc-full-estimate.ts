/**
 * Estimates the `full` profile of notebook 03-galaxy-zoo-gc's DM classifier (issue 16) from a short
 * timed run on this machine: simulates `--perCell` maps per (background, step) cell and class at the
 * seed's 90×120, trains the seed's small model one epoch at `--batch` (after one warm-up epoch), and
 * extrapolates to `full`'s sizes: the main run (lr 5·10⁻⁴, batch 500), the two comparison runs
 * (batch 100; lr 5·10⁻³) for `failEpochs` each, and the profile task; validation passes included
 * at their share of maps. Prints one JSON object (seconds and hours).
 *
 *   npx tsx bench/gc-full-estimate.ts [--perCell 17] [--batch 500] [--microBatch 100]
 *
 * Measured (2026-12-05): batch 500 on 90×120 maps in one piece stops with "RuntimeError: memory
 * access out of bounds" on the wasm backend — one batch's activations and gradients (500 × 88 × 118 ×
 * 32 floats is 0.66 GB per tensor) overflow the 4 GB WebAssembly heap — hence `full`'s `microBatch`
 * (gradients summed over slices of 100, one Adam step per 500; `microBatch 0` reproduces the failure).
 */
import { initBackend } from '../lib/backend';
import { Random } from '../lib/random';
import { simulateGcStudySets } from '../lib/galactic-centre/data/dataset';
import { inputScale, labelledMaps, trainClassifier } from '../lib/galactic-centre/train/classifier';
import { smallModelSpec } from '../lib/galactic-centre/model/architecture';
import { galacticCentreSettings } from '../lib/galactic-centre/train/settings';

async function main(): Promise<void> {
  const full = galacticCentreSettings('full');
  const arg = (name: string, fallback: number): number => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const perCell = arg('perCell', 17);
  const batch = arg('batch', full.batch);
  const microBatch = arg('microBatch', full.microBatch);
  await initBackend({ quiet: true });
  const t0 = performance.now();
  const sets = simulateGcStudySets({ height: full.height, width: full.width, perCell, valPerCell: 1, testPerCell: 0 }, new Random(1));
  const simulated = sets.train.n + sets.validation.n + sets.unseen.n;
  const secondsPerMap = (performance.now() - t0) / 1000 / simulated;
  const scale = inputScale(sets.train.maps, full.height * full.width * 3);
  const train = labelledMaps(sets.train);
  const validation = labelledMaps(sets.validation);
  const options = { spec: smallModelSpec(scale), lr: 5e-4, epochs: 1, batchSize: batch, patience: 0, microBatch };
  (await trainClassifier(train, validation, { ...options, rng: new Random(2) })).model.dispose(); // warm-up
  const cpu0 = process.cpuUsage();
  const run = await trainClassifier(train, validation, { ...options, rng: new Random(3) });
  const cpu = process.cpuUsage(cpu0);
  const epochSeconds = run.history.column('seconds')[0];
  const cpuSeconds = (cpu.user + cpu.system) / 1e6; // all threads; on a shared machine closer to the uncontended cost
  const perTrainMap = epochSeconds / (train.n + validation.n * 0.3); // an evaluated map costs about a third of a trained one
  const cpuRatio = cpuSeconds / epochSeconds;
  const cell = 3 * 10 * 2;
  const trainMaps = full.perCell * cell;
  const valMaps = full.valPerCell * cell;
  const epoch = perTrainMap * (trainMaps + 0.3 * valMaps);
  const mainRun = epoch * full.epochs;
  const comparisons = 2 * epoch * full.failEpochs; // batch 100: about the cost per map of 500 in slices of 100
  const profileMaps = full.profilePerCell * cell;
  const profile = perTrainMap * profileMaps * full.profileEpochs;
  const simulation = secondsPerMap * (trainMaps + valMaps + 2 * full.testPerCell * cell + (full.profilePerCell + full.valPerCell + full.testPerCell) * cell);
  const hours = (s: number) => Number((s / 3600).toFixed(2));
  console.log(JSON.stringify({
    timedTrainMaps: train.n, timedValidationMaps: validation.n, batch, microBatch,
    measuredEpochSeconds: Number(epochSeconds.toFixed(1)), measuredEpochCpuSeconds: Number(cpuSeconds.toFixed(1)), simulationSecondsPerMap: Number(secondsPerMap.toFixed(3)),
    full: { trainMaps, valMaps, epochSeconds: Math.round(epoch), hours: { simulation: hours(simulation), mainRun: hours(mainRun), comparisonRuns: hours(comparisons), profileTask: hours(profile), total: hours(simulation + mainRun + comparisons + profile) },
      trainingCpuHours: hours((mainRun + comparisons + profile) * cpuRatio) },
  }, null, 1));
  run.model.dispose();
}

void main();
