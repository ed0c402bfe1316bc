/**
 * One LHC event in the DarkMachines unsupervised-challenge text format (Aarrestad et al.,
 * arXiv 2105.14027, Sec. 2.3): one event per line,
 *
 *     event ID;process ID;event weight;MET;METphi;obj1,E1,pt1,eta1,phi1;obj2,E2,pt2,eta2,phi2;…
 *
 * with energies and momenta in MeV, angles in radians, and object codes `j` (jet), `b` (b-jet),
 * `e-`/`e+` (electron/positron), `m-`/`m+` (muon/antimuon), `g` (photon). A trailing `;` is allowed.
 *
 * Here: the `DmEvent` type (momenta in GeV inside the library), `parseEventLine` (strict; says what
 * is wrong and where) and `formatEventLine` (the exact inverse up to number formatting).
 * Used by `reader.ts`, `simulator.ts`, `channels.ts`, `features.ts` and notebook 04-darkmachines.
 */

/** The challenge's object codes. */
export const OBJECT_CODES = ['j', 'b', 'e-', 'e+', 'm-', 'm+', 'g'] as const;
/** One object code: jet, b-jet, electron, positron, muon, antimuon, photon. */
export type ObjectCode = (typeof OBJECT_CODES)[number];

/** A reconstructed object; momenta in GeV (the file stores MeV). */
export interface DmObject {
  type: ObjectCode;
  /** energy, GeV */
  E: number;
  /** transverse momentum, GeV */
  pt: number;
  /** pseudorapidity */
  eta: number;
  /** azimuth, rad in (−π, π] */
  phi: number;
}

/** One event; `objects` in the file's order (our simulator writes them by decreasing pT). */
export interface DmEvent {
  /** event ID as written in the file (an integer string) */
  id: string;
  /** process ID, e.g. `ttbar` or `glgl1400_neutralino1100` */
  process: string;
  /** event weight (cross-section × luminosity / generated events) */
  weight: number;
  /** missing transverse energy, GeV */
  MET: number;
  /** azimuth of the missing transverse momentum, rad */
  METphi: number;
  objects: DmObject[];
}

/** MeV per GeV: the file's unit over the library's. */
export const MEV_PER_GEV = 1000;

const CODE_SET: ReadonlySet<string> = new Set(OBJECT_CODES);

/** Why a line is malformed: a short category plus the message of a `DataFormatError`. */
export interface LineProblem {
  /** `field-count` | `object-code` | `number` (not a finite decimal number) | `range` (negative E, pT or MET; φ outside [−π, π]) | `empty` */
  kind: 'field-count' | 'object-code' | 'number' | 'range' | 'empty';
  expected: string;
  got: string;
  /** 1-based `;`-separated field where the problem is */
  field: number;
}

/** Result of {@link parseEventLine}: the event, or what is wrong with the line. */
export type ParsedLine = { ok: true; event: DmEvent } | { ok: false; problem: LineProblem };

/** A decimal number as the challenge's files write them: `12`, `-0.5`, `.5`, `3.2e+05`. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function num(text: string): number {
  // Number() also reads '', ' 1 ', '0x10', '0b11', '0o7' and 'Infinity': accept decimal text only.
  return DECIMAL.test(text) ? Number(text) : NaN;
}

/**
 * Whether an azimuth read from `text` lies in [−π, π] up to half a unit of its last written digit,
 * since files round: π to 8 digits is 3.1415927, 4.6e-8 above π and within 5e-8, so accepted;
 * 3.15 is 0.008 above, beyond 0.005, so refused.
 */
