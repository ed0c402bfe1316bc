// Expected Galactic Centre results of notebook 03-galaxy-zoo-gc, checked by `npm run check-results`.
// The parameter counts must equal the seed's tables exactly; chance level is AUC 0.5.
import type { ExpectedResults } from '../../lib/results/bounds';

const exactly = (n: number): readonly [number, number] => [n - 0.5, n + 0.5];

export const EXPECTED: ExpectedResults = {
  notebook: '03-galaxy-zoo-gc',
  basis:
    'Aasen 2022 tables 1 and 2 for the parameter counts; smoke run of 2026-12-04: 2 epochs on 60 maps of 24×32 pixels give AUC 0.59, ' +
    'indistinguishable from chance on 60 test maps, so smoke bounds only the architecture and that the numbers exist. ' +
    'default run of 2026-12-04: same-pool AUC 0.845 (0.83-0.86 in three runs before 2026-11-23), unseen 0.724, GCE R² 0.643, ±1σ coverage 0.72; ranges with margins',
  smoke: {
    gc_small_model_parameters: exactly(274465), gc_large_model_parameters: exactly(209272789),
    gc_small_auc: [0.35, 1], gce_coverage_68: [0, 1],
  },
  default: {
    gc_small_model_parameters: exactly(274465), gc_large_model_parameters: exactly(209272789),
    gc_auc_same_pool: [0.75, 1], gc_auc_unseen: [0.55, 1], gce_r2: [0.2, 1], gce_coverage_68: [0.5, 0.95],
  },
};
