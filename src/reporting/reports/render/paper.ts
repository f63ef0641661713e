// The committee paper laid out once, as a list of blocks (headings, paragraphs, tables, charts), so the Word and
// PDF renderers print the same content in the same order and differ only in how they draw a block.
import { ragLabel, ragSymbol, type Rag } from '../../../assessment/index.ts';
import { formatDate } from '../../../web/filters.ts';
import { measuresOf, type ReportModel } from '../report-model.ts';
import { heading, paragraph, type PaperBlock, type PaperCell } from './paper-blocks.ts';
import { measurePage, ragCell } from './paper-measure.ts';

export const NO_MEASURES = 'There are no measures in this report.';

export function paperOf(model: ReportModel): PaperBlock[] {
  return [
    ...titlePage(model),
    ...summary(model),
    ...changes(model),
    ...dataQuality(model),
    ...assurance(model),
    ...exceptions(model),
    ...model.groups.flatMap((group) => [
      heading(1, group.title, true),
      ...(group.subtitle ? [paragraph(group.subtitle, 'Priority')] : []),
      ...(group.measures.length === 0 ? [paragraph('No measures in this group.')] : []),
      ...group.measures.flatMap((m, i) => measurePage(m, i > 0)),
    ]),
    ...appendix(model),
  ];
}

/** The chart SVGs the paper shows, in order. */
export function paperCharts(model: ReportModel): string[] {
  return paperOf(model).flatMap((b) => (b.kind === 'chart' ? [b.svg] : []));
}

function titlePage(model: ReportModel): PaperBlock[] {
  const { signOff } = model;
  return [
    paragraph(model.council),
    { kind: 'title', text: model.set.title },
    paragraph(model.set.audienceLabel, 'Report to'),
    paragraph(model.period.label, 'Period'),
    model.publishedAt
      ? paragraph(formatDate(model.publishedAt), 'Published')
      : paragraph(`${formatDate(model.generatedAt)} (a draft: not yet published)`, 'Generated'),
    ...(signOff
      ? [
          paragraph(
            [
              signOff.statusLabel,
              signOff.by ? `by ${signOff.by}` : '',
              signOff.at ? `on ${formatDate(signOff.at)}` : '',
            ]
              .filter(Boolean)
              .join(' '),
            'Sign-off of the measures',
          ),
        ]
      : []),
    { kind: 'pageBreak' },
  ];
}

const RAGS: Rag[] = ['green', 'amber', 'red', 'not_rated', 'no_data'];

function summary(model: ReportModel): PaperBlock[] {
  const { counts } = model;
  const rows: PaperCell[][] = [
    ['All measures', String(counts.measures)],
    ...RAGS.map((r): PaperCell[] => [
      { symbol: ragSymbol(r), text: ragLabel(r) },
      String(ragCount(model, r)),
    ]),
    ['Exceptions', String(counts.exceptions)],
    ['Special-cause concern', String(counts.spcConcern)],
    ['Special-cause improvement', String(counts.spcImprovement)],
    ['Consistently failing the target', String(counts.failing)],
    ['Revised since the last report', String(counts.revised)],
  ];
  return [
    heading(1, 'Summary'),
    paragraph(model.summary),
    ...(counts.measures === 0 ? [paragraph(NO_MEASURES)] : []),
    { kind: 'table', header: ['Measures', 'Number'], rows, widths: [3, 1] },
  ];
}

function ragCount(model: ReportModel, r: Rag): number {
  const { counts } = model;
  const byRag: Record<Rag, number> = {
    green: counts.green,
    amber: counts.amber,
    red: counts.red,
    not_rated: counts.notRated,
    no_data: counts.noData,
  };
  return byRag[r];
}

function changes(model: ReportModel): PaperBlock[] {
  const title = heading(1, 'Changes to the measures since the last report');
  if (model.changes.length === 0) {
    return [title, paragraph('There were no changes to the measures since the last report.')];
  }
  return [
    title,
    {
      kind: 'table',
      header: ['Date', 'Change', 'Measure', 'Reason', 'Decided by'],
      rows: model.changes.map((c) => [
        formatDate(c.date),
        c.changeLabel,
        `${c.measureCode} ${c.measureTitle}`,
        c.reason,
        c.decidedBy,
      ]),
      widths: [2, 1.8, 4, 4.7, 2.5],
    },
  ];
}

function dataQuality(model: ReportModel): PaperBlock[] {
  const dq = model.dataQuality;
  if (!dq) return [];
  return [
    heading(1, 'Data quality'),
    paragraph(dq.headline),
    {
      kind: 'table',
      header: ['Figures for the period', 'Number'],
      rows: [
        ['Late', String(dq.late)],
        ['Missing', String(dq.missing)],
        ['Returned for correction', String(dq.returned)],
        ['Open data-quality findings', String(dq.openFindings)],
      ],
      widths: [3, 1],
    },
  ];
}

function assurance(model: ReportModel): PaperBlock[] {
  return model.assurance.flatMap((section) => [
    heading(1, section.title),
    section.items.length === 0
      ? paragraph(section.emptyNote)
      : {
          kind: 'table' as const,
          header: ['Item', section.dateHeading ?? 'Due', 'Status'],
          rows: section.items.map((item) => [
            item.title,
            item.due ? formatDate(item.due) : 'No date',
            item.status,
          ]),
          widths: [5, 2, 2],
        },
  ]);
}

function exceptions(model: ReportModel): PaperBlock[] {
  const count = model.exceptions.length;
  const intro =
    measuresOf(model).length === 0
      ? NO_MEASURES
      : count === 0
        ? 'No measure is an exception this period.'
        : `${count === 1 ? '1 measure needs' : `${count} measures need`} attention: ${model.exceptions
            .map((m) => m.code)
            .join(', ')}.`;
  return [
    heading(1, 'Exceptions', true),
    paragraph(intro),
    ...model.exceptions.flatMap((m, i) => measurePage(m, i > 0)),
  ];
}

function appendix(model: ReportModel): PaperBlock[] {
  const all = measuresOf(model);
  const title = heading(1, 'Appendix: all measures', true);
  if (all.length === 0) return [title, paragraph(NO_MEASURES)];
  return [
    title,
    {
      kind: 'table',
      header: ['Code', 'Measure', 'Service', 'Period', 'Figure', 'Target', 'RAG', 'Direction', 'SPC'],
      rows: all.map((m) => [
        m.code,
        m.title,
        m.service,
        m.periodLabel,
        m.display,
        m.targetDisplay,
        ragCell(m),
        m.direction.label,
        m.spc?.variationLabel ?? 'Not assessed',
      ]),
      widths: [1.5, 3.6, 2.2, 1.5, 1.4, 1.4, 2, 2.2, 2.4],
    },
  ];
}
