// Properties of the XmR chart over many generated series: the limits are symmetric, moving or stretching the
// whole series moves or stretches the limits and changes no flag, and swapping polarity swaps the verdicts.
// Integer values keep the arithmetic exact enough; series with a point within 1e-6 of a line are skipped, since
// there a flag may rightly turn on rounding.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assessSpc, type SpcRequest, type SpcResult } from './spc.ts';

const TOLERANCE = 1e-6;
const near = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));

const request = fc
  .record({
    values: fc.array(fc.option(fc.integer({ min: -1000, max: 1000 }), { freq: 10 }), {
      minLength: 1,
      maxLength: 40,
    }),
    polarity: fc.constantFrom('up' as const, 'down' as const, 'neutral' as const),
    screenMovingRanges: fc.boolean(),
    phaseAt: fc.option(fc.nat(), { nil: undefined }),
    fix: fc.option(fc.nat(), { nil: undefined }),
  })
  .filter((r) => r.values.some((v) => v !== null))
  .map(({ values, polarity, screenMovingRanges, phaseAt, fix }): SpcRequest => {
    const spc: SpcRequest = { values, polarity, screenMovingRanges };
    if (phaseAt !== undefined && values.length > 1) {
      const at = 1 + (phaseAt % (values.length - 1));
      const both = [values.slice(0, at), values.slice(at)];
      if (both.every((part) => part.some((v) => v !== null))) spc.phases = [at];
    }
    const firstPhase = spc.phases?.[0] ?? values.length;
    if (fix !== undefined && firstPhase >= 2) spc.fixAfter = 2 + (fix % (firstPhase - 1));
    return spc;
  });

/** True when no point sits within the tolerance of its mean, process limits or 2σ lines. */
function clearOfLines(result: SpcResult): boolean {
  return result.points.every((p) => {
    const phase = result.phases.find((ph) => ph.start <= p.index && p.index <= ph.end);
    if (!phase) return false;
    const lines = [phase.mean, phase.upl, phase.lpl, phase.upperTwoSigma, phase.lowerTwoSigma];
    return lines.every((line) => Math.abs(p.value - line) > 1e-6);
  });
}

const flags = (result: SpcResult) =>
  result.points.map((p) => [p.index, p.outside, p.shift, p.trend, p.twoInThree, p.signal]);

describe('SPC properties', () => {
  test('the process limits and the 2σ lines are symmetric about the mean', () => {
    fc.assert(
      fc.property(request, (spc) => {
        for (const phase of assessSpc(spc).phases) {
          assert.ok(near(phase.upl - phase.mean, phase.mean - phase.lpl));
          assert.ok(near(phase.upperTwoSigma - phase.mean, phase.mean - phase.lowerTwoSigma));
          assert.ok(near(phase.upl - phase.mean, 2.66 * phase.movingRangeMean));
          assert.ok(phase.lpl <= phase.lowerTwoSigma && phase.upperTwoSigma <= phase.upl);
        }
      }),
    );
  });

  test('adding a constant moves the mean and limits by it and changes no flag', () => {
    fc.assert(
      fc.property(request, fc.integer({ min: -5000, max: 5000 }), (spc, c) => {
        const before = assessSpc(spc);
        fc.pre(clearOfLines(before));
        const after = assessSpc({ ...spc, values: spc.values.map((v) => (v === null ? null : v + c)) });
        before.phases.forEach((phase, k) => {
          const moved = after.phases[k];
          assert.ok(moved);
          assert.ok(near(moved.mean, phase.mean + c));
          assert.ok(near(moved.upl, phase.upl + c));
          assert.ok(near(moved.lpl, phase.lpl + c));
          assert.ok(near(moved.movingRangeMean, phase.movingRangeMean));
        });
        assert.deepEqual(flags(after), flags(before));
        assert.equal(after.variation, before.variation);
      }),
    );
  });

  test('scaling by a positive constant scales the limits and changes no flag', () => {
    fc.assert(
      fc.property(request, fc.integer({ min: 1, max: 1000 }), fc.constantFrom(1, 10, 100), (spc, k, d) => {
        const factor = k / d;
        const before = assessSpc(spc);
        fc.pre(clearOfLines(before));
        const after = assessSpc({ ...spc, values: spc.values.map((v) => (v === null ? null : v * factor)) });
        before.phases.forEach((phase, i) => {
          const scaled = after.phases[i];
          assert.ok(scaled);
          assert.ok(near(scaled.mean, phase.mean * factor));
          assert.ok(near(scaled.upl, phase.upl * factor));
          assert.ok(near(scaled.lpl, phase.lpl * factor));
        });
        assert.deepEqual(flags(after), flags(before));
        assert.equal(after.variation, before.variation);
      }),
    );
  });

  test('swapping polarity (up and down) swaps improvement and concern', () => {
    const swapped = { improvement: 'concern', concern: 'improvement' } as const;
    fc.assert(
      fc.property(request, (spc) => {
        const asUp = assessSpc({ ...spc, polarity: 'up' });
        const asDown = assessSpc({ ...spc, polarity: 'down' });
        const asNeutral = assessSpc({ ...spc, polarity: 'neutral' });
        asUp.points.forEach((p, i) => {
          const q = asDown.points[i];
          const n = asNeutral.points[i];
          assert.ok(q && n);
          if (p.signal === null || p.signal === 'neutral') {
            assert.equal(q.signal, null);
            assert.equal(n.signal, null);
          } else if (q.signal === p.signal) {
            // Flagged both ways, improvement wins under either polarity: only a trend can point away
            // from the side of the mean (or a peak be in a rising and a falling trend).
            assert.equal(p.signal, 'improvement');
            assert.ok(p.trend);
          } else {
            assert.equal(q.signal, swapped[p.signal]);
          }
          if (p.signal !== null) assert.equal(n.signal, 'neutral');
        });
        const up = asUp.variation;
        const down = asDown.variation;
        if (up.startsWith('concern_')) assert.equal(down, up.replace('concern_', 'improvement_'));
        if (down.startsWith('concern_')) assert.equal(up, down.replace('concern_', 'improvement_'));
        if (up === 'common_cause' || up === 'not_enough_data') assert.equal(down, up);
      }),
    );
  });
});
