/**
 * Vote-fraction targets for simulated galaxies: from the true morphology to the 37 Galaxy Zoo
 * numbers, with annotator noise.
 *
 * Each question gets an answer distribution from the morphology (what a careful volunteer would
 * answer, blurred by how hard the image is: faint and small objects confuse more). Then `voters`
 * volunteers walk the decision tree one by one, drawing their answers; the target of an answer is the
 * number of volunteers who gave it divided by the number of volunteers. That is exactly the
 * challenge's weighting (an answer's target is its vote fraction times the fraction of volunteers
 * who reached the question), so every question's answers sum to the weight that reached it.
 *
 * Used by `lib/galaxy-zoo/data/dataset.ts` and notebook 03-galaxy-zoo-gc.
 */
import { Random } from '../../random';
import { NUM_TARGETS, QUESTIONS, questionOffset } from './decision-tree';
import { ODD_FEATURES, type Morphology } from './morphology';

/** Answer probabilities per question id (each sums to 1). */
export type AnswerProbabilities = Readonly<Record<number, readonly number[]>>;

/** Mixes a distribution with the uniform one: (1 − ε)·p + ε/K. */
function blur(p: number[], eps: number): number[] {
  const s = p.reduce((a, b) => a + b, 0);
  return p.map((v) => (1 - eps) * (v / s) + eps / p.length);
}

/** Ordinal answer distribution: a Gaussian kernel of width `width` around the continuous position `t`. */
function ordinal(k: number, t: number, width: number): number[] {
  return Array.from({ length: k }, (_, i) => Math.exp(-((i - t) ** 2) / (2 * width * width)));
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * What a volunteer would answer to each question for this morphology. `confusion` (0 … 1) is the
 * image-level difficulty; the result's distributions all sum to 1.
 */
export function answerProbabilities(m: Morphology, confusion: number): AnswerProbabilities {
  const eps = 0.04 + 0.4 * confusion;
  const featured = m.kind === 'disk' || m.kind === 'edge-on';
  const armVisibility = m.arms > 0 ? m.armStrength * (1 - 0.6 * confusion) : 0;
  const q1 =
    m.kind === 'star' ? [0.1, 0.05, 0.85] : m.kind === 'smooth' ? [0.88, 0.1, 0.02] : [0.35 - 0.3 * Math.max(armVisibility, m.kind === 'edge-on' ? 0.8 : 0.3), 0.6 + 0.3 * armVisibility, 0.02];
  const edgeOnDeg = (m.inclination * 180) / Math.PI;
  const q2 = featured ? [sigmoid((edgeOnDeg - 75) / 4), 1 - sigmoid((edgeOnDeg - 75) / 4)] : [0.2, 0.8];
  const q3 = [0.05 + 0.85 * m.bar, 0.95 - 0.85 * m.bar];
  const q4 = m.arms > 0 ? [0.15 + 0.8 * armVisibility, 0.85 - 0.8 * armVisibility] : [0.1, 0.9];
  // bulge prominence from B/T: 0 → none, 0.15 → noticeable, 0.35 → obvious, 0.6 → dominant
  const q5 = ordinal(4, Math.min(3, m.bulgeFraction < 0.05 ? 0 : 0.5 + m.bulgeFraction * 4.2), 0.6);
  const q6 = m.odd === 'none' ? [0.08, 0.92] : [0.8, 0.2];
  const roundness = m.axisRatio > 0.8 ? 0 : m.axisRatio > 0.45 ? 1 : 2;
  const q7 = ordinal(3, roundness + (m.axisRatio > 0.8 ? 0 : m.axisRatio > 0.45 ? (0.8 - m.axisRatio) / 0.35 - 0.5 : 0), 0.45);
  const q8 = m.odd === 'none' ? [1, 1, 1, 1, 3, 1, 1] : ODD_FEATURES.map((f) => (f === m.odd ? 8 : 0.4));
  const q9 = m.bulgeFraction < 0.05 ? [0.15, 0.05, 0.8] : m.boxyBulge ? [0.3, 0.6, 0.1] : [0.8, 0.1, 0.1];
  // winding from the pitch angle: < 0.25 rad tight, 0.25–0.45 medium, > 0.45 loose
  const q10 = m.arms > 0 ? ordinal(3, Math.max(0, Math.min(2, (m.pitch - 0.12) / 0.2)), 0.55) : [1, 1, 1];
  const q11 = m.arms > 0 ? armCount(m.arms, confusion) : [1, 1, 1, 1, 1, 3];
  const raw: Record<number, number[]> = { 1: q1, 2: q2, 3: q3, 4: q4, 5: q5, 6: q6, 7: q7, 8: q8, 9: q9, 10: q10, 11: q11 };
  const out: Record<number, number[]> = {};
  for (const q of QUESTIONS) out[q.id] = blur(raw[q.id], eps);
  return out;
}

/** Question 11: the true count, its neighbours, and "can't tell" growing with confusion. */
function armCount(arms: number, confusion: number): number[] {
  const idx = Math.min(arms, 5) - 1;
  const p = Array.from({ length: 6 }, (_, i) => (i === idx ? 1 : Math.abs(i - idx) === 1 && i < 5 ? 0.25 : 0.03));
  p[5] += 0.15 + 0.8 * confusion;
  return p;
}

/**
 * Walks `voters` volunteers through the tree with answer probabilities `probs`; returns the 37
 * targets (answer counts / voters). Consistent with the tree by construction.
 */
export function simulateVotes(probs: AnswerProbabilities, voters: number, rng: Random): Float32Array {
  const counts = new Float64Array(NUM_TARGETS);
  for (let v = 0; v < voters; v++) {
    let q: number | null = 1;
    while (q !== null) {
      const p = probs[q];
      const a = drawIndex(p, rng);
      counts[questionOffset(q) + a] += 1;
      q = QUESTIONS[q - 1].next[a];
    }
  }
  return Float32Array.from(counts, (c) => c / voters);
}

/**
 * The noise-free targets: expected answer counts / voters, propagated through the tree as
 * probability flow (what infinitely many volunteers would give).
 */
export function expectedVotes(probs: AnswerProbabilities): Float32Array {
  const out = new Float64Array(NUM_TARGETS);
  const reach = new Map<number, number>([[1, 1]]);
  // the tree is acyclic and every question's parents come earlier in this order
  for (const id of [1, 2, 3, 4, 10, 11, 5, 7, 9, 6, 8]) {
    const w = reach.get(id) ?? 0;
    const q = QUESTIONS[id - 1];
    q.answers.forEach((_, a) => {
      const flow = w * probs[id][a];
      out[questionOffset(id) + a] = flow;
      const next = q.next[a];
      if (next !== null) reach.set(next, (reach.get(next) ?? 0) + flow);
    });
  }
  return Float32Array.from(out);
}

function drawIndex(p: readonly number[], rng: Random): number {
  let u = rng.random();
  for (let i = 0; i < p.length - 1; i++) {
    u -= p[i];
    if (u < 0) return i;
  }
  return p.length - 1;
}
