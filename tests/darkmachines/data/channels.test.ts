/** Tests of lib/darkmachines/data/channels.ts on hand-made events. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { channel1, channel2a, channel2b, channel3, channelSelection } from '../../../lib/darkmachines/data/channels';
import type { DmEvent, DmObject, ObjectCode } from '../../../lib/darkmachines/data/event';

const obj = (type: ObjectCode, pt: number): DmObject => ({ type, E: pt * 1.2, pt, eta: 0.1, phi: 0 });
const ev = (MET: number, objects: DmObject[]): DmEvent => ({ id: '1', process: 'test', weight: 1, MET, METphi: 0, objects });

test('channel 1: HT ≥ 600, MET ≥ 100, MET/HT ≥ 0.2, ≥ 4 jets > 50, one > 200', () => {
  const jets = [obj('j', 250), obj('b', 150), obj('j', 120), obj('j', 100)]; // HT 620
  assert.equal(channel1(ev(250, jets)), true);
  assert.equal(channel1(ev(130, jets)), true, 'MET 130, MET/HT 0.21');
  assert.equal(channel1(ev(190, jets), { minMET: 200 }), false, 'MET below a raised MET cut');
  assert.equal(channel1(ev(100, jets)), false, 'MET/HT = 0.16 < 0.2');
  assert.equal(channel1(ev(250, [obj('j', 250), obj('j', 150), obj('j', 120), obj('j', 45), obj('j', 45)])), false, 'HT 610 but only 3 jets above 50 GeV');
  assert.equal(channel1(ev(250, [obj('j', 190), obj('j', 190), obj('j', 150), obj('j', 100)])), false, 'no jet above 200');
  assert.equal(channel1(ev(250, [obj('j', 250), obj('j', 150), obj('j', 120), obj('e-', 100)])), false, 'a lepton is not a jet');
  assert.equal(channel1(ev(250, [obj('j', 250), obj('j', 120), obj('j', 100), obj('j', 60)])), false, 'HT 530');
});

test('channel 2a: MET ≥ 50 and ≥ 3 leptons above 15 GeV', () => {
  assert.equal(channel2a(ev(60, [obj('e-', 20), obj('m+', 30), obj('e+', 16)])), true);
  assert.equal(channel2a(ev(60, [obj('e-', 20), obj('m+', 30), obj('e+', 14)])), false);
  assert.equal(channel2a(ev(49, [obj('e-', 20), obj('m+', 30), obj('e+', 16)])), false);
  assert.equal(channel2a(ev(60, [obj('e-', 20), obj('m+', 30), obj('g', 50)])), false, 'a photon is not a lepton');
});

test('channel 2b: MET ≥ 50, HT ≥ 50, ≥ 2 leptons above 15 GeV', () => {
  assert.equal(channel2b(ev(60, [obj('e-', 20), obj('m+', 30), obj('j', 55)])), true);
  assert.equal(channel2b(ev(60, [obj('e-', 20), obj('m+', 30), obj('j', 45)])), false, 'HT 45');
  assert.equal(channel2b(ev(60, [obj('e-', 20), obj('j', 300)])), false, 'one lepton');
});

test('channel 3: HT ≥ 600 and MET ≥ 100; lookup by name', () => {
  assert.equal(channel3(ev(100, [obj('j', 400), obj('b', 200)])), true);
  assert.equal(channel3(ev(99, [obj('j', 400), obj('b', 200)])), false);
  assert.equal(channel3(ev(300, [obj('j', 400), obj('g', 200)])), false, 'photons do not count in HT');
  assert.equal(channelSelection('chan3')(ev(100, [obj('j', 600)])), true);
  assert.throws(() => channelSelection('chan9' as 'chan1'), RangeError);
});
