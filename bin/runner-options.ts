/**
 * Command-line options of the notebook runner (bin/run-notebooks.ts): parsing and validation, kept
 * apart from running so that tests/bin/runner-options.test.ts can check them without a kernel.
 */
import * as path from 'node:path';
import { PROFILES, type ProfileName } from '../lib/profile';

export const USAGE = `usage: tsx bin/run-notebooks.ts [--profile smoke|default|full] [--timeout SECONDS]
                             [--notebook-dir DIR] [--report-dir DIR] [name-filter ...]
  --profile       sizes of the run, given to the kernel as NOTEBOOK_PROFILE; without the flag the
                  environment variable NOTEBOOK_PROFILE chooses, else "default"
  --timeout       nbclient's limit for ONE CELL, in whole seconds (default 1800); a cell
                  running longer fails the notebook. There is no limit on a whole notebook.
  --notebook-dir  folder of the notebooks (default: notebooks/)
  --report-dir    where executed copies and HTML go (default: reports/<profile>/)
  name-filter     run only notebooks whose file name contains it, e.g. 02 or zprime; each filter must
                  match at least one notebook
Ctrl-C (SIGINT) or SIGTERM stops the run: the kernel is shut down, the running notebook's report is not
written (earlier reports stay as they were), and the exit status is 130 or 143.`;

/** Where the profile came from, for the run's banner. */
export type ProfileSource = '--profile' | 'NOTEBOOK_PROFILE' | 'default';

export interface RunnerOptions {
  profile: ProfileName;
  profileSource: ProfileSource;
  /** nbclient's per-cell limit, seconds. */
  timeoutSeconds: number;
  filters: string[];
  notebookDir: string | null;
  reportDir: string | null;
  help: boolean;
}

/** A bad command line: the runner prints the message and the usage and exits with status 2. */
export class UsageError extends Error {}

const DEFAULT_TIMEOUT_SECONDS = 1800;

function checkProfile(value: string, where: string): ProfileName {
  const profile = value.trim().toLowerCase();
  if (!(PROFILES as readonly string[]).includes(profile)) {
    throw new UsageError(`${where} must be one of ${PROFILES.join(', ')}, got "${value}"`);
  }
  return profile as ProfileName;
}

function checkTimeout(value: string): number {
  const seconds = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(seconds) || seconds <= 0) {
    throw new UsageError(`--timeout must be a positive whole number of seconds (nbclient's limit for one cell), got "${value}"`);
  }
  return seconds;
}

/** The value after option `argv[i]`; a missing one, or another option in its place, is an error. */
function valueOf(argv: string[], i: number): string {
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${argv[i]} needs a value`);
  return value;
}

/**
 * Parses the runner's arguments. The profile is `--profile` when given, else `NOTEBOOK_PROFILE` from
 * `env`, else `default`; throws UsageError for an unknown option or a bad or missing value.
 */
export function parseRunnerOptions(argv: string[], env: NodeJS.ProcessEnv): RunnerOptions {
  let flagProfile: ProfileName | null = null;
  const options: RunnerOptions = {
    profile: 'default',
    profileSource: 'default',
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
    filters: [],
    notebookDir: null,
    reportDir: null,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--profile') flagProfile = checkProfile(valueOf(argv, i++), '--profile');
    else if (arg === '--timeout') options.timeoutSeconds = checkTimeout(valueOf(argv, i++));
    else if (arg === '--notebook-dir') options.notebookDir = valueOf(argv, i++);
    else if (arg === '--report-dir') options.reportDir = valueOf(argv, i++);
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else options.filters.push(arg);
  }
  if (flagProfile !== null) {
    options.profile = flagProfile;
    options.profileSource = '--profile';
  } else if (env.NOTEBOOK_PROFILE !== undefined && env.NOTEBOOK_PROFILE.trim() !== '') {
    options.profile = checkProfile(env.NOTEBOOK_PROFILE, 'NOTEBOOK_PROFILE');
    options.profileSource = 'NOTEBOOK_PROFILE';
  }
  return options;
}

/** The notebooks that the filters select; a filter that matches no notebook is an error. */
export function selectNotebooks(notebooks: string[], filters: string[]): string[] {
  const base = (file: string) => path.basename(file);
  for (const filter of filters) {
    if (!notebooks.some((nb) => base(nb).includes(filter))) {
      const names = notebooks.map((nb) => base(nb).replace(/\.ipynb$/, '')).join(', ');
      throw new UsageError(`no notebook matches "${filter}" (notebooks: ${names || 'none'})`);
    }
  }
  return notebooks.filter((nb) => filters.length === 0 || filters.some((f) => base(nb).includes(f)));
}
