/**
 * Objective functions for the parameter-scan comparison (the seed's "hidden test function"
 * challenge, cf. the DarkMachines high-dimensional sampling paper arXiv 2101.04525): each has a box
 * domain and a known global minimum that the scanners do not see. Functions defined in 2D are
 * extended to any even dimension as a sum over disjoint pairs (x₀, x₁), (x₂, x₃), …, so the optimum
 * stays known.
 *
 * - Rosenbrock (1960): Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)², box [−5, 10]^d, minimum 0 at (1, …, 1).
 * - Rastrigin (1974): 10 d + Σ (x_i² − 10 cos 2πx_i), box [−5.12, 5.12]^d, minimum 0 at 0.
 * - Himmelblau (1972): (x² + y − 11)² + (x + y² − 7)², box [−5, 5]², four minima of value 0.
 * - Eggholder: −(y + 47) sin √|x/2 + y + 47| − x sin √|x − (y + 47)|, box [−512, 512]²,
 *   minimum −959.6407 at (512, 404.2319).
 *
 * Used by `../model/scanners.ts` and notebook 04-darkmachines.
 */

/** An objective to minimise on a box. */
export interface TestFunction {
  name: string;
  dim: number;
  lower: number[];
  upper: number[];
  /** the global minimum value (for scoring only; scanners never read it) */
  fMin: number;
  /** one global minimiser */
  xMin: number[];
  f(x: ArrayLike<number>): number;
}

function box(dim: number, lo: number, hi: number) {
  return { lower: new Array(dim).fill(lo), upper: new Array(dim).fill(hi) };
}

function checkEven(name: string, dim: number): void {
  if (!(dim >= 2) || dim % 2 !== 0) throw new RangeError(`${name}: dimension must be even and ≥ 2, got ${dim}`);
}

export function rosenbrock(dim: number): TestFunction {
  if (!(dim >= 2)) throw new RangeError(`rosenbrock: dimension must be ≥ 2, got ${dim}`);
  return {
    name: `Rosenbrock ${dim}D`, dim, ...box(dim, -5, 10), fMin: 0, xMin: new Array(dim).fill(1),
    f: (x) => {
      let s = 0;
      for (let i = 0; i + 1 < dim; i++) s += 100 * (x[i + 1] - x[i] * x[i]) ** 2 + (1 - x[i]) ** 2;
      return s;
    },
  };
}

export function rastrigin(dim: number): TestFunction {
  return {
    name: `Rastrigin ${dim}D`, dim, ...box(dim, -5.12, 5.12), fMin: 0, xMin: new Array(dim).fill(0),
    f: (x) => {
      let s = 10 * dim;
      for (let i = 0; i < dim; i++) s += x[i] * x[i] - 10 * Math.cos(2 * Math.PI * x[i]);
      return s;
    },
  };
}

export function himmelblau(dim = 2): TestFunction {
  checkEven('himmelblau', dim);
  return {
    name: `Himmelblau ${dim}D`, dim, ...box(dim, -5, 5), fMin: 0, xMin: Array.from({ length: dim }, (_, i) => (i % 2 ? 2 : 3)),
    f: (x) => {
      let s = 0;
      for (let i = 0; i < dim; i += 2) s += (x[i] ** 2 + x[i + 1] - 11) ** 2 + (x[i] + x[i + 1] ** 2 - 7) ** 2;
      return s;
    },
  };
}

const EGG_MIN = -959.6406627106155;

export function eggholder(dim = 2): TestFunction {
  checkEven('eggholder', dim);
  return {
    name: `Eggholder ${dim}D`, dim, ...box(dim, -512, 512), fMin: (EGG_MIN * dim) / 2, xMin: Array.from({ length: dim }, (_, i) => (i % 2 ? 404.2319 : 512)),
    f: (x) => {
      let s = 0;
      for (let i = 0; i < dim; i += 2) {
        const [a, b] = [x[i], x[i + 1]];
        s += -(b + 47) * Math.sin(Math.sqrt(Math.abs(a / 2 + b + 47))) - a * Math.sin(Math.sqrt(Math.abs(a - (b + 47))));
      }
      return s;
    },
  };
}

/** A test function by name: `rosenbrock`, `rastrigin`, `himmelblau`, `eggholder`. */
export function testFunction(name: 'rosenbrock' | 'rastrigin' | 'himmelblau' | 'eggholder', dim: number): TestFunction {
  return { rosenbrock, rastrigin, himmelblau, eggholder }[name](dim);
}
