// Expected results of notebook 05-zprime, checked by `npm run check-results`. With ~1 % signal a model
// that learns nothing still scores accuracy ≈ 0.99, so the bounds lean on F1 and AUC (0 and 0.5 then).
import type { ExpectedResults } from '../../lib/results/bounds';

export const EXPECTED: ExpectedResults = {
  notebook: '05-zprime',
  basis:
    'smoke run of 2026-12-04: RF accuracy 0.9953, AUC 0.973; network F1 0.73, AUC 0.974; BDT AUC 0.979; ' +
    'default run of 2026-12-04: RF accuracy 0.9972 (the same on 2026-11-23), AUC 0.981; BDT AUC 0.993; network F1 0.858, AUC 0.992; ' +
    'runs of 2026-12-05 with TPE (issue 17): best validation AUC smoke random 0.9892 / TPE 0.9892 (TPE makes one proposal of 3), ' +
    'default 0.9927 / 0.9921; best s/√b smoke 3.9, default 4.86; peak RSS ~815 MB; ranges with margins',
  smoke: { rf_accuracy: [0.993, 1], rf_auc: [0.93, 1], bdt_auc: [0.93, 1], net_f1: [0.4, 1], net_auc: [0.9, 1], random_best_auc: [0.95, 1], tpe_best_auc: [0.95, 1],
    best_significance: [2, 100], train_events: [10_000, 12_000], peak_rss_mb: [100, 2000] },
  default: { rf_accuracy: [0.995, 1], rf_auc: [0.95, 1], bdt_auc: [0.95, 1], net_f1: [0.5, 1], net_auc: [0.95, 1], random_best_auc: [0.97, 1], tpe_best_auc: [0.97, 1],
    best_significance: [3, 100], train_events: [60_000, 70_000], peak_rss_mb: [100, 2000] },
};
