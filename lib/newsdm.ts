/**
 * The NEWSdm study (notebook 01-newsdm): the map of `lib/newsdm/`, one line per module. (An entry file
 * beside the folder, since tslab cannot import a folder.)
 */
export * from './newsdm/data/physics'; // microscope, polarisations, grains, classes: every constant with unit and source
export * from './newsdm/data/clusters'; // grain geometry of C60/C80/C100 tracks, gamma tracks, dust, fog
export * from './newsdm/data/render'; // grains → 8 polarisation images (resonance, PSF, camera noise, jitter)
export * from './newsdm/data/datasets'; // binary and six-class sets, subsets, channels-last layout
export * from './newsdm/data/loader'; // real scans: NPY (N, 8, H, W) + labels CSV, or HDF5, with checks
export * from './newsdm/data/fixture'; // the committed 12-cluster fixture under data/newsdm/
export * from './newsdm/data/features'; // the 64 second-moment features, barycentre shifts
export * from './newsdm/evaluate/tree-study'; // BDT / RF AUC against the number of trees over 75 % subsamples
export * from './newsdm/evaluate/feature-studies'; // feature split, one-cut AUCs, tree figure, isotropic BDT, full ensembles
export * from './newsdm/evaluate/ceiling'; // the Bayes ceiling: best achievable accuracy of a simulated set
export * from './newsdm/model'; // simple / VGG-like, 2D / 3D CNNs with class and angle heads
export * from './newsdm/train/settings'; // the settings of each profile, as a table
export * from './newsdm/train/cnn'; // normalisation, targets, training, prediction, binary scores
export * from './newsdm/train/studies'; // the four CNNs, training-size, rotation and six-class studies
export * from './newsdm/data/rotate'; // rotation augmentation, angle targets, angle error
export * from './newsdm/evaluate/figures'; // gallery, barycentre-shift plot, learning curves, ROC, results rows
export * from './newsdm/paper'; // the seed's numbers with sources and tolerances, our numbers beside them
