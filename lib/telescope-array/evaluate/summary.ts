/**
 * The notebook's summary as generated sentences: every number in it comes from the run.
 *
 * Used by notebooks/02-telescope-array.ipynb.
 */
import type { DataSets } from '../data/splits';
import type { OptimizerComparison } from '../train/optimizers';
import type { TrainResult } from '../train/correction';
import type { AblationRow } from '../train/ablation';
import { resolutionChange } from './resolution';
import { eventCount } from './tables';
import type { Evaluation } from './test-set';

/** What the summary reports on. */
export interface RunSummary {
  profile: string;
  data: DataSets;
  comparison: OptimizerComparison;
  photonRun: TrainResult;
  nuclei: Evaluation;
  photons: Evaluation;
  /** the time-resolution ablation's rows, when it ran */
  ablation?: readonly AblationRow[];
}

const f3 = (v: number): string => v.toFixed(3);

/** The summary's bullet points (markdown). */
export function summaryMarkdown(s: RunSummary): string {
  const { data, nuclei: n, photons: p } = s;
  const kept = s.comparison.runs[s.comparison.chosen];
  const shards = data.trainNuclei.length + data.trainPhotons.length;
  return [
    `- **Profile ${s.profile}**: ${eventCount(data.trainNuclei)} nuclei and ${eventCount(data.trainPhotons)} photon training events ` +
      `streamed from ${shards} HDF5 shards; simulator + standard fit ${Math.round(data.eventsPerSecond)} events/s; ` +
      `training stream ${Math.round(kept.samplesPerSecond)} samples/s; peak RSS ${Math.round(kept.peakRssMiB)} MiB; ` +
      `optimizer kept: ${s.comparison.chosen}; photon network fine-tuned ${s.photonRun.history.length} epochs.`,
    `- **Explained variance (nuclei test set)**: n_x ${f3(n.ev.dNx)}, n_y ${f3(n.ev.dNy)}, log10 E ${f3(n.ev.dLog10E)}; ` +
      `photons: ${f3(p.ev.dNx)}, ${f3(p.ev.dNy)}, ${f3(p.ev.dLog10E)}.`,
    `- **Angular resolution (68 %, degrees)**: nuclei ${resolutionChange(n, 'angle68')}, photons ${resolutionChange(p, 'angle68')}.`,
    `- **Energy**: σ(Δlog10 E) nuclei ${resolutionChange(n, 'sigmaLogE')}, photons ${resolutionChange(p, 'sigmaLogE')}; ` +
      `ΔE/E bias and σ: nuclei ${resolutionChange(n, 'biasE')} and ${resolutionChange(n, 'sigmaE')}, ` +
      `photons ${resolutionChange(p, 'biasE')} and ${resolutionChange(p, 'sigmaE')} (σ/(1+bias): ${resolutionChange(p, 'relSigmaE')}).`,
    ...(s.ablation ? [ablationSentence(s.ablation)] : []),
  ].join('\n');
}

function ablationSentence(rows: readonly AblationRow[]): string {
  const parts = rows.map((r) => `${r['bin (ns)']} ns bins ${f3(r['mean val EV'])} (log10 E ${f3(r.dLog10E)}, ${r.seconds} s)`);
  return `- **Time resolution** (the same events, epochs and seeds; mean validation EV): ${parts.join(' against ')}.`;
}
