// Shared by the tests that start this clone's kernel: the Python and environment that bootstrap.mjs
// recorded (JUPYTER_PATH with the clone's kernel folder first, KERNEL_NAME for the Python helpers).
import type { TestContext } from 'node:test';
import { readEnvironmentState, withJupyterPath, type EnvironmentState } from '../../environment/kernel-spec.mjs';

export interface BootstrappedKernel extends EnvironmentState {
  env: NodeJS.ProcessEnv;
}

/** This clone's kernel, or null (and the test skipped) before bootstrap. */
export function bootstrappedKernel(root: string, t: TestContext): BootstrappedKernel | null {
  const state = readEnvironmentState(root);
  if (!state) {
    t.skip('Jupyter not bootstrapped (run node environment/bootstrap.mjs)');
    return null;
  }
  return { ...state, env: { ...withJupyterPath(state.jupyterPath), KERNEL_NAME: state.kernelName } };
}
