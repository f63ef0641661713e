// The structure API's contract: the current Council Strategy, the organisation and governance, as one TypeBox
// schema that gives the response serialiser, the TypeScript type and the OpenAPI entry.
import { Type, type Static } from 'typebox';

const Code = Type.String({ description: 'The record’s code, unique in the council', examples: ['HOU-RM'] });
const Version = Type.Integer({ description: 'Increases by one on every change; send it back when editing' });

const StructureStrategy = Type.Object({
  title: Type.String(),
  startYear: Type.Integer(),
  endYear: Type.Integer(),
  summary: Type.String(),
});

const StructurePriority = Type.Object({
  code: Code,
  title: Type.String(),
  description: Type.String(),
  position: Type.Integer(),
  version: Version,
});

const StructureOutcome = Type.Object({
  code: Code,
  priorityCode: Type.String(),
  title: Type.String(),
  description: Type.String(),
  position: Type.Integer(),
  version: Version,
  measureCodes: Type.Array(Type.String(), {
    description:
      'Codes of the measures attached to the outcome that the caller may read (retired ones left out)',
  }),
});

const StructureDirectorate = Type.Object({
  code: Code,
  name: Type.String(),
  directorName: Type.String(),
  version: Version,
});

const StructureService = Type.Object({
  code: Code,
  name: Type.String(),
  headOfService: Type.String(),
  directorateCode: Type.String(),
  version: Version,
});

const StructurePortfolio = Type.Object({
  code: Code,
  title: Type.String(),
  cabinetMemberName: Type.String(),
  directorateCodes: Type.Array(Type.String()),
  serviceCodes: Type.Array(Type.String()),
  version: Version,
});

const StructureCommittee = Type.Object({
  code: Code,
  title: Type.String(),
  kind: Type.Enum(['select', 'cmt'], { description: "'cmt' is the Corporate Management Team" }),
  chairName: Type.String(),
  termsOfReference: Type.String(),
  themes: Type.Array(Type.String()),
  serviceCodes: Type.Array(Type.String(), { description: 'The services the committee scrutinises' }),
  version: Version,
});

export const StructureResponse = Type.Object({
  strategy: Type.Union([StructureStrategy, Type.Null()], {
    description: 'The current Council Strategy, if any',
  }),
  priorities: Type.Array(StructurePriority),
  outcomes: Type.Array(StructureOutcome),
  directorates: Type.Array(StructureDirectorate),
  services: Type.Array(StructureService),
  portfolios: Type.Array(StructurePortfolio),
  committees: Type.Array(StructureCommittee),
});
export type StructureResponse = Static<typeof StructureResponse>;

export const StructureError = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
  }),
});
