// Demo measures calculated by formula from other demo measures. They have no generated figures: loading the
// demo asks the measure library to work out their history, exactly as when a performance officer adds one.
import type { MeasureDef } from './measures.ts';

export const formulaMeasures: MeasureDef[] = [
  {
    code: 'HOU-12',
    title: 'Households in temporary accommodation who are families in bed and breakfast beyond six weeks',
    definition:
      'Families with children or a pregnant member placed in bed and breakfast for more than six weeks, as a ' +
      'share of all households in temporary accommodation at month end. The law allows none.',
    calculation:
      'Families in B&B for more than six weeks (HOU-04) ÷ households in temporary accommodation (HOU-03) × 100.',
    formula: '[HOU-04] / [HOU-03] * 100',
    shape: { unit: 'percent', dp: 2, polarity: 'down', freq: 'monthly', acc: 'snapshot' },
    links: { lead: 'HOU-HO', outcomes: ['OC08'], tags: ['public'] },
    source: 'Calculated from HOU-03 and HOU-04',
    // Only the target is read: the figures come from the formula.
    model: { start: 0, end: 0, noise: 0, target: 0, tol: 0.5 },
  },
];
