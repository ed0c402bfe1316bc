/**
 * The DarkMachines event simulator: truth generation (`processes.ts`) + detector (`detector-response.ts`) →
 * events in the challenge format (`event.ts`), with weights from cross sections,
 * w = σ · L / N_generated (σ in pb, L in fb⁻¹, so w = 1000 · σ · L / N). Optionally only events
 * inside one analysis channel are kept, and the weights then carry the selection efficiency.
 *
 * Used by notebook 04-darkmachines, `bench/darkmachines.ts` and the committed fixture
 * (`data/darkmachines/`).
 */
import { Random } from '../../random';
import { reconstruct, type DetectorOptions } from './detector-response';
import type { DmEvent } from './event';
import { processByName, type ProcessSpec } from './processes';
import { CHANNEL_NAMES, channelSelection } from './channels';

/** Options of {@link simulateProcess} and {@link simulateMixture}. */
export interface SimulateOptions {
  /** integrated luminosity, fb⁻¹ (default 10, the challenge's) */
  luminosityFb?: number;
  /** keep only events passing this selection (e.g. `channelSelection('chan3')`) */
  select?: (ev: DmEvent) => boolean;
  /** give up after this many generated events per kept event (default 2000) */
  maxTriesPerEvent?: number;
  /** first event ID (default 1) */
  firstId?: number;
  detector?: DetectorOptions;
}

/** Simulated events and how many were generated to get them. */
export interface Simulated {
  events: DmEvent[];
  generated: number;
  /** fraction of generated events kept (1 without a selection) */
  efficiency: number;
}

function one(spec: ProcessSpec, id: number, rng: Random, detector?: DetectorOptions): DmEvent {
  const rec = reconstruct(spec.generate(rng), rng, detector);
  return { id: String(id), process: spec.name, weight: 0, MET: rec.MET, METphi: rec.METphi, objects: rec.objects };
}

/**
 * `n` events of one process (by challenge name or spec) that pass `opts.select`, with weights
 * 1000 · σ · ε · L / n so that they sum to the expected number of events in L.
 * @throws if the selection keeps too few events (see `maxTriesPerEvent`)
 */
export function simulateProcess(process: string | ProcessSpec, n: number, rng: Random, opts: SimulateOptions = {}): Simulated {
  const spec = typeof process === 'string' ? processByName(process) : process;
  const maxTries = (opts.maxTriesPerEvent ?? 2000) * Math.max(n, 1);
  const events: DmEvent[] = [];
  let generated = 0;
  let id = opts.firstId ?? 1;
  while (events.length < n) {
    if (generated >= maxTries) throw new Error(`simulateProcess(${spec.name}): only ${events.length} of ${n} events pass the selection after ${generated} tries`);
    const ev = one(spec, id++, rng, opts.detector);
    generated++;
    if (!opts.select || opts.select(ev)) events.push(ev);
  }
  const efficiency = n / generated;
  const weight = (1000 * spec.crossSectionPb * efficiency * (opts.luminosityFb ?? 10)) / Math.max(n, 1);
  for (const ev of events) ev.weight = weight;
  return { events, generated, efficiency };
}

/**
 * A mixture of processes, each drawn with probability ∝ σ (what a real detector would record),
 * `n` events after `opts.select`, all with weight 1000 · σ_sel · L / n.
 */
export function simulateMixture(processes: readonly (string | ProcessSpec)[], n: number, rng: Random, opts: SimulateOptions = {}): Simulated {
  const specs = processes.map((p) => (typeof p === 'string' ? processByName(p) : p));
  const xsec = specs.map((s) => s.crossSectionPb);
  const total = xsec.reduce((a, b) => a + b, 0);
  const maxTries = (opts.maxTriesPerEvent ?? 2000) * Math.max(n, 1);
  const events: DmEvent[] = [];
  let generated = 0;
  let id = opts.firstId ?? 1;
  while (events.length < n) {
    if (generated >= maxTries) throw new Error(`simulateMixture: only ${events.length} of ${n} events pass after ${generated} tries`);
    const ev = one(rng.choice(specs, xsec), id++, rng, opts.detector);
    generated++;
    if (!opts.select || opts.select(ev)) events.push(ev);
  }
  const efficiency = n / generated;
  const weight = (1000 * total * efficiency * (opts.luminosityFb ?? 10)) / Math.max(n, 1);
  for (const ev of events) ev.weight = weight;
  return { events, generated, efficiency };
}

/** Summary statistics of a sample, for tables: mean MET, HT, jet / b / lepton / photon multiplicities. */
export function sampleSummary(events: readonly DmEvent[]): Record<string, number> {
  let met = 0, ht = 0, nj = 0, nb = 0, nl = 0, ng = 0;
  for (const ev of events) {
    met += ev.MET;
    for (const o of ev.objects) {
      if (o.type === 'j') nj++;
      else if (o.type === 'b') nb++;
      else if (o.type === 'g') ng++;
      else nl++;
      if (o.type === 'j' || o.type === 'b') ht += o.pt;
    }
  }
  const n = Math.max(events.length, 1);
  return { events: events.length, meanMET: met / n, meanHT: ht / n, jets: nj / n, bJets: nb / n, leptons: nl / n, photons: ng / n };
}

/**
 * The committed fixture `data/darkmachines/events-fixture.csv`: `perProcess` events of every process
 * (no selection), IDs running on across processes. Regenerate with
 * `npx tsx bench/darkmachines.ts --write-fixture`.
 */
export function fixtureEvents(processes: readonly ProcessSpec[], perProcess = 20, seed = 2105): DmEvent[] {
  const rng = new Random(seed);
  const out: DmEvent[] = [];
  for (const spec of processes) out.push(...simulateProcess(spec, perProcess, rng.fork(spec.name), { firstId: out.length + 1 }).events);
  return out;
}

/**
 * The fraction of `n` generated events of each process that passes each channel's selection (the
 * channels overlap, so a row need not sum to 1): one row per process, one column per channel.
 */
export function channelEfficiencies(processes: readonly ProcessSpec[], n: number, rng: Random): Record<string, string | number>[] {
  return processes.map((p) => {
    const events = simulateProcess(p, n, rng.fork(p.name)).events;
    const fractions = CHANNEL_NAMES.map((c) => [c, events.filter(channelSelection(c)).length / events.length]);
    return { process: p.name, ...Object.fromEntries(fractions) };
  });
}
