/**
 * The Galactic Centre study (notebook 03-galaxy-zoo-gc, parts B and C): the map of
 * `lib/galactic-centre/`, one line per module. (An entry file beside the folder, since tslab cannot
 * import a folder.)
 */
export * from './galactic-centre/data/sky'; // the pixel grid in Galactic longitude and latitude
export * from './galactic-centre/data/backgrounds'; // interstellar emission, Fermi bubbles, point sources
export * from './galactic-centre/data/dark-matter'; // NFW / Einasto profiles and J-factor maps
export * from './galactic-centre/data/counts-map'; // expected counts per band × exposure, PSF, Poisson draws
export * from './galactic-centre/data/ramp'; // the DM ramp by visibility: z = S/√B in the central 1°, 3 → 20 over 10 steps
export * from './galactic-centre/data/dataset'; // the seed's data set: familiar and unseen backgrounds, DM steps
export * from './galactic-centre/data/gce'; // Galactic Centre excess maps for the Bayesian CNN
export * from './galactic-centre/model/architecture'; // the seed's small and large CNNs as layer lists
export * from './galactic-centre/model/bayesian'; // Bayesian CNN, heteroscedastic loss, MC dropout, coverage
export * from './galactic-centre/train/settings'; // sizes per run profile (smoke, default, full)
export * from './galactic-centre/train/classifier'; // input scale, training a classifier, learning-rate runs, display images
export * from './galactic-centre/train/profile-task'; // none / NFW / Einasto: the seed's proposed profile task
export * from './galactic-centre/train/large-model'; // time per epoch of a model, or why the backend cannot train it
export * from './galactic-centre/train/bayesian-training'; // training the Bayesian CNN, MC dropout on a test set
export * from './galactic-centre/evaluate/detection'; // ROC, AUC and accuracy of a DM classifier; learning-rate verdict
export * from './galactic-centre/evaluate/sensitivity'; // accuracy and AUC per DM step, sensitivity curve
export * from './galactic-centre/evaluate/figures'; // maps, J-factors, curves, ROC, confusion, coverage tables
export * from './galactic-centre/paper'; // the seed's numbers with sources and tolerances, our numbers beside them
