/**
 * The analysis channels of the DarkMachines challenge (arXiv 2105.14027, Sec. 2.4) as predicates on
 * events. HT is the scalar sum of (b-)jet pT; leptons are e± and μ±; all thresholds in GeV.
 *
 * - channel 1 (hadronic, large MET): HT ≥ 600, MET ≥ 100, MET/HT ≥ 0.2, ≥ 4 (b-)jets with
 *   pT > 50 and ≥ 1 with pT > 200 (arXiv 2105.14027, as the project's issue quotes it). With HT ≥ 600
 *   and MET/HT ≥ 0.2, MET ≥ 120 GeV follows, so the MET cut itself never bites at 100 GeV.
 * - channel 2a (multi-lepton): MET ≥ 50, ≥ 3 leptons with pT > 15.
 * - channel 2b (di-lepton): MET ≥ 50, HT ≥ 50, ≥ 2 leptons with pT > 15.
 * - channel 3 (inclusive hadronic): HT ≥ 600, MET ≥ 100.
 *
 * Used by notebook 04-darkmachines and `simulator.ts` (to simulate events inside one channel).
 */
import { HT, isLepton, type DmEvent } from './event';

/** Channel names as in the challenge. */
export type ChannelName = 'chan1' | 'chan2a' | 'chan2b' | 'chan3';
export const CHANNEL_NAMES: readonly ChannelName[] = ['chan1', 'chan2a', 'chan2b', 'chan3'];

/** Thresholds of channel 1 (GeV), overridable. */
export interface Channel1Cuts {
  minHT: number;
  minMET: number;
  minMETOverHT: number;
  minJets: number;
  jetPt: number;
  leadingJetPt: number;
}
export const CHANNEL1_CUTS: Channel1Cuts = { minHT: 600, minMET: 100, minMETOverHT: 0.2, minJets: 4, jetPt: 50, leadingJetPt: 200 };

function jetsAbove(ev: DmEvent, ptMin: number): number {
  let n = 0;
  for (const o of ev.objects) if ((o.type === 'j' || o.type === 'b') && o.pt > ptMin) n++;
  return n;
}

function leptonsAbove(ev: DmEvent, ptMin: number): number {
  let n = 0;
  for (const o of ev.objects) if (isLepton(o.type) && o.pt > ptMin) n++;
  return n;
}

/** Channel 1: HT ≥ 600, MET ≥ 100, MET/HT ≥ 0.2, ≥ 4 jets pT > 50, ≥ 1 jet pT > 200 (GeV). */
export function channel1(ev: DmEvent, cuts: Partial<Channel1Cuts> = {}): boolean {
  const c = { ...CHANNEL1_CUTS, ...cuts };
  const ht = HT(ev);
  return ht >= c.minHT && ev.MET >= c.minMET && ev.MET / ht >= c.minMETOverHT && jetsAbove(ev, c.jetPt) >= c.minJets && jetsAbove(ev, c.leadingJetPt) >= 1;
}

/** Channel 2a: MET ≥ 50 GeV and ≥ 3 light leptons with pT > 15 GeV. */
export function channel2a(ev: DmEvent): boolean {
  return ev.MET >= 50 && leptonsAbove(ev, 15) >= 3;
}

/** Channel 2b: MET ≥ 50 GeV, HT ≥ 50 GeV and ≥ 2 light leptons with pT > 15 GeV. */
export function channel2b(ev: DmEvent): boolean {
  return ev.MET >= 50 && HT(ev) >= 50 && leptonsAbove(ev, 15) >= 2;
}

/** Channel 3: HT ≥ 600 GeV and MET ≥ 100 GeV. */
export function channel3(ev: DmEvent): boolean {
  return HT(ev) >= 600 && ev.MET >= 100;
}

/** The predicate of a channel by name. */
export function channelSelection(name: ChannelName): (ev: DmEvent) => boolean {
  switch (name) {
    case 'chan1':
      return (ev) => channel1(ev);
    case 'chan2a':
      return channel2a;
    case 'chan2b':
      return channel2b;
    case 'chan3':
      return channel3;
    default:
      throw new RangeError(`unknown channel "${name as string}"; known: ${CHANNEL_NAMES.join(', ')}`);
  }
}
