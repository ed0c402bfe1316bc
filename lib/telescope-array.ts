/**
 * The Telescope Array study (notebook 02-telescope-array): the map of `lib/telescope-array/`, one
 * line per module. (An entry file beside the folder, since tslab cannot import a folder.)
 */
export * from './telescope-array/data/ldf'; // the seed's LDF, η(θ), timing model, shower-axis geometry
export * from './telescope-array/data/primaries'; // H/He/N/Fe/photon showers at ground: Xmax, muons, S800 parts
export * from './telescope-array/data/detector'; // one two-layer scintillator: particles, traces, saturation, timing
export * from './telescope-array/data/simulate'; // events on the 1.2 km grid: energy, direction, core, trigger
export * from './telescope-array/data/lm'; // Levenberg–Marquardt least squares
export * from './telescope-array/data/reconstruct'; // plane fit + joint LDF/timing fit (the standard reconstruction)
export * from './telescope-array/data/energy'; // S800, θ → energy table built from simulation
export * from './telescope-array/data/event'; // (N, N, T, 2) waveforms, detector features, targets of one event
export * from './telescope-array/data/shards'; // HDF5 shard layout: write, check, read rows
export * from './telescope-array/data/generate'; // simulate → cut → reconstruct → shards, shard by shard
export * from './telescope-array/data/splits'; // all data sets of the notebook in one call
export * from './telescope-array/data/table'; // showers as table columns (primary, energy bin, S800…) for DataFrames
export * from './telescope-array/data/stream'; // streamed, scaled batches from the shards; predictions
export * from './telescope-array/data/digits'; // MNIST-shaped synthetic digits for the warm-up
export * from './telescope-array/model'; // the 1D + 2D convolutional correction network (time pooling an option); the warm-up CNN
export * from './telescope-array/train/settings'; // the sizes of smoke, default and full, one typed object each
export * from './telescope-array/train/correction';
export * from './telescope-array/train/checkpoint'; // per-epoch checkpoints: resumable training at full
export * from './telescope-array/train/ablation'; // coarse (80 ns) against full (20 ns) time resolution
export * from './telescope-array/train/warmup'; // the lecture's warm-up: a small CNN on digits // training from the stream with throughput and peak RSS
export * from './telescope-array/train/search'; // random search scored by validation EV
export * from './telescope-array/train/optimizers'; // Adadelta against Adam on the nuclei, photon fine-tuning
export * from './telescope-array/evaluate/analysis'; // EV per target, corrected errors, binned resolution
export * from './telescope-array/evaluate/test-set'; // predict + score a test set
export * from './telescope-array/evaluate/resolution'; // angle68, ΔE/E bias and σ, σ(Δlog10 E): one estimator
export * from './telescope-array/evaluate/tables'; // sample fit vs truth, energy table, data-set cost, search trials
export * from './telescope-array/evaluate/energy-scale'; // why the photons' ΔE/E σ grows as their bias goes
export * from './telescope-array/evaluate/summary'; // the summary's generated sentences
export * from './telescope-array/evaluate/plots'; // LDF, sample-event map, waveforms, loss and resolution curves
export * from './telescope-array/paper'; // the seed's numbers with sources and tolerances, our numbers beside them
