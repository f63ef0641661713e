// Everything the measure page shows: the measure, its targets around today, its performance, the measures it is
// calculated from and used in, and which of the edit, target and data-entry links this user may follow.
import type { CurrentUser } from '../access/current-user.ts';
import { can } from '../access/permissions.ts';
import { servicesInReach, servicesWithinReach } from '../access/scope.ts';
import { latestCompletePeriod, periodKey } from '../assessment/index.ts';
import { measureComparisons, type MeasureComparison } from '../benchmarking/measure-comparisons.ts';
import { actionsOfMeasure } from '../assurance/actions/actions.list.ts';
import { presentAction } from '../assurance/actions/actions.present.ts';
import type { Db } from '../db/connection.ts';
import { measurePerformance, type MeasurePerformance } from '../reporting/measure-performance.ts';
import { formulaInputsOf, formulaMeasuresUsing, type LinkedMeasure } from './formula-inputs.queries.ts';
import { formulaInWords, type FormulaWord } from './formula-words.ts';
import { getMeasure, type MeasureWithId } from './measures.service.ts';
import { recentTargets } from './targets.queries.ts';
import { presentTarget, type TargetOut } from './targets.service.ts';
import { todayIso } from './targets.validation.ts';

export interface MeasurePage {
  measure: MeasureWithId;
  targets: TargetOut[];
  performance: MeasurePerformance;
  /** The measure as the shared performance partial reads it (row-shaped field names). */
  performanceMeasure: Record<string, unknown>;
  links: { edit: boolean; targets: boolean; enterValue: string | null };
  /** A formula measure's formula in words; each input the reader may see has its title for the link. */
  formula: { words: FormulaWord[] | null; inputs: Record<string, string> } | null;
  /** The formula measures calculated from this one that the reader may see. */
  usedIn: LinkedMeasure[];
  /** Comparisons with other councils on the external metrics the measure is mapped to. */
  benchmarks: MeasureComparison[];
  /** Improvement actions raised on the measure (in the reader's reach), and whether the reader may raise one. */
  improvementActions: ReturnType<typeof presentAction>[];
  canRaiseAction: boolean;
}

export async function measurePage(db: Db, user: CurrentUser, code: string): Promise<MeasurePage> {
  const measure = await getMeasure(db, user, code);
  const reach = servicesInReach(user, 'measure.read');
  const isFormula = measure.calculationType === 'formula';
  const [targets, performance, enterValue, inputs, usedIn, benchmarks, actions, canRaiseAction] =
    await Promise.all([
      recentTargets(db, measure.id).then((rows) => rows.map(presentTarget)),
      measurePerformance(db, { councilId: user.councilId, measureId: measure.id }),
      entryLink(user, measure),
      isFormula ? formulaInputsOf(db, measure.id, reach) : [],
      formulaMeasuresUsing(db, measure.id, reach),
      measureComparisons(db, user.councilId, measure.id),
      actionsOfMeasure(db, user, measure.id),
      can(user, 'action.write')
        ? servicesWithinReach(servicesInReach(user, 'action.write'), measure.serviceIds)
        : false,
    ]);
  return {
    measure,
    targets,
    performance,
    performanceMeasure: {
      code: measure.code,
      title: measure.title,
      unit: measure.unit,
      decimals: measure.decimals,
      calculation_type: measure.calculationType,
      numerator_label: measure.numeratorLabel,
      denominator_label: measure.denominatorLabel,
    },
    links: { edit: can(user, 'measure.write'), targets: can(user, 'target.write'), enterValue },
    formula: isFormula
      ? {
          words: formulaInWords(measure.formula),
          inputs: Object.fromEntries(inputs.map((m) => [m.code, m.title])),
        }
      : null,
    usedIn,
    benchmarks,
    improvementActions: actions.map(presentAction),
    canRaiseAction,
  };
}

/** Data entry for the latest complete period, offered only to someone who may enter this measure's figures. */
function entryLink(user: CurrentUser, measure: MeasureWithId): string | null {
  // A formula measure's figures are calculated, never entered.
  if (!can(user, 'value.write') || measure.status === 'retired' || measure.calculationType === 'formula')
    return null;
  const reach = servicesInReach(user, 'value.write');
  if (!servicesWithinReach(reach, measure.serviceIds)) return null;
  const period = periodKey(latestCompletePeriod(measure.frequency, todayIso()));
  return `/my-measures/${encodeURIComponent(measure.code)}/${encodeURIComponent(period)}`;
}
