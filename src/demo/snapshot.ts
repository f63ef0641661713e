// Version 1 of each demo measure as measure_versions keeps it: the measure record in the shape the measure
// library presents (see snapshotOf in src/measures/measures.present.ts), so later edits diff cleanly against it.
import type { DemoDataset, DemoMeasureRow } from './generate.ts';

export function measureSnapshot(m: DemoMeasureRow, data: DemoDataset): Record<string, unknown> {
  const service = (code: string) => ({ code, name: data.services.find((s) => s.code === code)?.name ?? '' });
  const owner = data.users.find((u) => u.email === m.ownerEmail);
  const priorityOrder = data.priorities.map((p) => p.code);
  const outcomeOrder = data.outcomes.map((o) => o.code);
  const outcomes = data.outcomes
    .filter((o) => m.outcomes.includes(o.code))
    .sort(
      (a, b) =>
        priorityOrder.indexOf(a.priority) - priorityOrder.indexOf(b.priority) ||
        outcomeOrder.indexOf(a.code) - outcomeOrder.indexOf(b.code),
    )
    .map((o) => {
      const priority = data.priorities.find((p) => p.code === o.priority);
      return { code: o.code, title: o.title, priority: { code: o.priority, title: priority?.title ?? '' } };
    });
  return {
    code: m.code,
    title: m.title,
    definition: m.definition,
    calculation: m.calculation,
    calculationType: m.calculationType,
    numeratorLabel: m.numeratorLabel,
    denominatorLabel: m.denominatorLabel,
    formula: '',
    unit: m.unit,
    decimals: m.decimals,
    polarity: m.polarity,
    frequency: m.frequency,
    accumulation: m.accumulation,
    owner: owner ? { email: owner.email, name: owner.displayName } : null,
    leadService: service(m.leadService),
    services: [...m.services].sort().map(service),
    outcomes,
    tags: m.tags,
    externalRefs: m.externalRefs,
    dataSource: m.dataSource,
    status: m.status,
    effectiveFrom: m.effectiveFrom,
    effectiveTo: m.effectiveTo,
  };
}
