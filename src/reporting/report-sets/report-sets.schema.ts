// The report-set API's contract in TypeBox: validation, types and the OpenAPI entries from one place.
import { Type, type Static } from 'typebox';
import { ErrorResponse, errorResponses } from '../scorecard.schema.ts';
import { MAX_COMMENT, SIGN_OFF_ACTIONS } from './sign-off.rules.ts';

export const ReportSetParams = Type.Object({
  name: Type.String({
    description: 'The set’s name, e.g. portfolio-housing',
    examples: ['portfolio-housing'],
  }),
});
export type ReportSetParams = Static<typeof ReportSetParams>;

const NullableString = Type.Unsafe<string | null>({ type: ['string', 'null'] });
const NullableTime = Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'date-time' });

export const ReportSetResponse = Type.Object({
  name: Type.String(),
  title: Type.String(),
  audience: Type.Enum(['cmt', 'portfolio', 'committee', 'public']),
  portfolio: Type.Union([Type.Object({ code: Type.String(), title: Type.String() }), Type.Null()]),
  committee: Type.Union([Type.Object({ code: Type.String(), title: Type.String() }), Type.Null()]),
  grouping: Type.Enum(['outcome', 'service', 'portfolio']),
  year: Type.String({ description: 'The financial year of the selection, e.g. 2026-27' }),
  signOff: Type.Union(
    [
      Type.Object({
        status: Type.Enum(['draft', 'proposed', 'signed_off', 'returned']),
        proposedBy: NullableString,
        proposedAt: NullableTime,
        decidedBy: NullableString,
        decidedAt: NullableTime,
        returnComment: Type.String(),
      }),
      Type.Null(),
    ],
    { description: 'A Cabinet portfolio’s sign-off of the selection; null for every other audience' },
  ),
  measureCodes: Type.Array(Type.String(), { description: 'In report order' }),
  version: Type.Integer({ description: 'Send it back with a transition; a stale one answers 409' }),
});
export type ReportSetResponse = Static<typeof ReportSetResponse>;

export const SignOffBody = Type.Object(
  {
    action: Type.Enum([...SIGN_OFF_ACTIONS], {
      description:
        'propose (draft or returned → proposed: a director whose directorate the portfolio covers), sign_off (proposed → signed_off, locking the measures: the portfolio’s Cabinet Member), return (proposed → returned, with a comment: the portfolio’s Cabinet Member)',
    }),
    version: Type.Integer({
      minimum: 1,
      description: 'The version of the set you read; a stale one answers 409',
    }),
    comment: Type.Optional(
      Type.String({
        maxLength: MAX_COMMENT,
        description: 'Why the set is returned (required for return); kept with the set and in its history',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SignOffBody = Static<typeof SignOffBody>;

export const reportSetErrors = { ...errorResponses, 409: ErrorResponse };
