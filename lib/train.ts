/**
 * Training networks: the public map of `lib/train`.
 *
 * - `fit.ts` — `fit(model, data, opts)` for compiled tf.LayersModels; `customFit(spec, data, opts)` for a loss of your own
 * - `batches.ts` — `BatchSource`, seeded batches over in-memory arrays (`fromArrays`, `arrayBlock`)
 * - `stream.ts` — streaming shards larger than memory (`streamSource`, `shuffleBuffer`, `collate`)
 * - `schedules.ts` — per-batch learning-rate schedules: constant, step, exponential, cosine, one-cycle
 * - `optimizer-params.ts` — read / set a live optimizer's learning rate and momentum (β1)
 * - `early-stopping.ts` — Keras-style early stopping and weight snapshots
 * - `history.ts` — `History`, the per-epoch table (`toColumns()` for arquero and charts)
 * - `progress.ts` — progress display for any loop: notebook line, terminal bar, or log lines
 * - `predict.ts` — `predictBatches` / `predictScores`: a model's outputs over arrays, batch by batch
 * - `checkpoint.ts` — `Checkpoints`, `studyCheckpoints`: resumable runs, one JSON file per finished step (typed arrays exact)
 * - `adadelta.ts` — `ZeilerAdadelta`, Adadelta as in Zeiler 2012 (tfjs 4.22's own diverges with the paper's settings)
 * - `model-checkpoint.ts` — `saveCheckpoint` / `loadCheckpoint`: a model's weights, optimizer state and history in a folder
 * - `resumable.ts` — `fitResumably`: `fit` epoch by epoch with a checkpoint after each; a rerun resumes (early stopping across restarts)
 *
 * `loop.ts` (the shared epoch loop) and `progress-format.ts` are internals.
 */
export { fit, customFit, type FitData, type FitOptions, type CustomFitOptions, type CustomFitSpec, type StepContext } from './train/fit';
export type { TrainOptions, TrainCallbacks } from './train/loop';
export {
  arrayBlock,
  fromArrays,
  disposeBatch,
  gatherRows,
  type ArrayBatchOptions,
  type ArrayBlock,
  type ArrayData,
  type Batch,
  type BatchInputs,
  type BatchSource,
  type NumericArray,
} from './train/batches';
export { streamSource, shuffleBuffer, chunk, collate, type Sample, type SampleShape, type StreamSourceOptions } from './train/stream';
export {
  constant,
  stepDecay,
  exponentialDecay,
  cosineDecay,
  oneCycle,
  type Schedule,
  type CycleSchedule,
  type LrSchedule,
  type OneCycleOptions,
} from './train/schedules';
export { getLearningRate, setLearningRate, getMomentum, setMomentum } from './train/optimizer-params';
export { EarlyStopping, WeightSnapshot, type EarlyStoppingOptions, type EarlyStoppingVerdict } from './train/early-stopping';
export { History, inferMode, type EpochRecord, type BestEpoch, type StopReason } from './train/history';
export { predictBatches, predictScores, type PredictOptions } from './train/predict';
export { Checkpoints, decodeCheckpoint, encodeCheckpoint, settingsHash, studyCheckpoints } from './train/checkpoint';
export { progress, Progress, type ProgressMode, type ProgressOptions, type TextSink } from './train/progress';
export { ZeilerAdadelta } from './train/adadelta';
export { loadCheckpoint, saveCheckpoint, type CheckpointState } from './train/model-checkpoint';
export { fitResumably, type ResumableOptions } from './train/resumable';
