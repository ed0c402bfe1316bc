/**
 * Resumable runs of notebook 05-zprime (the helper itself lives in the core, `lib/train/checkpoint.ts`): each finished step (the trees' scores, a network's scores,
 * the variants, a search) is written as one JSON file under
 * `reports/<profile>/checkpoints/05-zprime/<settings hash>/<step>.json`; a rerun with the same
 * settings loads the finished steps instead of computing them again, so that a `full` run (hours on
 * two cores) that stops can go on where it stopped. Typed arrays (scores) are stored as base64 of
 * their bytes, so they come back bit for bit. The events themselves are not stored: the simulation
 * is seeded and is rerun (minutes). A long step can also save its items as it goes (`savePartial`,
 * `partial`): the searches keep their finished trials, so that a search that stops resumes at its next trial.
 *
 * Used by notebook 05-zprime.
 */
import type { ProfileName } from '../../profile';
import { studyCheckpoints, type Checkpoints } from '../../train/checkpoint';

export { Checkpoints, decodeCheckpoint, encodeCheckpoint, settingsHash } from '../../train/checkpoint';

/** The checkpoints of a Z′ run: under `reports/<profile>/checkpoints/05-zprime/<hash>/` when `settings.checkpoints`, else none. */
export function zprimeCheckpoints<S extends { checkpoints: boolean }>(settings: S, profile: ProfileName, seed: number): Checkpoints {
  return studyCheckpoints('05-zprime', settings, profile, seed, settings.checkpoints);
}
