/** Tests of lib/darkmachines/data/event.ts: parsing, formatting and every malformed-line case. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClose } from '../../helpers';
import { formatEventLine, HT, parseEventLine, type DmEvent } from '../../../lib/darkmachines/data/event';

const LINE = '7;ttbar;0.5;75629.4;-2.38;j,273866,154465,1.12,-0.2;b,120000,100000,0.5,1.5;e-,50000,40000,-0.3,2.9;';

test('parses a challenge line into GeV', () => {
  const r = parseEventLine(LINE);
  assert.ok(r.ok);
  const ev = r.event;
  assert.equal(ev.id, '7');
  assert.equal(ev.process, 'ttbar');
  assert.equal(ev.weight, 0.5);
  assertClose(ev.MET, 75.6294, { rtol: 1e-12 });
  assert.equal(ev.objects.length, 3);
  assert.equal(ev.objects[0].type, 'j');
  assertClose(ev.objects[0].E, 273.866, { rtol: 1e-12 });
  assertClose(ev.objects[0].pt, 154.465, { rtol: 1e-12 });
  assert.equal(ev.objects[0].eta, 1.12);
  assertClose(HT(ev), 254.465, { rtol: 1e-12 });
});

test('trailing ; and CRLF are optional; no objects is allowed', () => {
  assert.ok(parseEventLine(LINE.slice(0, -1)).ok);
  assert.ok(parseEventLine(LINE + '\r').ok);
  const r = parseEventLine('1;njets;1;1000;0.1');
  assert.ok(r.ok && r.event.objects.length === 0);
});

test('round trip through formatEventLine', () => {
  const ev: DmEvent = { id: '12', process: 'glgl1400_neutralino1100', weight: 0.00123, MET: 431.25, METphi: 1.234567, objects: [{ type: 'm+', E: 300.5, pt: 120.25, eta: -1.5, phi: 3.1 }] };
  const r = parseEventLine(formatEventLine(ev));
  assert.ok(r.ok);
  assert.deepEqual(r.event, ev);
});

const BAD: [string, string, number, string?][] = [
  ['1;ttbar;1;1000', 'field-count', 4],
  ['1;ttbar;1;1000;0.1;j,1,2,3', 'field-count', 6],
  ['1;ttbar;1;1000;0.1;j,1,2,3,4,5', 'field-count', 6],
  ['1;ttbar;1;1000;0.1;x,1,2,3,4', 'object-code', 6, '"x"'],
  ['1;ttbar;1;1000;0.1;J,1,2,3,4', 'object-code', 6],
  ['1;ttbar;abc;1000;0.1', 'number', 3, '"abc"'],
  ['1;ttbar;1;;0.1', 'number', 4, '""'],
  ['1;ttbar;1;1000;NaN', 'number', 5, '"NaN"'],
  ['1;ttbar;1;1000;0.1;j,1,2e,3,4', 'number', 6, '"2e"'],
  ['1;ttbar;1;1000;0.1;j,1,2,3, 4', 'number', 6],
  ['x1;ttbar;1;1000;0.1', 'number', 1],
  ['1;tt bar;1;1000;0.1', 'field-count', 2],
  ['   ', 'empty', 1],
  // Number() reads these; the challenge's files never hold them
  ['1;ttbar;0x10;1000;0.1', 'number', 3, '"0x10"'],
  ['1;ttbar;1;0b11;0.1', 'number', 4, '"0b11"'],
  ['1;ttbar;1;1000;0o7', 'number', 5, '"0o7"'],
  ['1;ttbar;1;1000;0.1;j,0x10,2,3,0.4', 'number', 6, '"0x10"'],
  ['1;ttbar;1;1000;0.1;j,1,2,Infinity,0.4', 'number', 6, '"Infinity"'],
  ['1;ttbar;1;1000;0.1;j,1e400,2,3,0.4', 'number', 6, '"1e400"'],
  // outside the physical range
  ['1;ttbar;1;1000;0.1;j,-5,2,3,0.4', 'range', 6, '-5'],
  ['1;ttbar;1;1000;0.1;b,5,-2,3,0.4', 'range', 6, '-2'],
  ['1;ttbar;1;1000;0.1;b,5,2,3,3.15', 'range', 6, '3.15'],
  ['1;ttbar;1;1000;0.1;b,5,2,3,-4', 'range', 6, '-4'],
  ['1;ttbar;1;-1000;0.1', 'range', 4, '-1000'],
  ['1;ttbar;1;1000;3.1416e1', 'range', 5, '3.1416e1'],
];
test('azimuths at ±π as files round them are accepted; negative weights (NLO) too', () => {
  for (const phi of ['3.1415927', '-3.1415927', '3.14159', '3.1416', '3.141592653589793', '0.31415927e1']) {
    const r = parseEventLine(`1;ttbar;-0.5;1000;${phi};j,1,2,3,${phi}`);
    assert.ok(r.ok, phi);
  }
  assert.ok(parseEventLine('1;ttbar;1;0;0;j,0,0,-3,0').ok, 'zero E, pT and MET are allowed');
});

for (const [line, kind, field, got] of BAD) {
  test(`malformed: ${JSON.stringify(line)} → ${kind} at field ${field}`, () => {
    const r = parseEventLine(line);
    assert.ok(!r.ok);
    assert.equal(r.problem.kind, kind);
    assert.equal(r.problem.field, field);
    if (got !== undefined) assert.equal(r.problem.got, got);
  });
}
