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
 * - `table`          events as table columns (per event; per event and channel) for DataFrames
 * - `features`       fixed-length vectors (padding flagged) and the train-only `FeatureScaler`
 * - `vae`            AE / VAE / β-VAE models, the β-VAE loss, training through `customFit`
 * - `detectors`      latent-space AE, isolation forest, Gaussian mixture; AUC and ε_S at ε_B = 1e-2, 1e-3
 * - `generator`      β-VAE + latent GMM event generator; Wasserstein-1 and KS distances
 * - `test-functions` Rosenbrock, Rastrigin, Himmelblau, Eggholder (2D–16D) with known minima
 * - `pmssm-toy`      the 19-parameter pMSSM-like toy likelihood with a narrow good region
 * - `scanners`       random sampling, Gaussian particle filter, genetic algorithm
 * - `ellipsoids`     bounding ellipsoids (single, or split by 2-means) and uniform draws from their union
 * - `modes`          posterior modes by ellipsoid splitting; friends-of-friends clusters
 * - `nested-sampling` Skilling's nested sampling with MultiNest-style ellipsoidal rejection: ln Z ± √(H/N), posterior, modes
 * - `local-descent`  Nelder–Mead in the unit cube
 * - `tunnelling`     Levy–Montalvo tunnelling with mobile poles
 * - `scanner-comparison` particle filter, GA, nested sampling and tunnelling on the same functions and the pMSSM toy
 * - `study`, `scan-study`  the notebook's workflow in a few calls
 */
export * from './darkmachines/event';
export * from './darkmachines/reader';
// four-vector kinematics: lib/kinematics.ts (shared with lib/zprime)
export * from './darkmachines/processes';
export * from './darkmachines/detector';
export * from './darkmachines/simulator';
export * from './darkmachines/channels';
export * from './darkmachines/table';
export * from './darkmachines/features';
export * from './darkmachines/vae';
export * from './darkmachines/detectors';
export * from './darkmachines/generator';
export * from './darkmachines/test-functions';
export * from './darkmachines/pmssm-toy';
export * from './darkmachines/scanners';
export * from './darkmachines/ellipsoids';
export * from './darkmachines/modes';
export * from './darkmachines/nested-sampling';
export * from './darkmachines/local-descent';
export * from './darkmachines/tunnelling';
export * from './darkmachines/scanner-comparison';
export * from './darkmachines/study';
export * from './darkmachines/scan-study';
