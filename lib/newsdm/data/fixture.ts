/**
 * The small NEWSdm fixture committed under `data/newsdm/`: 12 simulated clusters (2 of each of the six
 * classes, 16×16 pixels, 8 polarisations) in the real-scan format of `./loader` (NPY + labels CSV),
 * so that the loader and the notebook's "real data" cell run without the real scans.
 *
 * Regenerate (deterministic, seed 2018):
 *   npx tsx -e "import('../lib/newsdm/fixture').then((m) => m.writeFixture())"
 *
 * Used by the NEWSdm notebook and `tests/newsdm/data/loader.test.ts` (which checks the committed files
 * equal a fresh simulation).
 */
import { dataPath } from '../../paths';
import { Random } from '../../random';
import { simulateSixClassSet, type ClusterSet } from './datasets';
import { CLASS_NAMES } from './physics';
import { writeScansNpy } from './loader';

/** Seed of the fixture. */
export const FIXTURE_SEED = 2018;

/** Paths of the committed fixture files. */
export function fixturePaths(): { images: string; labels: string } {
  return { images: dataPath('newsdm', 'fixture-images.npy'), labels: dataPath('newsdm', 'fixture-labels.csv') };
}

/** The fixture's clusters, simulated afresh (six-class labels). */
export function fixtureSet(): ClusterSet {
  return simulateSixClassSet(new Random(FIXTURE_SEED), { perClass: 2, size: 16 });
}

/** Label names to load the fixture with (the six classes). */
export const FIXTURE_LABEL_NAMES: readonly string[] = CLASS_NAMES;

/** Writes the fixture files (see the header for the command). */
export async function writeFixture(): Promise<{ images: string; labels: string }> {
  const paths = fixturePaths();
  await writeScansNpy(fixtureSet(), paths.images, paths.labels);
  return paths;
}
