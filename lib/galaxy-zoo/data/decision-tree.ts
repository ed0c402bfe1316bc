/**
 * The Galaxy Zoo 2 decision tree behind the 37 targets of the Kaggle "Galaxy Zoo – The Galaxy
 * Challenge" (2014): its questions, answers, column names (`Class1.1 … Class11.6`) and where each
 * answer leads, plus the consistency rule of the targets (the answers to a question sum to the
 * fraction of voters who reached it).
 *
 * Facts from the challenge description (see /work/shared/notes/galaxy-zoo.md) and Willett et al.
 * 2013, MNRAS 435, 2835, fig. 1 and table 2.
 *
 * Used by `lib/galaxy-zoo/data/votes.ts`, `lib/galaxy-zoo/data/loader.ts` and notebook 03-galaxy-zoo-gc.
 */

/** One question of the tree: its answers and the question each answer leads to (`null`: end). */
export interface Question {
  /** 1-based question number, as in the column names `Class<q>.<a>` */
  id: number;
  text: string;
  answers: readonly string[];
  /** next question per answer (`null` ends the classification) */
  next: readonly (number | null)[];
}

/** The 11 questions of the Kaggle decision tree, in column order. */
export const QUESTIONS: readonly Question[] = [
  { id: 1, text: 'Is the galaxy simply smooth and rounded, with no sign of a disk?', answers: ['smooth', 'features or disk', 'star or artifact'], next: [7, 2, 6] },
  { id: 2, text: 'Could this be a disk viewed edge-on?', answers: ['yes', 'no'], next: [9, 3] },
  { id: 3, text: 'Is there a sign of a bar feature through the centre?', answers: ['yes', 'no'], next: [4, 4] },
  { id: 4, text: 'Is there any sign of a spiral arm pattern?', answers: ['yes', 'no'], next: [10, 5] },
  { id: 5, text: 'How prominent is the central bulge?', answers: ['no bulge', 'just noticeable', 'obvious', 'dominant'], next: [6, 6, 6, 6] },
  { id: 6, text: 'Is there anything odd?', answers: ['yes', 'no'], next: [8, null] },
  { id: 7, text: 'How rounded is it?', answers: ['completely round', 'in between', 'cigar-shaped'], next: [6, 6, 6] },
  { id: 8, text: 'Is the odd feature a ring, or is the galaxy disturbed or irregular?', answers: ['ring', 'lens or arc', 'disturbed', 'irregular', 'other', 'merger', 'dust lane'], next: [null, null, null, null, null, null, null] },
  { id: 9, text: 'Does the galaxy have a bulge at its centre? If so, what shape?', answers: ['rounded', 'boxy', 'no bulge'], next: [6, 6, 6] },
  { id: 10, text: 'How tightly wound do the spiral arms appear?', answers: ['tight', 'medium', 'loose'], next: [11, 11, 11] },
  { id: 11, text: 'How many spiral arms are there?', answers: ['1', '2', '3', '4', 'more than four', "can't tell"], next: [5, 5, 5, 5, 5, 5] },
];

/** The 37 target column names `Class1.1 … Class11.6`, in the CSV's order. */
export const CLASS_COLUMNS: readonly string[] = QUESTIONS.flatMap((q) => q.answers.map((_, a) => `Class${q.id}.${a + 1}`));

/** Number of targets (37). */
export const NUM_TARGETS = CLASS_COLUMNS.length;

/** Offset of question `id`'s first answer in the 37-vector. */
export function questionOffset(id: number): number {
  let offset = 0;
  for (const q of QUESTIONS) {
    if (q.id === id) return offset;
    offset += q.answers.length;
  }
  throw new RangeError(`no question ${id} in the Galaxy Zoo tree`);
}

/** Index of `Class<q>.<a>` (1-based q and a) in the 37-vector. */
export function classIndex(q: number, a: number): number {
  return questionOffset(q) + a - 1;
}

/**
 * What each question's answers must sum to: `1` for the questions everyone answers (Q1, Q6), else the
 * column index of the answer that leads to it (Q7 ← Class1.1, Q2 ← Class1.2, Q9 ← Class2.1,
 * Q3 ← Class2.2, Q4 ← Class2.2 (via Q3), Q10 and Q11 ← Class4.1, Q5 ← Class2.2, Q8 ← Class6.1).
 */
export const PARENT: Readonly<Record<number, number | 'all'>> = {
  1: 'all',
  2: classIndex(1, 2),
  3: classIndex(2, 2),
  4: classIndex(2, 2),
  5: classIndex(2, 2),
  6: 'all',
  7: classIndex(1, 1),
  8: classIndex(6, 1),
  9: classIndex(2, 1),
  10: classIndex(4, 1),
  11: classIndex(4, 1),
};

/** One violated sum: question, the sum of its answers and what it should be. */
export interface TreeViolation {
  question: number;
  sum: number;
  expected: number;
}

/**
 * Checks the challenge's consistency rule on one 37-vector: each question's answers sum to the weight
 * that reached it (see {@link PARENT}). Returns the violations larger than `tol` (empty when consistent).
 */
export function treeViolations(targets: ArrayLike<number>, tol = 1e-6): TreeViolation[] {
  if (targets.length !== NUM_TARGETS) throw new RangeError(`expected ${NUM_TARGETS} targets, got ${targets.length}`);
  const out: TreeViolation[] = [];
  for (const q of QUESTIONS) {
    const off = questionOffset(q.id);
    let sum = 0;
    for (let a = 0; a < q.answers.length; a++) sum += targets[off + a];
    const parent = PARENT[q.id];
    const expected = parent === 'all' ? 1 : targets[parent];
    if (Math.abs(sum - expected) > tol) out.push({ question: q.id, sum, expected });
  }
  return out;
}
