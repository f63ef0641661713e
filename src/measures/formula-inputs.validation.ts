// Checks a formula measure against the rest of the library: its formula reads, names only measures of the same
// council and frequency, not itself, and closes no cycle. Also stops an edit to an input (its code or frequency)
// that would break the formulas reading it. Returns the inputs' ids for measure_formula_inputs.
import { FormulaCycleError, FormulaError, formulaOrder, parseFormula } from '../assessment/index.ts';
import type { Db } from '../db/connection.ts';
import type { FrequencyColumn } from '../db/schema.ts';
import type { FieldProblem } from '../web/errors.ts';
import { formulaDefinitions, formulaMeasuresUsing, measuresWithCodes } from './formula-inputs.queries.ts';
import type { CompleteMeasure } from './measures.validation.ts';

const REPORTED: Record<FrequencyColumn, string> = {
  monthly: 'monthly',
  quarterly: 'quarterly',
  annual: 'annually',
  academic_year: 'by academic year',
};

/** What the measure was before this edit; absent when it is being created. */
export interface EditedMeasure {
  id: string;
  code: string;
  frequency: FrequencyColumn;
}

export async function checkFormulaLinks(
  db: Db,
  councilId: string,
  measure: CompleteMeasure,
  current: EditedMeasure | undefined,
): Promise<{ problems: FieldProblem[]; inputIds: string[] }> {
  const problems = current ? await inputEditProblems(db, measure, current) : [];
  if (measure.calculationType !== 'formula' || !measure.formula) return { problems, inputIds: [] };
  const problem = (message: string) => problems.push({ field: 'formula', message: `Formula: ${message}` });
  let inputs: readonly string[];
  try {
    inputs = parseFormula(measure.formula).inputs;
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    problem(error.message);
    return { problems, inputIds: [] };
  }
  if (inputs.length === 0) {
    problem('name at least one measure to calculate from, for example [HOU-04] / [HOU-03] * 100');
    return { problems, inputIds: [] };
  }
  const found = await measuresWithCodes(db, councilId, inputs);
  const byCode = new Map(found.map((m) => [m.code, m]));
  // The measure's old code still names it while it is being renamed.
  const isSelf = (code: string) =>
    code === measure.code || (current !== undefined && byCode.get(code)?.id === current.id);
  if (inputs.some(isSelf)) problem(`${measure.code} cannot be calculated from itself`);
  const unknown = inputs.filter((code) => !byCode.has(code) && !isSelf(code));
  if (unknown.length > 0) {
    const none = unknown.length === 1 ? 'there is no measure' : 'there are no measures';
    problem(`${none} ${unknown.join(', ')} in this council's library`);
  }
  for (const input of found) {
    if (isSelf(input.code) || input.frequency === measure.frequency) continue;
    problem(
      `${input.code} is reported ${REPORTED[input.frequency]} but this measure is reported ` +
        `${REPORTED[measure.frequency]}; a formula works out each period from its inputs' figures for the ` +
        'same period, so its inputs must be reported as often as it is',
    );
  }
  if (problems.some((p) => p.field === 'formula')) return { problems, inputIds: [] };
  const definitions = await formulaDefinitions(db, councilId, current?.id);
  definitions[measure.code] = measure.formula;
  try {
    formulaOrder(definitions);
  } catch (error) {
    if (!(error instanceof FormulaCycleError || error instanceof FormulaError)) throw error;
    problem(error.message);
  }
  return { problems, inputIds: found.map((m) => m.id) };
}

/** A measure that formulas read keeps its code (the formulas name it) and its frequency (they share it). */
async function inputEditProblems(
  db: Db,
  measure: CompleteMeasure,
  current: EditedMeasure,
): Promise<FieldProblem[]> {
  if (measure.code === current.code && measure.frequency === current.frequency) return [];
  const users = await formulaMeasuresUsing(db, current.id, null);
  if (users.length === 0) return [];
  const codes = users.map((u) => u.code).join(', ');
  const problems: FieldProblem[] = [];
  if (measure.code !== current.code) {
    problems.push({
      field: 'code',
      message: `Code: ${current.code} is used in the formula of ${codes}; change that formula first, then the code`,
    });
  }
  if (measure.frequency !== current.frequency) {
    problems.push({
      field: 'frequency',
      message: `Frequency: ${current.code} is used in the formula of ${codes}, reported ${REPORTED[current.frequency]}; a formula's inputs must be reported as often as it is`,
    });
  }
  return problems;
}
