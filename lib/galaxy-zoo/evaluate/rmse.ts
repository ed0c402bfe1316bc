/**
 * Evaluation of the Galaxy Zoo models: the challenge metric (RMSE over all 37 outputs of all
 * galaxies), the RMSE per question, and short text descriptions of predicted answers for figure
 * captions.
 *
 * Used by notebook 03-galaxy-zoo-gc.
 */
import { CLASS_COLUMNS, NUM_TARGETS, QUESTIONS, questionOffset } from '../data/decision-tree';

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

/** Column means of `[n, 37]` targets: the constant baseline's prediction for every galaxy. */
export function constantPrediction(means: ArrayLike<number>, n: number): Float32Array {
  const k = means.length;
  return Float32Array.from({ length: n * k }, (_, j) => means[j % k]);
}

/** One row per question: its text, answers and the mean target of each answer over `[n, 37]` targets. */
export function meanTargetsPerQuestion(targets: ArrayLike<number>): { question: string; text: string; answers: string; 'mean targets': string }[] {
  const n = targets.length / NUM_TARGETS;
  return QUESTIONS.map((q) => {
    const means = q.answers.map((_, a) => {
      const c = CLASS_COLUMNS.indexOf(`Class${q.id}.${a + 1}`);
      let s = 0;
      for (let i = 0; i < n; i++) s += targets[i * NUM_TARGETS + c];
      return (s / n).toFixed(3);
    });
    return { question: `Q${q.id}`, text: q.text, answers: q.answers.join(' / '), 'mean targets': means.join(' / ') };
  });
}

/**
 * The RMSE per question and over all 37 outputs (the challenge metric, last row) of each named
 * prediction, e.g. `{ baseline, cnn }`: rows `{ question, baseline, cnn }`.
 */
export function rmsePerQuestion(yTrue: ArrayLike<number>, predictions: Record<string, ArrayLike<number>>): Record<string, string | number>[] {
  const names = Object.keys(predictions);
  const perQuestion = QUESTIONS.map((q) => ({
    question: `Q${q.id} ${q.text}`,
    ...Object.fromEntries(names.map((m) => [m, rmseColumns(yTrue, predictions[m], questionOffset(q.id), q.answers.length)])),
  }));
  const all = { question: 'all 37 outputs (challenge metric)', ...Object.fromEntries(names.map((m) => [m, rmseAll(yTrue, predictions[m])])) };
  return [...perQuestion, all];
}
