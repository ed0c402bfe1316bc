/**
 * The Galaxy Zoo study (notebook 03-galaxy-zoo-gc, part A): the map of `lib/galaxy-zoo/`, one line per
 * module. (An entry file beside the folder, since tslab cannot import a folder.)
 */
export * from './galaxy-zoo/data/decision-tree'; // the Galaxy Zoo 2 decision tree behind the 37 targets
export * from './galaxy-zoo/data/morphology'; // the hidden true morphology of a simulated galaxy
export * from './galaxy-zoo/data/profiles'; // Sérsic bulges, exponential disks, arms, bars on a pixel grid
export * from './galaxy-zoo/data/render'; // morphology → SDSS-like RGB image with seeing and noise
export * from './galaxy-zoo/data/votes'; // morphology → the 37 tree-consistent vote fractions
export * from './galaxy-zoo/data/dataset'; // a simulated data set: images + targets
export * from './galaxy-zoo/data/loader'; // the Kaggle training CSV + JPEG cut-outs, with checks
export * from './galaxy-zoo/data/image-decode'; // JPEG decoding, crop and downsample
export * from './galaxy-zoo/data/augment'; // rotation / flip augmentation of training batches
export * from './galaxy-zoo/data/table'; // summary quantities of the images as table columns for DataFrames
export * from './galaxy-zoo/model/filters'; // hand-made 3×3 filters and max pooling (what a first layer computes)
export * from './galaxy-zoo/model/cnn'; // the vote-regression CNN and the constant baseline
export * from './galaxy-zoo/train/settings'; // sizes per run profile (smoke, default, full)
export * from './galaxy-zoo/train/cnn-training'; // training with rotation / flip augmentation
export * from './galaxy-zoo/evaluate/rmse'; // RMSE (all outputs, per question); votes described in words
export * from './galaxy-zoo/evaluate/figures'; // feature maps, galleries, learning curve, predicted vs true votes
export * from './galaxy-zoo/paper'; // the seed's numbers with sources and tolerances, our numbers beside them
