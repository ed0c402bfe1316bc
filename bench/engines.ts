/**
 * What every benchmark shares to compare tfjs with PyTorch fairly: each engine is timed in a process of
 * its own, with its thread count pinned before any library loads, at 1 thread and at every core; the
 * ratio that counts divides our best figure by PyTorch's best.
 *
 *   - tfjs: the benchmark reruns itself as a child (`--tfjs-child`) with TFJS_THREADS and
 *     OMP_NUM_THREADS set, and prints one JSON line; the oneDNN kernels read the count at load.
 *   - PyTorch: the reference scripts pin OpenMP/OpenBLAS themselves (bench/torch_common.py); we also
 *     give them GLIBC_TUNABLES that keep glibc's malloc from returning memory to the system after each
 *     step, whose page faults slowed Debian's PyTorch epoch by ~18 % (354 → 292 ms for the reference
 *     CNN on 1 thread; shared/notes/onednn.md), so our ratio is against PyTorch at its best.
 *
 * Used by bench/run.ts, bench/newsdm.ts and bench/zprime.ts.
 */
import { spawnSync } from 'node:child_process';
import { openMpSettingsOfOurs } from '../lib/backend/native-addon';
import * as os from 'node:os';
import { projectRoot } from '../lib/paths';

/** The thread counts every engine is timed at: 1 and all cores (once when there is one core). */
export function threadCounts(): number[] {
  return [...new Set([1, os.availableParallelism()])];
}

/** glibc malloc tunables: no trimming and no mmap for large blocks (see the file header). */
export const GLIBC_MALLOC_TUNABLES = 'glibc.malloc.mmap_threshold=4294967296:glibc.malloc.trim_threshold=4294967296';

/** Environment of a PyTorch reference process (threads are pinned by the script from its arguments). */
export function torchEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GLIBC_TUNABLES: GLIBC_MALLOC_TUNABLES };
  for (const name of openMpSettingsOfOurs) delete env[name]; // PyTorch keeps OpenMP's own defaults
  return env;
}

/**
 * Runs `script` (a bench/*.ts file) as a tfjs child on `threads` threads with `args`; returns the JSON
 * object of its last stdout line.
 * @throws with the child's last stderr lines when it fails or prints no JSON.
 */
export function runTfjsChild<T>(script: string, args: string[], threads: number, timeoutMs = 30 * 60_000): T {
  const env = { ...process.env, TFJS_THREADS: String(threads), OMP_NUM_THREADS: String(threads) };
  const proc = spawnSync(process.execPath, ['--import', 'tsx', script, '--tfjs-child', ...args], { cwd: projectRoot(), env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 24 });
  const last = (proc.stdout ?? '').trim().split('\n').pop() ?? '';
  if (proc.error || proc.status !== 0 || !last.startsWith('{')) {
    const why = proc.error?.message ?? (proc.stderr ?? '').trim().split('\n').slice(-3).join(' | ');
    throw new Error(`${script} (tfjs, ${threads} thread${threads === 1 ? '' : 's'}) failed: ${why}`);
  }
  return JSON.parse(last) as T;
}

/** a ÷ b with two decimals, or 'NA' when either is missing. */
export function ratioText(a: number | undefined, b: number | undefined): string {
  return a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : 'NA';
}

/** The smallest finite figure, or undefined. */
export function best(values: (number | undefined)[]): number | undefined {
  const finite = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  return finite.length ? Math.min(...finite) : undefined;
}
