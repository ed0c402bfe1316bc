// Expected results of notebook 01-newsdm, checked by `npm run check-results` after a run. Chance level:
// accuracy 0.667 (a third background), AUC 0.5; six classes 0.167.
import type { ExpectedResults } from '../../lib/results/bounds';

export const EXPECTED: ExpectedResults = {
  notebook: '01-newsdm',
  basis:
    'smoke run of 2026-12-04: trees AUC 0.93-0.94, simple 2D/3D CNN accuracy 0.79-0.81, rotated simple 2D 0.77; ' +
    'the VGG-like nets and the six-class net stay at chance in smoke (width 2-4, 2 epochs), so they are bounded in default only. ' +
    'default run of 2026-12-04: trees AUC 0.965, CNN accuracies 0.877-0.904 (VGG-like 3D 0.896), rotated simple 2D 0.851, six classes 0.567; ranges a few points below, all well above chance; ' +
    'accuracy_ceiling (the Bayes ceiling of the simulated set): smoke 0.931 on 2026-12-04, default 0.912 (issue 16)',
  smoke: {
    bdt_auc: [0.85, 1], rf_auc: [0.85, 1],
    cnn2d_simple_accuracy: [0.72, 1], cnn3d_simple_accuracy: [0.72, 1], rot_simple2d_accuracy: [0.7, 1],
    accuracy_ceiling: [0.97, 1],
  },
  default: {
    bdt_auc: [0.9, 1], rf_auc: [0.9, 1],
    cnn2d_simple_accuracy: [0.8, 1], cnn2d_vgg_accuracy: [0.8, 1], cnn3d_simple_accuracy: [0.8, 1], cnn3d_vgg_accuracy: [0.82, 1],
    rot_simple2d_accuracy: [0.75, 1], six_class_accuracy: [0.35, 1],
    accuracy_ceiling: [0.97, 1],
  },
};
