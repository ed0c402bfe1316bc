// Expected results of notebook 05-zprime, checked by `npm run check-results`. With ~1 % signal a model
// that learns nothing still scores accuracy ≈ 0.99, so the bounds lean on F1 and AUC (0 and 0.5 then).
import type { ExpectedResults } from '../../lib/results/bounds';

export const EXPECTED: ExpectedResults = {
  notebook: '05-zprime',
  basis:
    'smoke run of 2026-12-04: RF accuracy 0.9953, AUC 0.973; network F1 0.73, AUC 0.974; BDT AUC 0.979; ' +
    'default run of 2026-12-04: RF accuracy 0.9972 (the same on 2026-11-23), AUC 0.981; BDT AUC 0.993; network F1 0.858, AUC 0.992; ranges with margins',
  smoke: { rf_accuracy: [0.993, 1], rf_auc: [0.93, 1], bdt_auc: [0.93, 1], net_f1: [0.4, 1], net_auc: [0.9, 1], random_best_auc: [0.95, 1], tpe_best_auc: [0.95, 1] },
  default: { rf_accuracy: [0.995, 1], rf_auc: [0.95, 1], bdt_auc: [0.95, 1], net_f1: [0.5, 1], net_auc: [0.95, 1], random_best_auc: [0.97, 1], tpe_best_auc: [0.97, 1] },
};
