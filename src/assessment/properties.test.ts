// Properties checked over many generated inputs (every period 2000–2040, seeded random figures), to catch
// the off-by-one cases a hand-written table would miss. No library: a seeded generator keeps runs repeatable.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { directionOfTravel } from './direction.ts';
import {
  childPeriods,
  monthsOf,
  nextPeriod,
  periodContaining,
  periodsBetween,
  previousPeriod,
  samePeriodLastYear,
} from './periods.navigation.ts';
import { rollUp, type RollUpPoint } from './periods.rollup.ts';
import {
  comparePeriods,
  isPeriodKey,
  parsePeriod,
  periodEnd,
  periodKey,
  periodStart,
  type Period,
  type PeriodKind,
} from './periods.ts';
import { rag, type Polarity, type Rag } from './rag.ts';

/** Mulberry32: a tiny seeded generator so a failure can be replayed exactly. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: PeriodKind[] = ['month', 'quarter', 'financial_year', 'academic_year', 'calendar_year'];

/** Every period of a kind whose start falls in 2000–2040. */
function allOfKind(kind: PeriodKind): Period[] {
  return periodsBetween(periodContaining(kind, '2000-12-31'), periodContaining(kind, '2040-01-01'));
}

function dayAfter(isoDate: string): string {
  const [y = 0, m = 0, d = 0] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

describe('period arithmetic holds for every period from 2000 to 2040', () => {
  for (const kind of KINDS) {
    test(`every ${kind} round-trips through its key and steps back and forth to itself`, () => {
      for (const p of allOfKind(kind)) {
        const key = periodKey(p);
        assert.ok(isPeriodKey(key), key);
        assert.deepEqual(parsePeriod(key), p);
        assert.deepEqual(nextPeriod(previousPeriod(p)), p, key);
        assert.deepEqual(previousPeriod(nextPeriod(p)), p, key);
      }
    });

    test(`consecutive ${kind} periods meet with no gap or overlap, and sort in start-date order`, () => {
      for (const p of allOfKind(kind)) {
        const next = nextPeriod(p);
        assert.equal(periodStart(next), dayAfter(periodEnd(p)), periodKey(p));
        assert.equal(comparePeriods(p, next), -1);
        assert.equal(comparePeriods(next, p), 1);
        assert.ok(periodStart(p) < periodStart(next));
      }
    });

    test(`every ${kind} is the ${kind} containing its own first and last days`, () => {
      for (const p of allOfKind(kind)) {
        assert.deepEqual(periodContaining(kind, periodStart(p)), p);
        assert.deepEqual(periodContaining(kind, periodEnd(p)), p);
      }
    });

    test(`the same ${kind} last year starts exactly one year earlier`, () => {
      for (const p of allOfKind(kind)) {
        const start = periodStart(p);
        const expected = `${Number(start.slice(0, 4)) - 1}${start.slice(4)}`;
        assert.equal(periodStart(samePeriodLastYear(p)), expected, periodKey(p));
      }
    });

    test(`the months of every ${kind} run from its first day to its last`, () => {
      for (const p of allOfKind(kind)) {
        const months = monthsOf(p);
        const first = months[0];
        const last = months[months.length - 1];
        assert.ok(first && last);
        assert.equal(periodStart(first), periodStart(p));
        assert.equal(periodEnd(last), periodEnd(p));
        for (let i = 1; i < months.length; i++) {
          const before = months[i - 1];
          const after = months[i];
          assert.ok(before && after);
          assert.equal(periodStart(after), dayAfter(periodEnd(before)));
        }
      }
    });
  }

  test('comparePeriods is a total order over a mix of every kind', () => {
    const mixed = KINDS.flatMap((kind) =>
      periodsBetween(periodContaining(kind, '2022-01-01'), periodContaining(kind, '2026-12-31')),
    );
    for (const a of mixed) {
      for (const b of mixed) {
        const ab = comparePeriods(a, b);
        assert.equal(ab, -comparePeriods(b, a) || 0);
        assert.equal(ab === 0, periodKey(a) === periodKey(b));
        const endOrder = Math.sign(periodEnd(a).localeCompare(periodEnd(b)));
        if (endOrder !== 0) assert.equal(ab, endOrder);
      }
    }
    const sorted = [...mixed].sort(comparePeriods);
    for (let i = 1; i < sorted.length; i++) {
      const [before, after] = [sorted[i - 1], sorted[i]];
      assert.ok(before && after);
      for (const later of sorted.slice(i)) assert.equal(comparePeriods(before, later), -1);
    }
  });
});

describe('roll-ups agree however the figures are grouped', () => {
  const random = seeded(20250401);
  const years = allOfKind('financial_year').slice(0, 25);

  test('a discrete year from its months equals the year from its quarters built from those months', () => {
    for (const year of years) {
      const months: RollUpPoint[] = monthsOf(year).map((period) => ({
        period,
        value: Math.round(random() * 1000),
      }));
      const direct = rollUp(months, 'discrete', { parent: year });
      const quarters = childPeriods(year, 'quarter').map((quarter) => {
        const inside = months.filter((m) =>
          monthsOf(quarter).some((q) => periodKey(q) === periodKey(m.period)),
        );
        return { period: quarter, value: rollUp(inside, 'discrete', { parent: quarter }).value };
      });
      assert.deepEqual(rollUp(quarters, 'discrete', { parent: year }), direct);
    }
  });

  test('a discrete ratio year equals the ratio of its quarters’ summed parts', () => {
    const ratio = { multiplier: 100 };
    for (const year of years) {
      const months: RollUpPoint[] = monthsOf(year).map((period) => {
        const denominator = 1 + Math.floor(random() * 200);
        return { period, value: null, numerator: Math.floor(random() * denominator), denominator };
      });
      const direct = rollUp(months, 'discrete', { parent: year, ratio });
      const quarters = childPeriods(year, 'quarter').map((quarter) => {
        const keys = new Set(monthsOf(quarter).map(periodKey));
        const r = rollUp(
          months.filter((m) => keys.has(periodKey(m.period))),
          'discrete',
          { parent: quarter, ratio },
        );
        return { period: quarter, value: r.value, numerator: r.numerator, denominator: r.denominator };
      });
      assert.deepEqual(rollUp(quarters, 'discrete', { parent: year, ratio }), direct);
    }
  });

  test('dropping any one month makes a discrete roll-up incomplete and names that month', () => {
    const year = parsePeriod('2025-26');
    const months = monthsOf(year).map((period) => ({ period, value: 1 }));
    for (const dropped of months) {
      const result = rollUp(
        months.filter((m) => m !== dropped),
        'discrete',
        { parent: year },
      );
      assert.deepEqual(result, { value: null, complete: false, missing: [periodKey(dropped.period)] });
    }
  });
});

describe('verdicts move the right way as figures move', () => {
  const RANK: Record<Rag, number> = { red: 0, amber: 1, green: 2, not_rated: -1, no_data: -1 };

  test('for up and down polarity a better figure never gets a worse RAG', () => {
    const random = seeded(7);
    for (let i = 0; i < 2000; i++) {
      const polarity: Polarity = random() < 0.5 ? 'up' : 'down';
      const target = Math.round((random() - 0.5) * 2000) / 10;
      const tolerance =
        random() < 0.5
          ? { kind: 'absolute' as const, amount: random() * 20 }
          : { kind: 'percent' as const, amount: random() * 30 };
      const a = Math.round((random() - 0.5) * 3000) / 10;
      const b = Math.round((random() - 0.5) * 3000) / 10;
      const [worse, better] = (polarity === 'up') === a < b ? [a, b] : [b, a];
      const verdict = (value: number) => RANK[rag({ value, target: { value: target, tolerance }, polarity })];
      assert.ok(verdict(better) >= verdict(worse), JSON.stringify({ polarity, target, tolerance, a, b }));
    }
  });

  test('swapping the two figures swaps improving and worsening', () => {
    const random = seeded(11);
    const opposite = {
      improving: 'worsening',
      worsening: 'improving',
      no_change: 'no_change',
      not_comparable: 'not_comparable',
    };
    for (let i = 0; i < 2000; i++) {
      const polarity: Polarity = (['up', 'down', 'range'] as const)[Math.floor(random() * 3)] ?? 'up';
      const range = { low: 40, high: 60 };
      const a = Math.round(random() * 1000) / 10;
      const b = Math.round(random() * 1000) / 10;
      const forward = directionOfTravel({ current: a, comparator: b, polarity, range });
      const backward = directionOfTravel({ current: b, comparator: a, polarity, range });
      assert.equal(backward.judgement, opposite[forward.judgement]);
      assert.equal(backward.difference, forward.difference === 0 ? 0 : -(forward.difference ?? 0));
    }
  });
});
