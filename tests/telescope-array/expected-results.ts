// Expected results of notebook 02-telescope-array, checked by `npm run check-results` after a run. A
// correction network that learns nothing has EV ≈ 0 and leaves the photons' energy bias where the
// standard reconstruction puts it (≈ −0.36 with the nuclei's energy table).
import type { ExpectedResults } from '../../lib/results/bounds';

export const EXPECTED: ExpectedResults = {
  notebook: '02-telescope-array',
  basis:
    'smoke run of 2026-12-04: EV log10 E (nuclei) 0.017 after 1 epoch, photon ΔE/E bias −0.36 → 0.016 after fine-tuning, standard 68 % angle 0.81°; ' +
    'default run of 2026-12-04: EV log10 E 0.189 (nuclei, the same on 2026-11-23) and 0.488 (photons), photon bias −0.348 → 0.008, standard angle 0.76°; ' +
    'default run of 2026-12-04 20:18 (branch ta, Adadelta kept): EV log10 E 0.194 / 0.528, photon bias −0.348 → 0.109, warm-up accuracy 0.985, ablation mean EV 0.039 (80 ns) / 0.037 (20 ns); ranges with wide margins',
  smoke: {
    ev_log10e_nuclei: [0.0, 0.5], de_over_e_bias_photons_corr: [-0.15, 0.15], de_over_e_bias_photons_std: [-0.5, -0.2], angle68_nuclei_std_deg: [0.5, 1.2], warmup_digits_accuracy: [0.15, 1.0],
  },
  default: {
    ev_log10e_nuclei: [0.08, 0.5], ev_log10e_photons: [0.05, 0.8], de_over_e_bias_photons_corr: [-0.15, 0.2], de_over_e_bias_photons_std: [-0.5, -0.2],
    angle68_nuclei_std_deg: [0.4, 1.2], warmup_digits_accuracy: [0.8, 1.0], ablation_ev_mean_80ns: [-0.05, 0.5], ablation_ev_mean_20ns: [-0.05, 0.5],
  },
};
