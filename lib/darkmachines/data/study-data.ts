/**
 * The data set of the DarkMachines study: SM events (a σ-weighted mixture) and every signal, simulated
 * inside one channel, split into SM train / test, and preprocessed with a `FeatureScaler` fitted on the
 * SM training rows only.
 *
 * Used by notebook 04-darkmachines.
 */
import type { Random } from '../../random';
import { channelSelection, type ChannelName } from './channels';
import type { DmEvent } from './event';
import { eventsToMatrix, FeatureScaler, takeRows, type Matrix } from './features';
import { SIGNAL_PROCESSES, SM_PROCESSES } from './processes';
import { simulateMixture, simulateProcess } from './simulator';

/** Sizes of {@link buildStudyData}. */
export interface StudyDataOptions {
  channel: ChannelName;
  /** SM events in the channel (split into train and test) */
  nSM: number;
  /** events per signal in the channel */
  nSignal: number;
  /** object slots K of the feature vector */
  maxObjects: number;
  /** fraction of SM events for testing (default 0.5) */
  testFraction?: number;
  rng: Random;
}

/** Scaled matrices and the events behind them. */
export interface StudyData {
  maxObjects: number;
  scaler: FeatureScaler;
  smTrain: Matrix;
  smTest: Matrix;
  signals: Record<string, Matrix>;
  events: { smTrain: DmEvent[]; smTest: DmEvent[]; signals: Record<string, DmEvent[]> };
  /** fraction of generated SM events inside the channel */
  smEfficiency: number;
}

/** Simulates SM (mixture ∝ σ) and every signal inside `channel`, splits, fits the scaler on SM train. */
export function buildStudyData(opts: StudyDataOptions): StudyData {
  const select = channelSelection(opts.channel);
  const sm = simulateMixture(SM_PROCESSES, opts.nSM, opts.rng.fork('SM'), { select });
  const split = opts.rng.fork('split').split(opts.nSM, { test: opts.testFraction ?? 0.5 });
  const smTrainEv = Array.from(split.train, (i) => sm.events[i]);
  const smTestEv = Array.from(split.test, (i) => sm.events[i]);
  const signalEv = Object.fromEntries(SIGNAL_PROCESSES.map((p) => [p.name, simulateProcess(p, opts.nSignal, opts.rng.fork(p.name), { select, maxTriesPerEvent: 5000 }).events]));
  const K = opts.maxObjects;
  const all = eventsToMatrix(sm.events, K);
  const scaler = FeatureScaler.fit(takeRows(all, split.train), K);
  return {
    maxObjects: K,
    scaler,
    smTrain: scaler.transform(takeRows(all, split.train)),
    smTest: scaler.transform(takeRows(all, split.test)),
    signals: Object.fromEntries(Object.entries(signalEv).map(([k, v]) => [k, scaler.transform(eventsToMatrix(v, K))])),
    events: { smTrain: smTrainEv, smTest: smTestEv, signals: signalEv },
    smEfficiency: sm.efficiency,
  };
}
