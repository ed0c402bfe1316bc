/**
 * A small Levenberg–Marquardt least-squares solver: minimises Σ r_i(p)² over a few parameters,
 * with an analytic or a numerical (forward-difference) Jacobian, Marquardt's diagonal scaling of
 * the damping (Marquardt 1963, SIAM J. Appl. Math. 11, 431; Nocedal & Wright, "Numerical
 * Optimization", §10.3) and optional box bounds (a step is clamped into them).
 *
 * Used by the standard reconstruction (`reconstruct.ts`) of notebooks/02-telescope-array.ipynb.
 */

/** Options of {@link levenbergMarquardt}. */
export interface LmOptions {
  /** Jacobian J[i][j] = ∂r_i/∂p_j as a row-major [nResiduals × nParams] array; numerical if omitted */
  jacobian?: (p: Float64Array) => Float64Array;
  /** per-parameter finite-difference steps (default 1e-6 · max(|p_j|, 1)) */
  steps?: ArrayLike<number>;
  /** lower / upper bounds per parameter (±Infinity where free) */
  lower?: ArrayLike<number>;
  upper?: ArrayLike<number>;
  /** maximum iterations (default 100) */
  maxIterations?: number;
  /** stop when the relative decrease of the cost is below this (default 1e-10) */
  tolerance?: number;
  /** initial damping λ (default 1e-3) */
  lambda?: number;
}

/** Result of {@link levenbergMarquardt}. */
export interface LmResult {
  params: Float64Array;
  /** Σ r_i² at `params` */
  cost: number;
  iterations: number;
  /** true if it stopped on the tolerance (not on maxIterations or a stuck damping) */
  converged: boolean;
  /** (JᵀJ)⁻¹ at the solution (the covariance for residuals in units of their σ), or null if singular */
  covariance: Float64Array | null;
}

function sumSquares(r: Float64Array): number {
  let s = 0;
  for (let i = 0; i < r.length; i++) s += r[i] * r[i];
  return s;
}

/** Forward-difference Jacobian, row-major [m × n]. */
export function numericalJacobian(f: (p: Float64Array) => Float64Array, p: Float64Array, r0: Float64Array, steps?: ArrayLike<number>): Float64Array {
  const m = r0.length;
  const n = p.length;
  const J = new Float64Array(m * n);
  const q = Float64Array.from(p);
  for (let j = 0; j < n; j++) {
    const h = steps ? steps[j] : 1e-6 * Math.max(Math.abs(p[j]), 1);
    q[j] = p[j] + h;
    const r1 = f(q);
    q[j] = p[j];
    for (let i = 0; i < m; i++) J[i * n + j] = (r1[i] - r0[i]) / h;
  }
  return J;
}

/**
 * Solves A x = b for a symmetric positive-definite n×n A (row-major) by Cholesky; null if A is not
 * positive definite.
 */
export function choleskySolve(A: Float64Array, b: Float64Array): Float64Array | null {
  const n = b.length;
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      if (i === j) {
        if (!(s > 0)) return null;
        L[i * n + i] = Math.sqrt(s);
      } else {
        L[i * n + j] = s / L[j * n + j];
      }
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * n + k] * y[k];
    y[i] = s / L[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= L[k * n + i] * x[k];
    x[i] = s / L[i * n + i];
  }
  return x;
}

/** JᵀJ [n×n] and Jᵀr [n]. */
function normalEquations(J: Float64Array, r: Float64Array, n: number): { JtJ: Float64Array; Jtr: Float64Array } {
  const m = r.length;
  const JtJ = new Float64Array(n * n);
  const Jtr = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let a = 0; a < n; a++) {
      const ja = J[row + a];
      if (ja === 0) continue;
      Jtr[a] += ja * r[i];
      for (let b = 0; b <= a; b++) JtJ[a * n + b] += ja * J[row + b];
    }
  }
  for (let a = 0; a < n; a++) for (let b = 0; b < a; b++) JtJ[b * n + a] = JtJ[a * n + b];
  return { JtJ, Jtr };
}

/** Inverse of a symmetric positive-definite matrix by solving for unit vectors; null if singular. */
function invertSpd(A: Float64Array, n: number): Float64Array | null {
  const inv = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const e = new Float64Array(n);
    e[j] = 1;
    const col = choleskySolve(A, e);
    if (!col) return null;
    for (let i = 0; i < n; i++) inv[i * n + j] = col[i];
  }
  return inv;
}

function clamp(p: Float64Array, lower?: ArrayLike<number>, upper?: ArrayLike<number>): void {
  for (let j = 0; j < p.length; j++) {
    if (lower && p[j] < lower[j]) p[j] = lower[j];
    if (upper && p[j] > upper[j]) p[j] = upper[j];
  }
}

/**
 * Minimises Σ r_i(p)² from `start`.
 * @param residuals r(p) → [m] residuals (already divided by their uncertainties for a χ² fit)
 * @param start initial parameters [n]
 */
export function levenbergMarquardt(residuals: (p: Float64Array) => Float64Array, start: ArrayLike<number>, opts: LmOptions = {}): LmResult {
  const { maxIterations = 100, tolerance = 1e-10, lower, upper } = opts;
  const n = start.length;
  let p = Float64Array.from(start);
  clamp(p, lower, upper);
  let r = residuals(p);
  let cost = sumSquares(r);
  let lambda = opts.lambda ?? 1e-3;
  let converged = false;
  let it = 0;
  let JtJ = new Float64Array(n * n);
  for (; it < maxIterations && !converged; it++) {
    const J = opts.jacobian ? opts.jacobian(p) : numericalJacobian(residuals, p, r, opts.steps);
    const ne = normalEquations(J, r, n);
    JtJ = ne.JtJ;
    let improved = false;
    while (!improved && lambda < 1e12) {
      const A = Float64Array.from(JtJ);
      for (let j = 0; j < n; j++) A[j * n + j] += lambda * Math.max(JtJ[j * n + j], 1e-12);
      const minusG = ne.Jtr.map((v) => -v);
      const step = choleskySolve(A, minusG);
      if (!step) {
        lambda *= 10;
        continue;
      }
      const q = p.map((v, j) => v + step[j]);
      clamp(q, lower, upper);
      const rq = residuals(q);
      const cq = sumSquares(rq);
      if (Number.isFinite(cq) && cq <= cost) {
        const rel = (cost - cq) / Math.max(cost, 1e-300);
        p = q;
        r = rq;
        cost = cq;
        lambda = Math.max(lambda / 10, 1e-12);
        improved = true;
        if (rel < tolerance) converged = true;
      } else {
        lambda *= 10;
      }
    }
    if (!improved) {
      converged = cost < Infinity && lambda >= 1e12; // stuck at a minimum within precision
      break;
    }
  }
  return { params: p, cost, iterations: it, converged, covariance: invertSpd(JtJ, n) };
}
