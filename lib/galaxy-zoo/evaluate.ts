/**
 * Evaluation of the Galaxy Zoo models: the challenge metric (RMSE over all 37 outputs of all
 * galaxies), the RMSE per question, and short text descriptions of predicted answers for figure
 * captions.
 *
 * Used by notebook 03-galaxy-zoo-gc.
 */
import { NUM_TARGETS, QUESTIONS, questionOffset } from './data/decision-tree';

/** RMSE over all entries of `[n, k]` predictions (the challenge metric). */
export function rmseAll(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  if (yTrue.length !== yPred.length) throw new RangeError(`rmseAll: ${yTrue.length} vs ${yPred.length} values`);
  let s = 0;
  for (let i = 0; i < yTrue.length; i++) s += (yTrue[i] - yPred[i]) ** 2;
  return Math.sqrt(s / yTrue.length);
}

/** RMSE of each question's answers (columns `offset … offset+count−1`) over `[n, k]` arrays. */
export function rmseColumns(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, offset: number, count: number, k = NUM_TARGETS): number {
  const n = yTrue.length / k;
  let s = 0;
  for (let i = 0; i < n; i++) for (let c = offset; c < offset + count; c++) s += (yTrue[i * k + c] - yPred[i * k + c]) ** 2;
  return Math.sqrt(s / (n * count));
}

/**
 * The most-voted answer of question 1 and, along the tree, of the next question that most votes
 * reached, e.g. `features or disk → no (edge-on) → yes (arms)`; `row` is one 37-vector.
 */
export function describeVotes(row: ArrayLike<number>, depth = 3): string {
  const parts: string[] = [];
  let q: number | null = 1;
  while (q !== null && parts.length < depth) {
    const question: (typeof QUESTIONS)[number] = QUESTIONS[q - 1];
    const off = questionOffset(q);
    let best = 0;
    for (let a = 1; a < question.answers.length; a++) if (row[off + a] > row[off + best]) best = a;
    parts.push(question.answers[best]);
    q = question.next[best];
  }
  return parts.join(' › ');
}
