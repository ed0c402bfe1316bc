/**
 * The tour of the library (notebook 00-tour): its toy data set, its small CNN, its settings and
 * training run, and its evaluation. Training and metrics come from the core (`lib/train`,
 * `lib/metrics`). (An entry file beside the folder, since tslab cannot import a folder.)
 */
export * from './tour/data'; // toy straight "tracks" against round blobs, seeded; subsets, split; elongation feature
export * from './tour/model'; // [conv 3×3 → max-pool 2] blocks, dense layers, one sigmoid
export * from './tour/train'; // settings per profile, training with early stopping
export * from './tour/evaluate'; // gallery, elongation baseline scores, learning curves, test table
