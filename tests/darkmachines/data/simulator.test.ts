/** Tests of lib/darkmachines/data/simulator.ts (+ processes, detector): physics that must separate the classes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { channelSelection } from '../../../lib/darkmachines/data/channels';
import { accepted } from '../../../lib/darkmachines/data/detector-response';
import { HT, isLepton, type DmEvent } from '../../../lib/darkmachines/data/event';
import { processByName, SIGNAL_PROCESSES, SM_PROCESSES } from '../../../lib/darkmachines/data/processes';
import { channelEfficiencies, sampleSummary, simulateMixture, simulateProcess } from '../../../lib/darkmachines/data/simulator';
import { Random } from '../../../lib/random';
import { assertClose } from '../../helpers';

const sim = (name: string, n = 400) => simulateProcess(name, n, new Random(11)).events;
const mean = (evs: DmEvent[], f: (e: DmEvent) => number) => evs.reduce((a, e) => a + f(e), 0) / evs.length;

test('the challenge names are there', () => {
  for (const name of ['ttbar', 'w_jets', 'z_jets', 'gam_jets', 'njets', 'single_top', 'glgl1400_neutralino1100', 'glgl1600_neutralino800', 'monojet_Zp2000.0_DM_50.0', 'monotop_200_A', 'sqsq1_sq1400_neut800', 'stlp_st1000', 'stop2b1000_neutralino300']) {
    assert.equal(processByName(name).name, name);
  }
  assert.throws(() => processByName('nope'), /known: njets/);
  assert.equal(SM_PROCESSES.every((p) => p.kind === 'SM'), true);
  assert.equal(SIGNAL_PROCESSES.every((p) => p.kind === 'signal'), true);
});

test('events are valid: accepted objects, sorted by pT, E ≥ pT, finite MET', () => {
  for (const ev of simulateMixture(SM_PROCESSES.concat(SIGNAL_PROCESSES), 500, new Random(3)).events) {
    assert.ok(Number.isFinite(ev.MET) && ev.MET >= 0);
    for (let k = 0; k < ev.objects.length; k++) {
      const o = ev.objects[k];
      assert.ok(accepted(o.type, o.pt, Math.abs(o.eta)), JSON.stringify(o));
      assert.ok(o.E >= o.pt * 0.999);
      if (k > 0) assert.ok(o.pt <= ev.objects[k - 1].pt);
    }
  }
});

test('physics: heavy gluinos give more jets, HT and MET than QCD; monojet has large MET and few jets; stlp has leptons', () => {
  const qcd = sim('njets'), gl = sim('glgl1600_neutralino800'), mono = sim('monojet_Zp2000.0_DM_50.0'), stlp = sim('stlp_st1000'), z = sim('z_jets');
  const nJets = (e: DmEvent) => e.objects.filter((o) => o.type === 'j' || o.type === 'b').length;
  assert.ok(mean(gl, nJets) > mean(qcd, nJets) + 1);
  assert.ok(mean(gl, HT) > mean(qcd, HT));
  assert.ok(mean(gl, (e) => e.MET) > 5 * mean(qcd, (e) => e.MET));
  assert.ok(mean(mono, (e) => e.MET) > 300 && mean(mono, nJets) < 2.5);
  assert.ok(mean(stlp, (e) => e.objects.filter((o) => isLepton(o.type)).length) > 1.5);
  assert.ok(mean(z, (e) => e.MET) < mean(mono, (e) => e.MET));
  const compressed = sim('glgl1400_neutralino1100');
  assert.ok(mean(compressed, HT) < mean(gl, HT), 'a compressed spectrum gives softer jets');
});

test('weights: σ · L / N, and with a selection σ · ε · L / N', () => {
  const all = simulateProcess('ttbar', 200, new Random(1));
  assertClose(all.events[0].weight, (1000 * 60 * 10) / 200, { rtol: 1e-12 });
  const sel = simulateProcess('ttbar', 50, new Random(1), { select: channelSelection('chan2b') });
  assert.ok(sel.efficiency > 0 && sel.efficiency < 0.2);
  assertClose(sel.events.reduce((a, e) => a + e.weight, 0), 1000 * 60 * sel.efficiency * 10, { rtol: 1e-9 });
  assert.ok(sel.events.every(channelSelection('chan2b')));
  assert.throws(() => simulateProcess('gam_jets', 5, new Random(1), { select: channelSelection('chan2a'), maxTriesPerEvent: 2 }), /only/);
});

test('same seed, same events; summary counts', () => {
  assert.deepEqual(sim('wtop', 20), sim('wtop', 20));
  const s = sampleSummary(sim('ttbar', 100));
  assert.equal(s.events, 100);
  assert.ok(s.bJets > 0.8 && s.jets > 2);
});

test('channel efficiencies: fractions in [0, 1], equal to counting the selection by hand, one column per channel', () => {
  const processes = [processByName('njets'), processByName('glgl1600_neutralino800')];
  const rows = channelEfficiencies(processes, 200, new Random(4));
  assert.deepEqual(rows.map((r) => r.process), ['njets', 'glgl1600_neutralino800']);
  const byHand = simulateProcess(processes[1], 200, new Random(4).fork(processes[1].name)).events.filter(channelSelection('chan3')).length / 200;
  assert.equal(rows[1].chan3, byHand);
  for (const r of rows) for (const c of ['chan1', 'chan2a', 'chan2b', 'chan3']) assert.ok((r[c] as number) >= 0 && (r[c] as number) <= 1);
  assert.ok((rows[1].chan3 as number) > (rows[0].chan3 as number), 'gluino pairs pass the hadronic channel more often than QCD');
});
