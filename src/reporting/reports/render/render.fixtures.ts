// Report models that test the renderers' edges: text a spreadsheet would run as a formula, characters that
// XML, PDF fonts and CSV must carry unharmed, and a report with no measures at all.
import { aReportModel } from '../report-model.fixtures.ts';
import type { ReportMeasure, ReportModel } from '../report-model.ts';

function withFirstException(model: ReportModel, change: Partial<ReportMeasure>): ReportModel {
  const [first, ...rest] = model.exceptions;
  if (!first) throw new Error('the fixture has no exception to change');
  return { ...model, exceptions: [{ ...first, ...change }, ...rest] };
}

/** Text from people that starts like a formula: commentary, a title, a service name and a reason. */
export function aModelWithFormulaText(): ReportModel {
  return withFirstException(aReportModel(), {
    commentary: '=SUM(A1)*10',
    title: '+44 repairs line',
    service: '@Housing',
    exceptionReasons: ['-1 below target', '\t=cmd'],
  });
}

/** Ampersands, angle brackets, quotes, Welsh ŵ and the pound sign, in headings, tables and commentary. */
export const SPECIAL = {
  title: 'Tai & Cymunedau: <chwarterol> "perfformiad"',
  commentary: 'Gwaith ar dŵr a thŷ: £1,200 o "gostau" & <tasgau> ychwanegol',
  group: 'Parciau & Mannau <agored>',
} as const;

export function aModelWithSpecialCharacters(): ReportModel {
  const model = withFirstException(aReportModel({ set: { ...aReportModel().set, title: SPECIAL.title } }), {
    commentary: SPECIAL.commentary,
    group: SPECIAL.group,
  });
  const [group, ...others] = model.groups;
  if (!group) throw new Error('the fixture has no group to rename');
  return { ...model, groups: [{ ...group, title: SPECIAL.group }, ...others] };
}

export function aModelWithNoMeasures(): ReportModel {
  return aReportModel({
    summary: 'There are no measures to report for this period.',
    exceptions: [],
    groups: [],
    changes: [],
    counts: {
      measures: 0,
      green: 0,
      amber: 0,
      red: 0,
      notRated: 0,
      noData: 0,
      exceptions: 0,
      spcConcern: 0,
      spcImprovement: 0,
      failing: 0,
      revised: 0,
    },
  });
}