function isAzimuth(value: number, text: string): boolean {
  if (Math.abs(value) <= Math.PI) return true;
  const m = /^[+-]?\d*(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  const halfLastDigit = m ? 0.5 * 10 ** (Number(m[2] ?? 0) - (m[1]?.length ?? 0)) : 0;
  return Math.abs(value) - Math.PI <= halfLastDigit;
}

function bad(kind: LineProblem['kind'], field: number, expected: string, got: string): ParsedLine {
  return { ok: false, problem: { kind, field, expected, got } };
}

/**
 * Parses one line of the format above (no line break). Never throws: a malformed line (wrong field
 * count, unknown object code, a value that is not a finite decimal number — `0x10`, `0b11`, `0o7`,
 * `inf`, `1e400` are not — or out of its physical range: negative E, pT or MET, an azimuth outside
 * [−π, π]) is returned as a `LineProblem` for the reader to raise or count.
 */
export function parseEventLine(line: string): ParsedLine {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (text.trim().length === 0) return bad('empty', 1, 'an event', 'an empty line');
  const fields = text.endsWith(';') ? text.slice(0, -1).split(';') : text.split(';');
  if (fields.length < 5) return bad('field-count', fields.length, 'at least 5 ";"-separated fields (id;process;weight;MET;METphi)', `${fields.length}`);
  const [id, process, w, met, metPhi] = fields;
  if (!/^\d+$/.test(id)) return bad('number', 1, 'an integer event ID', JSON.stringify(id));
  if (process.length === 0 || /[,\s]/.test(process)) return bad('field-count', 2, 'a process ID', JSON.stringify(process));
  const head = [num(w), num(met), num(metPhi)];
  const names = ['event weight', 'MET', 'METphi'];
  for (let k = 0; k < 3; k++) if (!Number.isFinite(head[k])) return bad('number', 3 + k, `a decimal number (${names[k]})`, JSON.stringify(fields[2 + k]));
  if (head[1] < 0) return bad('range', 4, 'MET ≥ 0', met);
  if (!isAzimuth(head[2], metPhi)) return bad('range', 5, 'METphi in [−π, π]', metPhi);
  const objects: DmObject[] = [];
  for (let f = 5; f < fields.length; f++) {
    const parts = fields[f].split(',');
    if (parts.length !== 5) return bad('field-count', f + 1, 'an object "code,E,pt,eta,phi" (5 values)', `${parts.length} values in ${JSON.stringify(fields[f])}`);
    if (!CODE_SET.has(parts[0])) return bad('object-code', f + 1, `an object code (${OBJECT_CODES.join(' ')})`, JSON.stringify(parts[0]));
    const v = [num(parts[1]), num(parts[2]), num(parts[3]), num(parts[4])];
    for (let k = 0; k < 4; k++) if (!Number.isFinite(v[k])) return bad('number', f + 1, `a decimal number (${['E', 'pt', 'eta', 'phi'][k]})`, JSON.stringify(parts[k + 1]));
    if (v[0] < 0) return bad('range', f + 1, 'E ≥ 0', parts[1]);
    if (v[1] < 0) return bad('range', f + 1, 'pt ≥ 0', parts[2]);
    if (!isAzimuth(v[3], parts[4])) return bad('range', f + 1, 'phi in [−π, π]', parts[4]);
    objects.push({ type: parts[0] as ObjectCode, E: v[0] / MEV_PER_GEV, pt: v[1] / MEV_PER_GEV, eta: v[2], phi: v[3] });
  }
  return { ok: true, event: { id, process, weight: head[0], MET: head[1] / MEV_PER_GEV, METphi: head[2], objects } };
}

/** Rounds to `digits` significant digits and prints without exponent noise for ordinary values. */
function fmt(x: number, digits: number): string {
  return String(Number(x.toPrecision(digits)));
}

/**
 * One line for an event (no line break), momenta written in MeV, with a trailing `;` as the
 * challenge files have. `digits` significant digits per value (default 8: MeV to better than 1 keV
 * for TeV objects). `parseEventLine(formatEventLine(e))` gives `e` back to that precision.
 */
export function formatEventLine(event: DmEvent, digits = 8): string {
  const head = [event.id, event.process, fmt(event.weight, digits), fmt(event.MET * MEV_PER_GEV, digits), fmt(event.METphi, digits)];
  const objs = event.objects.map((o) => [o.type, fmt(o.E * MEV_PER_GEV, digits), fmt(o.pt * MEV_PER_GEV, digits), fmt(o.eta, digits), fmt(o.phi, digits)].join(','));
  return [...head, ...objs].join(';') + ';';
}

/** Scalar sum of jet and b-jet pT, GeV (the challenge's HT). */
export function HT(event: DmEvent): number {
  let s = 0;
  for (const o of event.objects) if (o.type === 'j' || o.type === 'b') s += o.pt;
  return s;
}

/** Number of objects of the given codes. */
export function countObjects(event: DmEvent, codes: readonly ObjectCode[]): number {
  let n = 0;
  for (const o of event.objects) if (codes.includes(o.type)) n++;
  return n;
}

/** Whether an object is a light lepton (e±, μ±). */
export function isLepton(type: ObjectCode): boolean {
  return type === 'e-' || type === 'e+' || type === 'm-' || type === 'm+';
}
