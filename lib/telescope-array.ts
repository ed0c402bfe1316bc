/**
 * The Telescope Array study (notebook 02-telescope-array): the map of `lib/telescope-array/`, one
 * line per module. (An entry file beside the folder, since tslab cannot import a folder.)
 */
export * from './telescope-array/ldf'; // the seed's LDF, η(θ), timing model, shower-axis geometry
export * from './telescope-array/primaries'; // H/He/N/Fe/photon showers at ground: Xmax, muons, S800 parts
export * from './telescope-array/detector'; // one two-layer scintillator: particles, traces, saturation, timing
export * from './telescope-array/simulate'; // events on the 1.2 km grid: energy, direction, core, trigger
export * from './telescope-array/lm'; // Levenberg–Marquardt least squares
export * from './telescope-array/reconstruct'; // plane fit + joint LDF/timing fit (the standard reconstruction)
export * from './telescope-array/energy'; // S800, θ → energy table built from simulation
export * from './telescope-array/event'; // (N, N, T, 2) waveforms, detector features, targets of one event
export * from './telescope-array/shards'; // HDF5 shard layout: write, check, read rows
export * from './telescope-array/generate'; // simulate → cut → reconstruct → shards, shard by shard
export * from './telescope-array/splits'; // all data sets of the notebook in one call
export * from './telescope-array/stream'; // streamed, scaled batches from the shards; predictions
export * from './telescope-array/model'; // the 1D + 2D convolutional correction network
export * from './telescope-array/train'; // training from the stream with throughput and peak RSS
export * from './telescope-array/search'; // random search scored by validation EV
export * from './telescope-array/analysis'; // EV per target, corrected errors, binned resolution
export * from './telescope-array/evaluate'; // predict + score a test set
export * from './telescope-array/plots'; // sample-event map, waveforms, resolution curves
export * from './telescope-array/table'; // showers as table columns (primary, energy bin, S800…) for DataFrames
