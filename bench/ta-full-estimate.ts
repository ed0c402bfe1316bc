/**
 * Estimates the `full` profile of notebook 02-telescope-array from short timed runs (issue 17): the
 * lecture-size network (`LECTURE_ARCHITECTURE`, N = 6, T = 128 at 20 ns) trained for one epoch on a
 * few hundred simulated events streamed from HDF5 shards, with the simulator's speed, samples/s and
 * the peak resident memory; then the hours that `full`'s sizes would take at those speeds.
 *
 *   npx tsx bench/ta-full-estimate.ts [--events 600]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initBackend } from '../lib/backend';
import { Random } from '../lib/random';
import { makeDataSets } from '../lib/telescope-array/data/splits';
import { fitNormalizer } from '../lib/telescope-array/data/stream';
import { compiledNet } from '../lib/telescope-array/model';
import { trainCorrection } from '../lib/telescope-array/train/correction';
import { architectureFor, LECTURE_ARCHITECTURE, settings } from '../lib/telescope-array/train/settings';

async function main(): Promise<void> {
  const events = Number(process.argv[process.argv.indexOf('--events') + 1] || 600) || 600;
  await initBackend({ quiet: true });
  const full = settings('full');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ta-full-estimate-'));
  try {
    const sizes = { calibration: 300, trainNuclei: events, trainPhotons: 0, validationNuclei: 100, validationPhotons: 0, testNuclei: 0, testPhotons: 0 };
    const data = await makeDataSets(dir, sizes, { N: full.N, T: full.T, shardSize: 200, seed: 1 });
    const norm = await fitNormalizer(data.trainNuclei[0]);
    const model = compiledNet({ ...architectureFor(LECTURE_ARCHITECTURE, full), rng: new Random(1) }, 'adadelta');
    const run = await trainCorrection(model, { train: data.trainNuclei, validation: data.validationNuclei, norm, epochs: 1, batchSize: full.batchSize, rng: new Random(2), progress: 'none' });
    const trainEvents = full.sizes.trainNuclei + full.sizes.trainPhotons;
    const allEvents = Object.values(full.sizes).reduce((a, n) => a + n, 0);
    const bytesPerEvent = data.bytes / (events + 100);
    const simHours = allEvents / data.eventsPerSecond / 3600;
    // nuclei: two optimizers × epochs; photons: photonEpochs; validation adds ~1 %; search and ablation on subsets
    const trainedSamples = 2 * full.epochs * full.sizes.trainNuclei + full.photonEpochs * full.sizes.trainPhotons + full.searchTrials * full.searchEpochs * full.searchEvents + 2 * full.ablationEpochs * full.ablationEvents;
    const trainHours = trainedSamples / run.samplesPerSecond / 3600;
    console.log(JSON.stringify({
      weights: model.countParams(),
      eventsTimed: events,
      simulatedEventsPerSecond: Math.round(data.eventsPerSecond),
      trainSamplesPerSecond: Number(run.samplesPerSecond.toFixed(1)),
      peakRssMiB: Math.round(run.peakRssMiB),
      startRssMiB: Math.round(run.startRssMiB),
      diskBytesPerEvent: Math.round(bytesPerEvent),
      full: { trainEvents, allEvents, diskGB: Number(((bytesPerEvent * allEvents) / 1e9).toFixed(1)), simHours: Number(simHours.toFixed(1)), trainedSamples, trainHours: Number(trainHours.toFixed(1)) },
    }, null, 1));
    model.dispose();
    data.remove();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
