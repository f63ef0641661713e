// A large file of new figures for the tests that kill a commit part-way: big enough that committing it takes
// seconds, and every figure a breakdown, since the demo measures' headline rules would refuse a made-up century.

/** 14,400 figures: three measures × a century of months (2100–2199) × four wards. */
export const CENTURY_FIGURES = 3 * 100 * 12 * 4;

export function aCenturyOfBreakdowns(): string {
  const lines = ['measure_code,period,value,breakdown'];
  for (const code of ['HOU-01', 'HOU-03', 'HOU-08'])
    for (let year = 2100; year < 2200; year++)
      for (let month = 1; month <= 12; month++)
        for (const breakdown of ['ward:1', 'ward:2', 'ward:3', 'ward:4'])
          lines.push(`${code},${year}-${String(month).padStart(2, '0')},${month},${breakdown}`);
  return lines.join('\n');
}
