/**
 * Ranking metrics of the judged evaluation (see eval/README.md). Pure functions: a ranking is the
 * list of ids the system returned, best first; judgements map an id to its grade (3 = exactly what
 * the user seeks, 2 = clearly relevant, 1 = partly relevant); an id without a grade counts 0.
 * An id that appears again further down a ranking counts 0 there (it keeps its place in the
 * list the user reads): a system gains nothing by repeating an answer.
 */

export type Grades = Readonly<Record<string, number>>;

/** The grade of each answer in rank order; a repeat of an id already ranked gets 0. */
export function gradesOf(ranking: readonly string[], judgements: Grades): number[] {
  const seen = new Set<string>();
  return ranking.map((id) => {
    if (seen.has(id)) return 0;
    seen.add(id);
    return judgements[id] ?? 0;
  });
}

/** Gain of one grade: 2^grade - 1 (0, 1, 3, 7), so that a grade 3 outweighs several grade 1s. */
export function gain(grade: number): number {
  return grade > 0 ? 2 ** grade - 1 : 0;
}

/** Discounted cumulative gain of a list of grades at cut-off k: sum of gain / log2(rank + 1). */
export function dcgOfGrades(grades: readonly number[], k: number): number {
  let sum = 0;
  grades.slice(0, k).forEach((grade, index) => {
    sum += gain(grade) / Math.log2(index + 2);
  });
  return sum;
}

/** DCG@k of a ranking under the judgements. */
export function dcg(ranking: readonly string[], judgements: Grades, k: number): number {
  return dcgOfGrades(gradesOf(ranking, judgements), k);
}

/** The best DCG@k any ranking could reach: the judged grades in descending order. */
export function idealDcg(judgements: Grades, k: number): number {
  const grades = Object.values(judgements).filter((g) => g > 0).sort((a, b) => b - a);
  return dcgOfGrades(grades, k);
}

/** nDCG@k in [0, 1]: DCG@k over the ideal DCG@k from the judged grades; 0 when nothing is judged relevant. */
export function ndcg(ranking: readonly string[], judgements: Grades, k: number): number {
  const ideal = idealDcg(judgements, k);
  return ideal > 0 ? dcg(ranking, judgements, k) / ideal : 0;
}

/** How many of the first k answers are relevant (grade >= minGrade). */
export function relevantInTop(ranking: readonly string[], judgements: Grades, k: number, minGrade = 1): number {
  return gradesOf(ranking, judgements)
    .slice(0, k)
    .filter((grade) => grade >= minGrade && grade > 0).length;
}

/** Recall@k: the share of all judged-relevant ids (grade >= minGrade) found in the first k; 0 when none is judged relevant. */
export function recall(ranking: readonly string[], judgements: Grades, k: number, minGrade = 1): number {
  const total = Object.values(judgements).filter((g) => g >= minGrade).length;
  return total > 0 ? relevantInTop(ranking, judgements, k, minGrade) / total : 0;
}

/**
 * Precision@k: relevant answers among the first k, divided by k (not by the number of answers):
 * a system that returns fewer than k answers is charged for the missing ones.
 */
export function precision(ranking: readonly string[], judgements: Grades, k: number, minGrade = 1): number {
  return relevantInTop(ranking, judgements, k, minGrade) / k;
}

/** Arithmetic mean; 0 for an empty list. */
export function mean(values: readonly number[]): number {
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}
