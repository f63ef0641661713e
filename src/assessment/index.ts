// The public face of the pure assessment functions: other capabilities import from here, never from the
// files behind it, so those can be split or merged freely.

export {
  comparePeriods,
  isPeriodKey,
  parsePeriod,
  PeriodError,
  periodEnd,
  periodKey,
  periodLabel,
  periodStart,
  tryParsePeriod,
  type AcademicYearPeriod,
  type CalendarYearPeriod,
  type FinancialYearPeriod,
  type MonthPeriod,
  type Period,
  type PeriodKind,
  type QuarterPeriod,
} from './periods.ts';
export {
  childPeriods,
  financialYearOf,
  lastPeriodOfYear,
  latestCompletePeriod,
  matchesFrequency,
  monthsOf,
  nextPeriod,
  periodContaining,
  periodKindForFrequency,
  periodsBetween,
  periodsPerYear,
  positionInYear,
  previousPeriod,
  quarterOf,
  quartersOf,
  reportingYearOf,
  samePeriodLastYear,
  type Frequency,
} from './periods.navigation.ts';
export {
  rollUp,
  type Accumulation,
  type RollUpOptions,
  type RollUpPoint,
  type RollUpResult,
} from './periods.rollup.ts';
export {
  rag,
  ragLabel,
  ragSymbol,
  type Polarity,
  type Rag,
  type RagInput,
  type Target,
  type Tolerance,
} from './rag.ts';
export {
  directionOfTravel,
  directionVsLastYear,
  directionVsPrevious,
  type Direction,
  type DirectionInput,
  type DirectionRange,
  type DirectionResult,
  type DirectionVsLastYearInput,
  type DirectionVsPreviousInput,
} from './direction.ts';
export {
  forecastYearEnd,
  type ForecastInput,
  type ForecastVerdict,
  type RunRateForecast,
  type RunRateKind,
  type YearEndFigure,
  type YearEndForecast,
  type YearEndTarget,
} from './forecast.ts';
export { formatValue, NO_VALUE, unitMultiplier, type Unit } from './format.ts';
export {
  assessSpc,
  MINIMUM_POINTS,
  type SpcAssurance,
  type SpcPhase,
  type SpcPoint,
  type SpcPolarity,
  type SpcRequest,
  type SpcResult,
  type SpcSignal,
  type SpcVariation,
} from './spc.ts';
export { spcReading } from './spc.icons.ts';
export { SpcInputError, validateSpcRequest } from './spc.validate.ts';
export {
  FormulaCycleError,
  FormulaError,
  type ArithmeticOperator,
  type BinaryOperator,
  type ComparisonOperator,
  type Formula,
  type FormulaNode,
  type FunctionName,
} from './formula.ts';
export { formatFormula, parseFormula } from './formula.parse.ts';
export { evaluateFormula, type FormulaResult, type FormulaValues } from './formula.evaluate.ts';
export { formulaOrder } from './formula.graph.ts';
export { round10 } from './numbers.ts';
export {
  checkRules,
  RULE_NAMES,
  type Finding,
  type RuleContext,
  type RuleKind,
  type RuleResult,
  type RuleSeverity,
  type ValidationRule,
} from './validation-rules.ts';
export {
  defineRule,
  DEFAULT_MINIMUM_HISTORY,
  DEFAULT_OUTLIER_THRESHOLD,
  RULE_KINDS,
  type RuleInput,
  type RuleOwner,
  type RuleProblem,
} from './validation-rules.define.ts';
