/**
 * Adam's update in one native pass per variable on the oneDNN path. tfjs-core 4.22's AdamOptimizer
 * runs fourteen element-wise kernels per variable and step (each with its own dispatch and output);
 * for small networks (the MLP, the autoencoder, the Z′ tabular net) those dominate a training step.
 * `AdamOptimizer.prototype.applyGradients` is wrapped so that on wasm, with float32 variables, each
 * variable's new value and moments come from the kernel `NativeAdamUpdate` (the addon's `adamUpdate`:
 * the same float32 formula, native/src/elementwise.cc); anything else runs tfjs's own method.
 *
 * Variables whose value and moments no other tensor shares (the usual case: reference count 1 on the
 * heap) are updated in place, all of them in one call (`adamUpdateInPlace`): no new tensors, no
 * `assign`, one wake-up of the threads per step. A variable whose data is shared (a clone kept as a
 * snapshot, say) goes through the kernel instead, so the snapshot keeps its values. The bias
 * corrections' running powers β₁ᵗ, β₂ᵗ are updated the same way, in float32 as tfjs computes them.
 *
 * Installed by ./native-kernels; tested against tfjs's own Adam on cpu in tests/backend/native-kernels.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import type { NativeAddon } from './native-addon';
import { f32View, heapF32, wasmBackend, type WasmBackendLike } from './wasm-heap';

export const ADAM_KERNEL = 'NativeAdamUpdate';

/** Variables updated by the native kernel so far, and of those in place (the tests check that both ran). */
export let nativeAdamUpdates = 0;
export let nativeAdamInPlace = 0;

/** The fields of tfjs's AdamOptimizer the update reads (public in JS, protected in its typings). */
interface AdamState {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
  accumulatedSecondMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
  incrementIterations(): void;
}

type Gradients = tf.NamedTensorMap | { name: string; tensor: tf.Tensor }[];
type Apply = (this: AdamState, gradients: Gradients) => void;

/** The kernel: inputs value, m, v, g (float32, one shape); attrs the scalars; outputs value′, m′, v′. */
function adamKernel(addon: NativeAddon): tf.KernelFunc {
  return ({ inputs, attrs, backend }) => {
    const { value, m, v, g } = inputs as Record<string, tf.TensorInfo>;
    const b = wasmBackend(backend);
    const outs = [0, 1, 2].map(() => b.makeOutput(value.shape, 'float32'));
    const views = [value, m, v, g, ...outs].map((t) => f32View(b, t));
    addon.adamUpdate(views[0], views[1], views[2], views[3], views[4], views[5], views[6], (attrs as { scalars: number[] }).scalars);
    return outs;
  };
}

/** Zero moments for a variable, created as tfjs does (not trainable). */
function moment(value: tf.Variable, name: string): { originalName: string; variable: tf.Variable } {
  return { originalName: name, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
}

/** The element index of a float32 tensor's data on the heap when no other tensor shares it, else null. */
function unsharedOffset(b: WasmBackendLike, t: tf.Tensor): number | null {
  const entry = b.dataIdMap.get(t.dataId);
  return entry && entry.refCount === 1 && t.dtype === 'float32' ? entry.memoryOffset / 4 : null;
}

/** Updates tfjs's running power βᵗ ← βᵗ·β in float32 (tf.mul's result), in place when unshared. */
function advancePower(b: WasmBackendLike, power: tf.Variable, beta: number): void {
  const at = unsharedOffset(b, power);
  if (at === null) {
    power.assign(tf.tidy(() => tf.mul(power, beta)));
    return;
  }
  const heap = heapF32(b);
  heap[at] = Math.fround(heap[at] * Math.fround(beta));
}

function fusedApply(original: Apply, addon: NativeAddon): Apply {
  return function (this: AdamState, gradients: Gradients): void {
    const names = Array.isArray(gradients) ? gradients.map((g) => g.name) : Object.keys(gradients);
    const grads = names.map((name, i) => (Array.isArray(gradients) ? gradients[i].tensor : gradients[name]));
    const values = names.map((name) => tf.engine().registeredVariables[name]);
    const fits = tf.getBackend() === 'wasm' && values.every((v, i) => v.dtype === 'float32' && (!grads[i] || (grads[i].dtype === 'float32' && grads[i].size === v.size)));
    if (!fits) return original.call(this, gradients);
    const b = wasmBackend(tf.backend());
    // The bias corrections, as tfjs computes them: 1 − βᵗ in float32.
    const c1 = Math.fround(1 - this.accBeta1.dataSync()[0]), c2 = Math.fround(1 - this.accBeta2.dataSync()[0]);
    const scalars = [this.learningRate, this.beta1, this.beta2, 1 - this.beta1, 1 - this.beta2, this.epsilon, c1, c2];
    const segments: number[] = [];
    tf.tidy(() => {
      names.forEach((name, i) => {
        this.accumulatedFirstMoment[i] ??= moment(values[i], `${name}/m`);
        this.accumulatedSecondMoment[i] ??= moment(values[i], `${name}/v`);
        if (!grads[i]) return;
        const m = this.accumulatedFirstMoment[i]!.variable, v = this.accumulatedSecondMoment[i]!.variable;
        nativeAdamUpdates++;
        const at = [values[i], m, v].map((t) => unsharedOffset(b, t));
        const g = b.dataIdMap.get(grads[i]!.dataId);
        if (at.every((o) => o !== null) && g) {
          segments.push(at[0]!, at[1]!, at[2]!, g.memoryOffset / 4, values[i].size);
          return;
        }
        const [value, newM, newV] = tf.engine().runKernel(ADAM_KERNEL, { value: values[i], m, v, g: grads[i] }, { scalars } as unknown as tf.NamedAttrMap) as tf.Tensor[];
        m.assign(newM);
        v.assign(newV);
        values[i].assign(value);
      });
    });
    if (segments.length > 0) {
      addon.adamUpdateInPlace(heapF32(b), Float64Array.from(segments), scalars);
      nativeAdamInPlace += segments.length / 5;
    }
    advancePower(b, this.accBeta1, this.beta1);
    advancePower(b, this.accBeta2, this.beta2);
    this.incrementIterations();
  };
}

let installed = false;

/** Registers the kernel on wasm and wraps AdamOptimizer.applyGradients (once). */
export function installNativeAdam(addon: NativeAddon): void {
  if (installed) return;
  installed = true;
  tf.registerKernel({ kernelName: ADAM_KERNEL, backendName: 'wasm', kernelFunc: adamKernel(addon) });
  const proto = tf.AdamOptimizer.prototype as unknown as { applyGradients: Apply };
  proto.applyGradients = fusedApply(proto.applyGradients, addon);
}
