// Which periods of a measure fall due in a collection round: every period of the measure's frequency that ends
// within the round's period (a quarter's round collects its quarterly figures and its three months' figures).
import {
  nextPeriod,
  periodContaining,
  periodEnd,
  periodKindForFrequency,
  periodStart,
  type Frequency,
  type Period,
} from '../../assessment/index.ts';

export function periodsDueIn(round: Period, frequency: Frequency): Period[] {
  const first = periodStart(round);
  const last = periodEnd(round);
  const due: Period[] = [];
  for (
    let p = periodContaining(periodKindForFrequency(frequency), first);
    periodStart(p) <= last;
    p = nextPeriod(p)
  )
    if (periodEnd(p) >= first && periodEnd(p) <= last) due.push(p);
  return due;
}
