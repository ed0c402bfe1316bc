/**
 * The DarkMachines study (notebook 04-darkmachines): `import { streamEvents, simulateProcess } from './lib/darkmachines'`.
 *
 * This entry file sits beside the `lib/darkmachines/` folder because tslab cannot import a folder.
 * The map of `lib/darkmachines/`, one line per module:
 *
 * - `event`          the challenge's line format: `DmEvent`, `parseEventLine`, `formatEventLine`, HT
 * - `reader`         streamed reader / atomic writer (gzip), strict errors with file + line, counting lenient mode
 * - `kinematics`     four-vectors, boosts, two- and three-body decays (GeV)
 * - `processes`      SM processes and named signals as truth-level generators, with cross sections
 * - `detector`       object acceptance, resolution, b-tagging and MET
 * - `simulator`      events of a process or a σ-weighted mixture, optionally inside a channel; the fixture
 * - `channels`       the challenge's channel selections 1, 2a, 2b, 3
 * - `features`       fixed-length vectors (padding flagged) and the train-only `FeatureScaler`
 * - `vae`            AE / VAE / β-VAE models, the β-VAE loss, training through `customFit`
 * - `detectors`      latent-space AE, isolation forest, Gaussian mixture; AUC and ε_S at ε_B = 1e-2, 1e-3
 * - `generator`      β-VAE + latent GMM event generator; Wasserstein-1 and KS distances
 * - `test-functions` Rosenbrock, Rastrigin, Himmelblau, Eggholder (2D–16D) with known minima
 * - `pmssm-toy`      the 19-parameter pMSSM-like toy likelihood with a narrow good region
 * - `scanners`       random sampling, Gaussian particle filter, genetic algorithm
 * - `study`, `scan-study`  the notebook's workflow in a few calls
 */
export * from './darkmachines/data/event';
export * from './darkmachines/data/reader';
// four-vector kinematics: lib/kinematics.ts (shared with lib/zprime)
export * from './darkmachines/data/processes';
export * from './darkmachines/data/detector-response';
export * from './darkmachines/data/simulator';
export * from './darkmachines/data/channels';
export * from './darkmachines/data/features';
export * from './darkmachines/model/vae';
export * from './darkmachines/evaluate/anomaly-detectors';
export * from './darkmachines/model/generator';
export * from './darkmachines/data/test-functions';
export * from './darkmachines/data/pmssm-toy';
export * from './darkmachines/model/scanners';
export * from './darkmachines/evaluate/study';
export * from './darkmachines/evaluate/scan-study';
