import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { channel3 } from '../../../lib/darkmachines/data/channels';
import type { DmEvent } from '../../../lib/darkmachines/data/event';
import { channelColumns, eventColumns } from '../../../lib/darkmachines/data/table';

const obj = (type: DmEvent['objects'][number]['type'], pt: number) => ({ type, E: pt * 1.2, pt, eta: 0.1, phi: 0.2 });

/** A hadronic event in channel 3 (HT ≥ 600 GeV, MET ≥ 100 GeV) and a quiet one in no channel. */
const events: DmEvent[] = [
  { id: '1', process: 'njets', weight: 2, MET: 150, METphi: 0, objects: [obj('j', 450), obj('b', 250), obj('m-', 30), obj('g', 40)] },
  { id: '2', process: 'ttbar', weight: 0.5, MET: 10, METphi: 0, objects: [obj('j', 30)] },
];

describe('eventColumns', () => {
  it('gives one row per event with HT and object counts', () => {
    const c = eventColumns(events);
    assert.deepEqual(c.process, ['njets', 'ttbar']);
    assert.deepEqual([...c.weight], [2, 0.5]);
    assert.deepEqual([...c.HT], [700, 30]);
    assert.deepEqual([...c.jets, ...c.bJets, ...c.leptons, ...c.photons], [1, 1, 1, 0, 1, 0, 1, 0]);
  });
});

describe('channelColumns', () => {
  it('one row per event and passed channel, "none" for events in no channel', () => {
    assert.ok(channel3(events[0]) && !channel3(events[1]));
    const c = channelColumns(events, ['chan3']);
    assert.deepEqual(c, { process: ['njets', 'ttbar'], channel: ['chan3', 'none'], weight: [2, 0.5] });
  });
});
