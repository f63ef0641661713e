// The report-set form both ways: the submitted body read into the input saveReportSet takes, and the values and
// choices the page shows — the measure library grouped by directorate and service, ticked and, when proposed from
// a committee's terms of reference, saying why each was proposed.
import { all, first, type FormBody } from '../../measures/measure-form.ts';
import type { MeasureChoice, ProposedMeasure } from './report-set-choices.queries.ts';
import { financialYearOf, type ReportSetInput, recipientsFromText } from './report-set-input.ts';
import type { ReportSet } from './report-sets.queries.ts';

/** Every field as the person typed or chose it: the input, with the recipients as typed and the version read. */
export type SetFormValues = Omit<ReportSetInput, 'recipients' | 'measures'> & {
  recipients: string;
  measures: string[];
  version: string;
};

export function readSetForm(body: FormBody): SetFormValues {
  return {
    name: first(body, 'name').trim(),
    title: first(body, 'title'),
    audience: first(body, 'audience'),
    portfolio: first(body, 'portfolio'),
    committee: first(body, 'committee'),
    grouping: first(body, 'grouping'),
    year: first(body, 'year'),
    recipients: first(body, 'recipients'),
    measures: all(body, 'measures'),
    version: first(body, 'version'),
  };
}

/**
 * The use case's input. The measures are sent only when the form showed them as checkboxes: a locked selection is
 * shown as a list, and left as it is.
 */
export function inputFromForm(v: SetFormValues, body: FormBody): ReportSetInput {
  return {
    name: v.name,
    title: v.title,
    audience: v.audience,
    portfolio: v.portfolio,
    committee: v.committee,
    grouping: v.grouping,
    year: v.year,
    recipients: recipientsFromText(v.recipients),
    measures: first(body, 'measuresShown') === '1' ? v.measures : undefined,
  };
}

export function blankSetForm(today: Date): SetFormValues {
  return {
    name: '',
    title: '',
    audience: '',
    portfolio: '',
    committee: '',
    grouping: 'outcome',
    year: financialYearOf(today),
    recipients: '',
    measures: [],
    version: '',
  };
}

export function formValuesOfSet(set: ReportSet, codes: string[]): SetFormValues {
  return {
    name: set.name,
    title: set.title,
    audience: set.audience,
    portfolio: set.portfolioCode ?? '',
    committee: set.committeeCode ?? '',
    grouping: set.grouping,
    year: set.year,
    recipients: set.recipients.join('\n'),
    measures: codes,
    version: String(set.version),
  };
}

/** Why the committee's terms of reference propose a measure, in words. */
export function proposalReason(p: ProposedMeasure): string {
  const reasons = [
    p.byService ? 'a service the committee scrutinises' : '',
    p.themes.length
      ? `${p.themes.length === 1 ? 'theme' : 'themes'} ${p.themes.map((t) => `‘${t}’`).join(', ')}`
      : '',
  ].filter(Boolean);
  return `Proposed: ${reasons.join('; ')}`;
}

interface CheckboxItem {
  value: string;
  text: string;
  checked: boolean;
  hint?: { text: string };
}

export interface MeasureGroup {
  id: string;
  directorate: string;
  ticked: number;
  services: { id: string; name: string; items: CheckboxItem[] }[];
}

/** The library by directorate, then service; each measure a checkbox, ticked if chosen. */
export function measureGroups(
  choices: MeasureChoice[],
  ticked: string[],
  hints: Map<string, string>,
): MeasureGroup[] {
  const chosen = new Set(ticked);
  const groups: MeasureGroup[] = [];
  for (const m of choices) {
    const directorate = m.directorate_name ?? 'No lead service';
    let group = groups.find((g) => g.directorate === directorate);
    if (!group) {
      group = { id: `measures-group-${groups.length + 1}`, directorate, ticked: 0, services: [] };
      groups.push(group);
    }
    const serviceName = m.service_name ?? 'No lead service';
    let service = group.services.find((s) => s.name === serviceName);
    if (!service) {
      service = { id: `measures-${(m.service_code ?? 'none').toLowerCase()}`, name: serviceName, items: [] };
      group.services.push(service);
    }
    const notes = [
      m.status !== 'active' ? `${m.status === 'draft' ? 'Draft' : 'Retired'} measure` : '',
      hints.get(m.code) ?? '',
    ]
      .filter(Boolean)
      .join('. ');
    service.items.push({
      value: m.code,
      text: `${m.code} ${m.title}`,
      checked: chosen.has(m.code),
      ...(notes ? { hint: { text: notes } } : {}),
    });
    if (chosen.has(m.code)) group.ticked += 1;
  }
  return groups;
}
