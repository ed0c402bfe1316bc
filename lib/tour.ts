/**
 * The tour of the library (notebook 00-tour): its toy data set and its small CNN. Training and
 * evaluation use the core (`lib/train`, `lib/metrics`). (An entry file beside the folder, since
 * tslab cannot import a folder.)
 */
export * from './tour/data'; // toy straight "tracks" against round blobs, seeded; subsets; elongation feature
export * from './tour/model'; // [conv 3×3 → max-pool 2] blocks, dense layers, one sigmoid
