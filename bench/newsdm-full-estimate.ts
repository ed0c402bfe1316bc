/**
 * Estimates the `full` profile of notebook 01-newsdm from timed epochs (issue 16): each of the four
 * networks at `full`'s widths and image size trained for one epoch on a few simulated clusters
 * (seconds per training cluster, validation included), then the hours each part of the notebook would
 * take at `full`'s sizes — the four binary networks, the training-size study, the rotation study and
 * the six-class network — and their sum. The tree studies and the simulation (minutes) are left out.
 *
 *   npx tsx bench/newsdm-full-estimate.ts [--scale 1]   (--scale multiplies the clusters timed)
 */
import { initBackend } from '../lib/backend';
import { Random } from '../lib/random';
import { simulateBinarySet, takeClusters } from '../lib/newsdm/data/datasets';
import type { Architecture } from '../lib/newsdm/model';
import { trainCnn } from '../lib/newsdm/train/cnn';
import { newsdmSettings } from '../lib/newsdm/train/settings';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

/** Clusters timed per architecture (more for the cheap networks, so each epoch lasts seconds). */
const TIMED: Record<Architecture, number> = { simple2d: 1024, vgg2d: 256, simple3d: 256, vgg3d: 64 };
/** The notebook's split of the binary set: 15 % validation, 20 % test. */
const TRAIN_FRACTION = 0.65;

async function main(): Promise<void> {
  await initBackend({ quiet: true });
  const P = newsdmSettings('full');
  const scale = Number(arg('scale', '1'));
  const pool = simulateBinarySet(new Random(1), { nSignal: 1100 * scale, nBackground: 550 * scale, size: P.size });
  const validation = takeClusters(pool, Array.from({ length: 32 }, (_, i) => pool.n - 1 - i));
  const perCluster = {} as Record<Architecture, number>;
  for (const arch of ['simple2d', 'vgg2d', 'simple3d', 'vgg3d'] as const) {
    const m = TIMED[arch] * scale;
    const train = takeClusters(pool, [...Array(m).keys()]);
    const t0 = performance.now();
    const t = await trainCnn(arch, train, validation, { epochs: 1, width: P.widths[arch], rng: new Random(2), progress: 'none' });
    perCluster[arch] = (performance.now() - t0) / 1000 / m;
    console.log(JSON.stringify({ arch, width: P.widths[arch], size: P.size, clusters: m, secondsPerCluster: perCluster[arch], params: t.params }));
    t.model.dispose();
  }
  const nTrain = Math.round(TRAIN_FRACTION * (P.nSignal + P.nBackground));
  const hours = (arch: Architecture, clusterEpochs: number) => (perCluster[arch] * clusterEpochs) / 3600;
  const parts = {
    binaryNetworks: (['simple2d', 'vgg2d', 'simple3d', 'vgg3d'] as const).reduce((s, a) => s + hours(a, nTrain * P.epochs), 0),
    epochOfVgg3d: hours('vgg3d', nTrain),
    sizeStudy: hours(P.sizeModel, P.sizeFractions.reduce((s, f) => s + f, 0) * (P.nSignal + P.nBackground) * P.sizeEpochs),
    rotationStudy: (['simple2d', 'vgg3d'] as const).reduce((s, a) => s + hours(a, Math.min(P.rotBase, nTrain) * P.rotCopies * P.rotEpochs), 0),
    sixClass: hours('vgg2d', 0.6 * 6 * P.perClass * P.sixEpochs),
  };
  const total = parts.binaryNetworks + parts.sizeStudy + parts.rotationStudy + parts.sixClass;
  console.log(JSON.stringify({ hours: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, Number(v.toFixed(2))])), totalHours: Number(total.toFixed(1)), totalDays: Number((total / 24).toFixed(1)) }));
}

void main();
