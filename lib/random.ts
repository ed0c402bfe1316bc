/**
 * Seeded random numbers for every study: simulators, shuffling, splits and tfjs initialisers.
 *
 * There is no global random source: create a `Random` from a seed and pass it explicitly.
 * The generator is xoshiro128** (Blackman & Vigna 2018) seeded through splitmix32, so the same
 * seed gives the same sequence on every platform (it uses only 32-bit integer arithmetic).
 *
 * Used by every notebook (`new Random(seed)`), `lib/train` (seeded shuffling) and the simulators.
 */

/** splitmix32: expands one 32-bit seed into well-mixed state words. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Hash a string (e.g. a stream name) to 32 bits (FNV-1a). */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/** Indices of a train / validation / test split. */
export interface SplitIndices {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

/** A seeded pseudo-random generator with the distributions the studies need. */
export class Random {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spareNormal: number | null = null;
  /** The seed this generator was made from. */
  readonly seed: number;

  /** @param seed any finite number; its integer part (mod 2^32) selects the stream. */
  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError(`Random: seed must be a finite number, got ${seed}`);
    this.seed = seed;
    const st = { s: Math.trunc(seed) >>> 0 ^ (Math.floor(seed / TWO_POW_32) | 0) };
    this.s0 = splitmix32(st) | 0;
    this.s1 = splitmix32(st) | 0;
    this.s2 = splitmix32(st) | 0;
    this.s3 = splitmix32(st) | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
  }

  /**
   * An independent child generator for a named sub-task (e.g. `rng.fork('noise')`), so that adding
   * draws in one part of a simulation does not shift the numbers of another.
   */
  fork(name: string): Random {
    return new Random((this.seed ^ hashString(name)) >>> 0 ^ Math.imul(hashString(name), 0x27d4eb2d));
  }

  /** Next raw 32-bit unsigned integer (xoshiro128**). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9);
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  /** A signed 32-bit integer, e.g. a seed for a tfjs initialiser. */
  int32(): number {
    return this.nextUint32() | 0;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  random(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / TWO_POW_53;
  }

  /** Uniform in [low, high). */
  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.random();
  }

  /** Integer uniform in [low, high) (high exclusive), without modulo bias. */
  integer(low: number, high: number): number {
    const span = high - low;
    if (!(span >= 1) || !Number.isInteger(low) || !Number.isInteger(high)) {
      throw new RangeError(`Random.integer: need integers low < high, got [${low}, ${high})`);
    }
    if (span <= TWO_POW_32) {
      const limit = TWO_POW_32 - (TWO_POW_32 % span);
      let x: number;
      do x = this.nextUint32(); while (x >= limit);
      return low + (x % span);
    }
    return low + Math.floor(this.random() * span);
  }

