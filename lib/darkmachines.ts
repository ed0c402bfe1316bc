/**
 * The DarkMachines study (notebook 04-darkmachines): `import { streamEvents, simulateProcess } from './lib/darkmachines'`.
 *
 * This entry file sits beside the `lib/darkmachines/` folder because tslab cannot import a folder.
 * The map of `lib/darkmachines/`, one line per module, by role:
 *
 * - `data/event`             the challenge's line format: `DmEvent`, `parseEventLine`, `formatEventLine`, HT
 * - `data/reader`            streamed reader / atomic writer (gzip), strict errors with file + line, counting lenient mode
 * - `data/processes`         SM processes and named signals as truth-level generators, with cross sections
 * - `data/detector-response` object acceptance, resolution, b-tagging and MET
 * - `data/simulator`         events of a process or a σ-weighted mixture, optionally inside a channel; the fixture
 * - `data/channels`          the challenge's channel selections 1, 2a, 2b, 3
 * - `data/table`            events as table columns (per event; per event and channel) for DataFrames
 * - `data/features`          fixed-length vectors (padding flagged) and the train-only `FeatureScaler`
 * - `data/generator-features` the generator's 28-D event vector (MET, jet counts, 6 jets, 2 leptons) and back; `StandardScaler`
 * - `data/study-data`        the study's data set: SM and signals in one channel, split, scaled on SM train
 * - `data/damaged-file`      the reader's strict and lenient modes on a damaged copy of a file
 * - `data/test-functions`    Rosenbrock, Rastrigin, Himmelblau, Eggholder (2D–16D) with known minima
 * - `data/pmssm-toy`         the 19-parameter pMSSM-like toy likelihood with a narrow good region
 * - `model/vae`              AE / VAE / β-VAE models and the β-VAE loss
 * - `model/generator`        β-VAE + latent GMM event generator, its timing; Wasserstein-1 and KS distances
 * - `model/scanners`         random sampling, Gaussian particle filter, genetic algorithm
 * - `model/ellipsoids`       bounding ellipsoids (single, or split by 2-means) and uniform draws from their union
 * - `model/modes`            posterior modes by ellipsoid splitting; friends-of-friends clusters
 * - `model/nested-sampling`  Skilling's nested sampling with MultiNest-style ellipsoidal rejection: ln Z ± √(H/N), posterior, modes
 * - `model/local-descent`    Nelder–Mead in the unit cube
 * - `model/tunnelling`       Levy–Montalvo tunnelling with mobile poles
 * - `train/settings`         the notebook's sizes, one typed object per profile, and their table
 * - `train/autoencoder`      training an autoencoder through `customFit`
 * - `train/beta-scan`        one β-VAE per β of the talk's table, with the table's entries measured; the convention ablation
 * - `train/generator`        the generator study: 28-D β-VAE (Z = 20) on tt̄, latent mixture vs prior, latent PCA, rate
 * - `evaluate/anomaly-detectors`  AE, isolation forest, Gaussian mixture, MET / HT cuts; AUC and ε_S at ε_B = 1e-2, 1e-3
 * - `evaluate/detector-suite`     every detector of the study on the VAE's latent space, and its reconstruction error
 * - `evaluate/summary`            means over the signals, the best detector, the numbers to record
 * - `evaluate/figures`            the notebook's figures and display tables
 * - `evaluate/scanner-comparison` particle filter, GA, nested sampling and tunnelling on the same functions and the pMSSM toy
 * - `paper`                  the talk's numbers with sources and tolerances
 * - `evaluate/scan-study`     random sampling, particle filter and GA on the test functions and the pMSSM toy
 *
 * Four-vector kinematics: `lib/kinematics.ts` (shared with lib/zprime).
 */
export * from './darkmachines/data/event';
export * from './darkmachines/data/reader';
export * from './darkmachines/data/processes';
export * from './darkmachines/data/detector-response';
export * from './darkmachines/data/simulator';
export * from './darkmachines/data/channels';
export * from './darkmachines/data/table';
export * from './darkmachines/data/features';
export * from './darkmachines/data/generator-features';
export * from './darkmachines/data/study-data';
export * from './darkmachines/data/damaged-file';
export * from './darkmachines/model/vae';
export * from './darkmachines/train/settings';
export * from './darkmachines/train/autoencoder';
export * from './darkmachines/train/beta-scan';
export * from './darkmachines/train/generator';
export * from './darkmachines/evaluate/anomaly-detectors';
export * from './darkmachines/model/generator';
export * from './darkmachines/data/test-functions';
export * from './darkmachines/data/pmssm-toy';
export * from './darkmachines/model/scanners';
export * from './darkmachines/model/ellipsoids';
export * from './darkmachines/model/modes';
export * from './darkmachines/model/nested-sampling';
export * from './darkmachines/model/local-descent';
export * from './darkmachines/model/tunnelling';
export * from './darkmachines/evaluate/scanner-comparison';
export * from './darkmachines/evaluate/detector-suite';
export * from './darkmachines/evaluate/summary';
export * from './darkmachines/evaluate/figures';
export * from './darkmachines/evaluate/scan-study';
export * from './darkmachines/paper'; // the seed's numbers with sources and tolerances, our numbers beside them
