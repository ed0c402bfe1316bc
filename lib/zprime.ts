/**
 * The Z′ study (notebook 05-zprime): the map of `lib/zprime/`, one line per module.
 */
// four-vectors, decays and the seed's invariant mass: lib/kinematics.ts (shared with lib/darkmachines)
export * from './zprime/events'; // EventTable: ATLAS-ntuple-shaped columns (MeV), weights
export * from './zprime/processes'; // SM backgrounds and Z′ signals, cross sections
export * from './zprime/detector'; // smearing, acceptance, MV2c10, MET
export * from './zprime/simulator'; // simulateChunks / simulateEvents
export * from './zprime/ntuple'; // ntuple branch layout, columns → EventTable
export * from './zprime/root-loader'; // ROOT TTrees through jsroot, chunked
export * from './zprime/csv-loader'; // CSV exports with list-valued fields, chunked
export * from './zprime/features'; // event → feature table, leading-pair masses, standardisation
export * from './zprime/sampling'; // imbalanced-learn strategies, class weights
export * from './zprime/losses'; // cross-entropy, focal, label smoothing
export * from './zprime/tabular'; // fastai-style tabular network and its training
export * from './zprime/search'; // random search with median pruning
export * from './zprime/evaluate'; // the comparison rows (seed's metrics, AP, best s/√b) and the confusion matrix
export * from './zprime/pipeline'; // notebook steps: streaming, split, variants, masses, memory