  /** Normal (Gaussian) with mean `mu` and standard deviation `sigma` (Marsaglia polar method). */
  normal(mu = 0, sigma = 1): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return mu + sigma * z;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.random() - 1;
      v = 2 * this.random() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    return mu + sigma * u * f;
  }

  /** Exponential with the given rate λ (mean 1/λ). */
  exponential(rate = 1): number {
    if (!(rate > 0)) throw new RangeError(`Random.exponential: rate must be > 0, got ${rate}`);
    return -Math.log1p(-this.random()) / rate;
  }

  /**
   * Power law dN/dx ∝ x^-index on [xMin, xMax] by inverse-CDF sampling, e.g. a cosmic-ray spectrum
   * E^-1 (index 1 gives log-uniform).
   */
  powerLaw(index: number, xMin: number, xMax: number): number {
    if (!(xMin > 0 && xMax > xMin)) throw new RangeError(`Random.powerLaw: need 0 < xMin < xMax, got [${xMin}, ${xMax}]`);
    const u = this.random();
    if (Math.abs(index - 1) < 1e-12) return xMin * Math.pow(xMax / xMin, u);
    const g = 1 - index;
    const a = Math.pow(xMin, g);
    const b = Math.pow(xMax, g);
    return Math.pow(a + u * (b - a), 1 / g);
  }

  /**
   * Poisson with mean `lambda`: multiplication method for small means, the PTRS transformed
   * rejection of Hörmann (1993, "The transformed rejection method for generating Poisson random
   * variables") for mean ≥ 10.
   */
  poisson(lambda: number): number {
    if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`Random.poisson: mean must be finite and ≥ 0, got ${lambda}`);
    if (lambda === 0) return 0;
    if (lambda < 10) {
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = this.random();
      while (p > limit) {
        k++;
        p *= this.random();
      }
      return k;
    }
    const slam = Math.sqrt(lambda);
    const logLam = Math.log(lambda);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    while (true) {
      const u = this.random() - 0.5;
      const v = this.random();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor((2 * a / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -lambda + k * logLam - logGamma(k + 1)) return k;
    }
  }

  /** One element of `items`, uniformly or with the given (unnormalised, non-negative) weights. */
  choice<T>(items: ArrayLike<T>, weights?: ArrayLike<number>): T {
    if (items.length === 0) throw new RangeError('Random.choice: empty list');
    if (!weights) return items[this.integer(0, items.length)];
    if (weights.length !== items.length) throw new RangeError(`Random.choice: ${items.length} items but ${weights.length} weights`);
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0)) throw new RangeError(`Random.choice: weight ${i} is ${weights[i]}, expected ≥ 0`);
      total += weights[i];
    }
    if (!(total > 0)) throw new RangeError('Random.choice: weights sum to 0');
    let r = this.random() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return items[i];
    }
    return items[items.length - 1];
  }

  /** `count` distinct indices from [0, n) in random order (partial Fisher–Yates). */
  sampleIndices(n: number, count: number): Int32Array {
    if (count > n) throw new RangeError(`Random.sampleIndices: cannot take ${count} distinct of ${n}`);
    const idx = this.permutation(n);
    return idx.slice(0, count);
  }

  /** Shuffles an array in place (Fisher–Yates) and returns it. */
  shuffle<T, A extends { length: number; [i: number]: T }>(array: A): A {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.integer(0, i + 1);
      const tmp = array[i];
      array[i] = array[j];
      array[j] = tmp;
    }
    return array;
  }

  /** A random permutation of 0 … n−1. */
  permutation(n: number): Int32Array {
    const idx = new Int32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    return this.shuffle(idx);
  }

  /** An array of `n` draws of `draw` as a Float64Array (e.g. `rng.fill(1000, r => r.normal())`). */
  fill(n: number, draw: (rng: Random) => number): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = draw(this);
    return out;
  }

  /**
   * Shuffled indices split into train / validation / test parts.
   * @param n number of samples
   * @param fractions validation and test fractions (the rest is training)
   * @param stratifyBy optional class labels: each class is split in the same proportions
   */
  split(n: number, fractions: { validation?: number; test?: number }, stratifyBy?: ArrayLike<number>): SplitIndices {
    const fVal = fractions.validation ?? 0;
    const fTest = fractions.test ?? 0;
    if (fVal < 0 || fTest < 0 || fVal + fTest >= 1) {
      throw new RangeError(`Random.split: validation ${fVal} + test ${fTest} must be ≥ 0 and < 1`);
    }
    const groups: number[][] = [];
    if (stratifyBy) {
      if (stratifyBy.length !== n) throw new RangeError(`Random.split: ${n} samples but ${stratifyBy.length} labels`);
      // grouped by hand, not with arquero: Random stays dependency-free, and a split precedes every training
      const byLabel = new Map<number, number[]>();
      for (let i = 0; i < n; i++) {
        const key = stratifyBy[i];
        if (!byLabel.has(key)) byLabel.set(key, []);
        byLabel.get(key)!.push(i);
      }
      for (const key of [...byLabel.keys()].sort((a, b) => a - b)) groups.push(byLabel.get(key)!);
    } else {
      groups.push(Array.from({ length: n }, (_, i) => i));
    }
    const train: number[] = [], validation: number[] = [], test: number[] = [];
    for (const group of groups) {
      this.shuffle(group);
      const nTest = Math.round(group.length * fTest);
      const nVal = Math.round(group.length * fVal);
      // element by element: push(...part) overflows the call stack for parts of ~10⁵ and more
      for (let k = 0; k < group.length; k++) (k < nTest ? test : k < nTest + nVal ? validation : train).push(group[k]);
    }
    return {
      train: this.shuffle(Int32Array.from(train)),
      validation: this.shuffle(Int32Array.from(validation)),
      test: this.shuffle(Int32Array.from(test)),
    };
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9; relative error < 1e-14). */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
