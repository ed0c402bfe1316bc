import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError, parseRunnerOptions, selectNotebooks } from '../../bin/runner-options';

test('NOTEBOOK_PROFILE chooses the profile when no --profile is given; the flag wins over it', () => {
  assert.deepEqual(pick(parseRunnerOptions([], {})), { profile: 'default', profileSource: 'default' });
  assert.deepEqual(pick(parseRunnerOptions([], { NOTEBOOK_PROFILE: 'full' })), { profile: 'full', profileSource: 'NOTEBOOK_PROFILE' });
  assert.deepEqual(pick(parseRunnerOptions(['--profile', 'smoke'], { NOTEBOOK_PROFILE: 'full' })), { profile: 'smoke', profileSource: '--profile' });
  assert.deepEqual(pick(parseRunnerOptions([], { NOTEBOOK_PROFILE: '' })), { profile: 'default', profileSource: 'default' });
});

test('--timeout is a positive whole number of seconds for one cell', () => {
  assert.equal(parseRunnerOptions(['--timeout', '30'], {}).timeoutSeconds, 30);
  assert.equal(parseRunnerOptions([], {}).timeoutSeconds, 1800);
  for (const bad of ['abc', '0', '-5', '1.5', '', 'Infinity', '1e3']) {
    assert.throws(() => parseRunnerOptions(['--timeout', bad], {}), (err: Error) => err instanceof UsageError && /--timeout must be a positive whole number/.test(err.message), bad);
  }
});

test('bad option values, missing values and unknown options are usage errors', () => {
  const usage = (argv: string[], env: NodeJS.ProcessEnv, pattern: RegExp) =>
    assert.throws(() => parseRunnerOptions(argv, env), (err: Error) => err instanceof UsageError && pattern.test(err.message), argv.join(' '));
  usage(['--profile', 'bogus'], {}, /--profile must be one of smoke, default, full, got "bogus"/);
  usage(['--profile'], {}, /--profile needs a value/);
  usage(['--timeout'], {}, /--timeout needs a value/);
  usage(['--profile', '--timeout', '5'], {}, /--profile needs a value/);
  usage(['--bogus'], {}, /unknown option --bogus/);
  usage([], { NOTEBOOK_PROFILE: 'huge' }, /NOTEBOOK_PROFILE must be one of smoke, default, full, got "huge"/);
});

test('every name filter must match a notebook', () => {
  const notebooks = ['/p/notebooks/00-tour.ipynb', '/p/notebooks/01-newsdm.ipynb', '/p/notebooks/05-zprime.ipynb'];
  assert.deepEqual(selectNotebooks(notebooks, []), notebooks);
  assert.deepEqual(selectNotebooks(notebooks, ['zprime', '00']), [notebooks[0], notebooks[2]]);
  assert.throws(() => selectNotebooks(notebooks, ['00', 'nonesuch']), /no notebook matches "nonesuch" \(notebooks: 00-tour, 01-newsdm, 05-zprime\)/);
});

function pick(options: { profile: string; profileSource: string }) {
  return { profile: options.profile, profileSource: options.profileSource };
}
