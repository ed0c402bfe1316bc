/**
 * DarkMachines events as table columns, for the notebook's data section (danfojs-node or arquero):
 * one row per event with its process, weight, MET, HT and object counts; and one row per event and
 * channel it passes, for weighted yields per process and channel.
 *
 * Used by notebook 04-darkmachines (`toDanfo(eventColumns(fixture.events))`).
 */
import { CHANNEL_NAMES, channelSelection, type ChannelName } from './channels';
import { HT, isLepton, type DmEvent } from './event';

/** Per-event columns: process and weight as in the file, MET and HT in GeV, object counts (a `type`, not an `interface`, so that it is assignable to `Columns` in tslab). */
export type EventColumns = {
  process: string[];
  weight: Float64Array;
  MET: Float64Array;
  HT: Float64Array;
  jets: Int32Array;
  bJets: Int32Array;
  leptons: Int32Array;
  photons: Int32Array;
};

/** One row per event (columns of equal length, ready for `toDanfo` or `aq.table`). */
export function eventColumns(events: readonly DmEvent[]): EventColumns {
  const n = events.length;
  const out: EventColumns = { process: new Array<string>(n), weight: new Float64Array(n), MET: new Float64Array(n), HT: new Float64Array(n), jets: new Int32Array(n), bJets: new Int32Array(n), leptons: new Int32Array(n), photons: new Int32Array(n) };
  events.forEach((ev, i) => {
    out.process[i] = ev.process;
    out.weight[i] = ev.weight;
    out.MET[i] = ev.MET;
    out.HT[i] = HT(ev);
    for (const o of ev.objects) {
      if (o.type === 'j') out.jets[i]++;
      else if (o.type === 'b') out.bJets[i]++;
      else if (o.type === 'g') out.photons[i]++;
      else if (isLepton(o.type)) out.leptons[i]++;
    }
  });
  return out;
}

/**
 * One row per event and channel it passes (the channels overlap: channel 3 is inclusive), and one
 * row with channel `'none'` for an event in no channel, so every event is counted at least once.
 */
export function channelColumns(events: readonly DmEvent[], channels: readonly ChannelName[] = CHANNEL_NAMES): { process: string[]; channel: string[]; weight: number[] } {
  const out = { process: [] as string[], channel: [] as string[], weight: [] as number[] };
  const selections = channels.map((name) => [name, channelSelection(name)] as const);
  const push = (ev: DmEvent, channel: string) => {
    out.process.push(ev.process);
    out.channel.push(channel);
    out.weight.push(ev.weight);
  };
  for (const ev of events) {
    const passed = selections.filter(([, pass]) => pass(ev));
    if (passed.length === 0) push(ev, 'none');
    for (const [name] of passed) push(ev, name);
  }
  return out;
}
