/**
 * The Z′ study (notebook 05-zprime): the map of `lib/zprime/`, one line per module.
 */
// four-vectors, decays and the seed's invariant mass: lib/kinematics.ts (shared with lib/darkmachines)
export * from './zprime/data/events'; // EventTable: ATLAS-ntuple-shaped columns (MeV), weights
export * from './zprime/data/processes'; // SM backgrounds and Z′ signals, cross sections
export * from './zprime/data/detector'; // smearing, acceptance, MV2c10, MET
export * from './zprime/data/simulator'; // simulateChunks / simulateEvents
export * from './zprime/data/ntuple'; // ntuple branch layout, columns → EventTable
export * from './zprime/data/root-loader'; // ROOT TTrees through jsroot, chunked
export * from './zprime/data/csv-loader'; // CSV exports with list-valued fields, chunked
export * from './zprime/data/features'; // event → feature table, leading-pair masses, standardisation
export * from './zprime/data/dataset'; // streaming into features, the split, subsets, masses by class
export * from './zprime/train/settings'; // the sizes of a run, one typed object per profile
export * from './zprime/train/sampling'; // imbalanced-learn strategies, class weights
export * from './zprime/model/losses'; // cross-entropy, focal, label smoothing
export * from './zprime/model/tabular'; // fastai-style tabular network and its training
export * from './zprime/train/trees'; // random forest and gradient boosting on the feature table
export * from './zprime/train/variants'; // the network variants: loss × imbalance remedy
export * from './zprime/train/search'; // random search with median pruning
export * from './zprime/train/tpe-search'; // TPE proposing the trials of the same search
export * from './zprime/train/network-search'; // the network search: space, objective, random or TPE
export * from './zprime/train/memory'; // peak and current memory of the process
export * from './zprime/train/checkpoint'; // resumable runs: each finished step kept under reports/<profile>/checkpoints/
export * from './zprime/evaluate/scores'; // the comparison rows (seed's metrics, AP, best s/√b) and the confusion matrix
export * from './zprime/evaluate/masses'; // invariant mass of the selected events against the true signal
export * from './zprime/evaluate/figures'; // the notebook's figures
export * from './zprime/evaluate/summary'; // the closing summary: accuracies with errors, the trees − net gap
export * from './zprime/paper'; // the seed's numbers with sources and tolerances, our numbers beside them
