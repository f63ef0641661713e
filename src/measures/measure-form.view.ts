// Builds the GOV.UK component items for the measure form and the library filters from the choices and the
// values on screen, so the templates only lay them out.
import { ragLabel } from '../assessment/index.ts';
import {
  accumulationLabels,
  accumulations,
  calculationTypeLabels,
  calculationTypes,
  frequencies,
  frequencyLabels,
  polarities,
  polarityLabels,
  statuses,
  statusLabels,
  tagLabels,
  tags,
  unitLabels,
  units,
} from './measures.labels.ts';
import type { FormChoices } from './measures.queries.ts';
import { rags } from './library.service.ts';
import type { MeasureFormValues } from './measure-form.ts';

interface Item {
  value: string;
  text: string;
  selected?: boolean;
  checked?: boolean;
  hint?: { text: string };
}

function choices<T extends string>(
  values: readonly T[],
  words: Record<T, string>,
  chosen: string | string[],
  mark: 'selected' | 'checked',
): Item[] {
  const isChosen = (v: string) => (Array.isArray(chosen) ? chosen.includes(v) : chosen === v);
  return values.map((value) => ({ value, text: words[value], [mark]: isChosen(value) }));
}

const rangeHint = 'Targets for this measure are a range: a lowest and a highest acceptable figure.';

export function measureFormItems(v: MeasureFormValues, c: FormChoices) {
  return {
    unit: [{ value: '', text: 'Choose a unit' }, ...choices(units, unitLabels, v.unit, 'selected')],
    calculationType: choices(calculationTypes, calculationTypeLabels, v.calculationType, 'checked'),
    polarity: choices(polarities, polarityLabels, v.polarity, 'checked').map((item) =>
      item.value === 'range' ? { ...item, hint: { text: rangeHint } } : item,
    ),
    frequency: choices(frequencies, frequencyLabels, v.frequency, 'checked'),
    accumulation: choices(accumulations, accumulationLabels, v.accumulation, 'checked'),
    status: choices(statuses, statusLabels, v.status, 'checked'),
    tags: choices(tags, tagLabels, v.tags, 'checked'),
    owner: [
      { value: '', text: 'No owner yet' },
      ...c.owners.map((o) => ({
        value: o.email,
        text: `${o.name} (${o.email})`,
        selected: o.email === v.owner,
      })),
    ],
    leadService: [
      { value: '', text: 'Choose a service' },
      ...c.services.map((s) => ({
        value: s.code,
        text: `${s.code} ${s.name}`,
        selected: s.code === v.leadService,
      })),
    ],
    services: c.services.map((s) => ({
      value: s.code,
      text: `${s.code} ${s.name}`,
      checked: v.services.includes(s.code),
    })),
    outcomes: c.outcomes.map((o) => ({
      value: o.code,
      text: `${o.code} ${o.name}`,
      hint: { text: `Priority: ${o.priority}` },
      checked: v.outcomes.includes(o.code),
    })),
  };
}

export interface LibraryQuery {
  q: string;
  directorate: string;
  portfolio: string;
  committee: string;
  outcome: string;
  tag: string;
  status: string;
  rag: string;
}

export function libraryFilterItems(
  f: LibraryQuery,
  options: {
    directorates: { code: string; name: string }[];
    portfolios: { code: string; name: string }[];
    committees: { code: string; name: string }[];
    outcomes: { code: string; name: string }[];
  },
) {
  const select = (list: { code: string; name: string }[], chosen: string) => [
    { value: '', text: 'All' },
    ...list.map((o) => ({ value: o.code, text: o.name, selected: o.code === chosen })),
  ];
  const all = { value: '', text: 'All' };
  return {
    directorate: select(options.directorates, f.directorate),
    portfolio: select(options.portfolios, f.portfolio),
    committee: select(options.committees, f.committee),
    outcome: select(
      options.outcomes.map((o) => ({ code: o.code, name: `${o.code} ${o.name}` })),
      f.outcome,
    ),
    tag: [all, ...choices(tags, tagLabels, f.tag, 'selected')],
    status: [all, ...choices(statuses, statusLabels, f.status, 'selected')],
    rag: [all, ...rags.map((value) => ({ value, text: ragLabel(value), selected: value === f.rag }))],
  };
}
