// Expected results of notebook 00-tour (the toy-tracks data set of lib/datasets), checked by
// `npm run check-results` after a run. A CNN that stops learning scores AUC ≈ 0.5.
import type { ExpectedResults } from '../../lib/results/bounds';

export const EXPECTED: ExpectedResults = {
  notebook: '00-tour',
  basis: 'smoke run of 2026-12-04 (CNN AUC 0.886 after 6 epochs on 480 images); default runs of 2026-11-23 and 2026-12-04 (CNN AUC 0.991 both times); the elongation baseline is not learned and sits near 0.57',
  smoke: { cnn_auc: [0.75, 1], baseline_auc: [0.5, 0.7] },
  default: { cnn_auc: [0.95, 1], baseline_auc: [0.5, 0.7] },
};
