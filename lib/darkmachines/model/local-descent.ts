/**
 * Gradient-free local descent in the unit cube: the Nelder–Mead simplex method (Nelder & Mead 1965,
 * Computer Journal 7 308) with the dimension-adapted coefficients of Gao & Han 2012 (Comput. Optim.
 * Appl. 51 259): reflection 1, expansion 1 + 2/n, contraction 0.75 − 1/(2n), shrink 1 − 1/n. Points
 * are clipped into the cube. It finds the minimum of the basin it starts in — the "plain local
 * descent" that `tunnelling.ts` escapes from.
 *
 * Used by `tunnelling.ts` and its tests.
 */

/** Options of {@link nelderMead}. */
export interface NelderMeadOptions {
  /** initial simplex edge (default 0.05 of the cube) */
  step?: number;
  /** stop when the simplex's values spread by less than this (default 1e-10) ... */
  fTol?: number;
  /** ... and its vertices lie within this of the best one (default 1e-7) */
  xTol?: number;
  /** most function calls (default 200 · n) */
  maxEvals?: number;
  /** stop at once when a value ≤ this is found (used by the tunnelling phase) */
  target?: number;
}

/** The end of a descent. */
export type DescentResult = { x: Float64Array; f: number; evals: number; converged: boolean };

const clip01 = (x: Float64Array) => x.map((v) => Math.min(1, Math.max(0, v)));

/** Minimises f over the unit cube from x0 (file header). `f` may return NaN for "stop" (e.g. budget spent). */
export function nelderMead(f: (u: Float64Array) => number, x0: ArrayLike<number>, opts: NelderMeadOptions = {}): DescentResult {
  const n = x0.length, step = opts.step ?? 0.05, maxEvals = opts.maxEvals ?? 200 * n;
  const fTol = opts.fTol ?? 1e-10, xTol = opts.xTol ?? 1e-7, target = opts.target ?? -Infinity;
  const m = Math.max(n, 2); // the coefficients for n = 1 would collapse the simplex; use those of n = 2
  const [alpha, gamma, rho, sigma] = [1, 1 + 2 / m, 0.75 - 1 / (2 * m), 1 - 1 / m];
  let evals = 0, stopped = false;
  const evaluate = (x: Float64Array) => {
    evals++;
    const v = f(x);
    if (Number.isNaN(v)) stopped = true;
    if (v <= target) stopped = true;
    return Number.isNaN(v) ? Infinity : v;
  };
  const start = clip01(Float64Array.from(x0));
  const simplex = [{ x: start, f: evaluate(start) }];
  for (let i = 0; i < n && !stopped; i++) {
    const x = Float64Array.from(start);
    x[i] += x[i] + step <= 1 ? step : -step; // inward at the cube's faces
    simplex.push({ x, f: evaluate(x) });
  }
  const done = (): boolean => {
    const best = simplex[0];
    const fSpread = simplex[n].f - best.f;
    let size = 0;
    for (const v of simplex) for (let j = 0; j < n; j++) size = Math.max(size, Math.abs(v.x[j] - best.x[j]));
    return fSpread <= fTol && size <= xTol;
  };
  let converged = false;
  while (!stopped && simplex.length === n + 1) {
    simplex.sort((a, b) => a.f - b.f);
    if (done()) {
      converged = true;
      break;
    }
    if (evals >= maxEvals) break;
    const centroid = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i].x[j] / n;
    const worst = simplex[n];
    const along = (t: number) => clip01(centroid.map((c, j) => c + t * (c - worst.x[j])));
    const xr = along(alpha), fr = evaluate(xr);
    if (fr < simplex[0].f) {
      const xe = along(alpha * gamma), fe = evaluate(xe);
      simplex[n] = fe < fr ? { x: xe, f: fe } : { x: xr, f: fr };
    } else if (fr < simplex[n - 1].f) {
      simplex[n] = { x: xr, f: fr };
    } else {
      const outside = fr < worst.f;
      const xc = along(outside ? alpha * rho : -rho), fc = evaluate(xc);
      if (fc < (outside ? fr : worst.f)) simplex[n] = { x: xc, f: fc };
      else {
        for (let i = 1; i <= n && !stopped; i++) {
          const x = simplex[0].x.map((b, j) => b + sigma * (simplex[i].x[j] - b));
          simplex[i] = { x, f: evaluate(x) };
        }
      }
    }
  }
  simplex.sort((a, b) => a.f - b.f);
  return { x: simplex[0].x, f: simplex[0].f, evals, converged };
}
