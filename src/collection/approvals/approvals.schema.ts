// The transitions API's contract in TypeBox: validation, types and the OpenAPI entry from one place.
import { Type, type Static } from 'typebox';
import { ErrorResponse, errorResponses } from '../../reporting/scorecard.schema.ts';
import { MAX_COMMENT, TRANSITIONS } from './workflow.ts';

const statusValues = ['draft', 'submitted', 'validated', 'approved', 'published'] as const;

export const TransitionBody = Type.Object(
  {
    action: Type.Enum([...TRANSITIONS], {
      description:
        'submit (draft → submitted: data owner or performance officer), validate (submitted → validated: performance officer), approve (validated → approved: the director for the service), publish (approved → published: performance officer), return (back to draft, with a comment, by whoever may take the step the figure waits at)',
    }),
    version: Type.Integer({
      minimum: 1,
      description: 'The version of the figure you read; a stale one answers 409',
    }),
    comment: Type.Optional(
      Type.String({
        maxLength: MAX_COMMENT,
        description:
          'Why the figure is returned (required for return); kept in the audit log and shown to its owner',
      }),
    ),
  },
  { additionalProperties: false },
);
export type TransitionBody = Static<typeof TransitionBody>;

export const TransitionResponse = Type.Object({
  measure: Type.String(),
  period: Type.String(),
  action: Type.String(),
  status: Type.Enum([...statusValues]),
  version: Type.Integer(),
  revision: Type.Integer(),
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** How many breakdown figures (by ward, provider…) moved with the headline figure. */
  breakdownsMoved: Type.Integer(),
});
export type TransitionResponse = Static<typeof TransitionResponse>;

export const transitionErrors = { ...errorResponses, 409: ErrorResponse };
