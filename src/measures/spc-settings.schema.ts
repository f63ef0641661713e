// The SPC settings API's request and response shapes: a baseline and recalculation points, each with a reason.
import { type Static, Type } from 'typebox';

const Reason = Type.String({ maxLength: 2000, description: 'Why: shown beside the chart' });
const PeriodKeyText = Type.String({ maxLength: 20, description: "A period key of the measure's frequency" });

export const SpcSettingsBody = Type.Object(
  {
    baseline: Type.Union([
      Type.Object(
        { from: PeriodKeyText, to: PeriodKeyText, reason: Reason },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    recalculations: Type.Array(
      Type.Object({ period: PeriodKeyText, reason: Reason }, { additionalProperties: false }),
      { maxItems: 50 },
    ),
    version: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
      description: 'The version you last read; null when the measure has no SPC settings yet',
    }),
  },
  { additionalProperties: false },
);
export type SpcSettingsBody = Static<typeof SpcSettingsBody>;

export const SpcSettingsOut = Type.Object({
  baseline: Type.Union([
    Type.Object({
      from: Type.String(),
      fromLabel: Type.String(),
      to: Type.String(),
      toLabel: Type.String(),
      reason: Type.String(),
    }),
    Type.Null(),
  ]),
  recalculations: Type.Array(
    Type.Object({ period: Type.String(), label: Type.String(), reason: Type.String() }),
  ),
  version: Type.Union([Type.Integer(), Type.Null()]),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
