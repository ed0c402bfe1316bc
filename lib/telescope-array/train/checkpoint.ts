/**
 * Checkpoints of the correction network's long training: the core's `lib/train/model-checkpoint.ts`
 * (moved there to serve every study), re-exported under the name the study used.
 *
 * Used by `./correction.ts` (notebooks/02-telescope-array.ipynb at `full`).
 */
export { loadCheckpoint, saveCheckpoint, type CheckpointState } from '../../train/model-checkpoint';
