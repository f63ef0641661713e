// The inspection register's use cases: record and edit an inspection (its judgements each on its own framework's
// scale, refused otherwise), read one, and list them by service and inspectorate with a timeline per service.
// Performance officers write; everyone else reads the inspections of the services in their reach.
import type { CurrentUser } from '../../access/current-user.ts';
import { authorize } from '../../access/permissions.ts';
import type { Db } from '../../db/connection.ts';
import { insertAudit } from '../../structure/edits.queries.ts';
import { NotFoundError, ValidationError } from '../../web/errors.ts';
import { AssuranceForm } from '../assurance-form.ts';
import { servicesOfCouncil, type ServiceChoice } from '../assurance.queries.ts';
import { recordId, requireInReach, staleEdit } from '../reach.ts';
import { type Framework, loadFrameworks } from './frameworks.ts';
import {
  findInspection,
  type InspectionRow,
  type InspectionValues,
  insertInspection,
  judgementsOf,
  type JudgementRow,
  recommendationsOf,
  recommendationsWithActions,
  replaceJudgements,
  syncRecommendations,
  updateInspection,
} from './inspections.queries.ts';

export interface InspectionInput {
  values: InspectionValues;
  judgements: { area: string; scale: string; judgement: string }[];
  recommendations: string[];
}

export async function frameworkByCode(db: Db, code: string): Promise<Framework> {
  const framework = (await loadFrameworks(db)).find((f) => f.code === code);
  if (!framework) throw ValidationError.field('framework', 'Choose the inspectorate and framework');
  return framework;
}

/** The form's fields as an inspection of `framework`; every judgement must come from that framework's own scale. */
export function readInspectionForm(
  body: Record<string, unknown>,
  framework: Framework,
  services: ServiceChoice[],
): InspectionInput {
  const form = new AssuranceForm(body);
  const serviceCode = form.text('service', {
    label: 'Service',
    max: 30,
    required: 'Choose the service inspected',
  });
  const service = services.find((s) => s.code === serviceCode);
  if (serviceCode && !service) form.fail('service', 'Choose the service inspected from the list');
  const title = form.text('title', {
    label: 'Title',
    max: 200,
    required: 'Enter a title for the inspection',
  });
  const startedOn = form.date('startedOn', { label: 'Start date', required: true });
  const endedOn = form.date('endedOn', { label: 'End date', required: true });
  const publishedOn = form.date('publishedOn', { label: 'Date the report was published' });
  if (startedOn && endedOn && endedOn < startedOn)
    form.fail('endedOn', 'End date must be on or after the start date');
  if (endedOn && publishedOn && publishedOn < endedOn)
    form.fail('publishedOn', 'Date the report was published must be on or after the end date');

  const onScale = (field: string, scale: string, label: string): string | null => {
    const value = form.text(field, { label, max: 100 });
    if (value === '') return null;
    const points = framework.scales.get(scale) ?? [];
    if (!points.includes(value))
      form.fail(
        field,
        `${label} must be one of the ${framework.inspectorate} ${framework.name} ${scale}s: ${points.join(', ')}`,
      );
    return value;
  };
  let overall: string | null = null;
  if (framework.overallScale) overall = onScale('overall', framework.overallScale, 'Overall judgement');
  else if (form.text('overall', { label: 'Overall judgement', max: 100 }) !== '')
    form.fail('overall', `${framework.name} gives no overall judgement: judge each area instead`);
  const judgements = framework.areas.flatMap((a) => {
    const judgement = onScale(`area-${a.position}`, a.scale, a.area);
    return judgement ? [{ area: a.area, scale: a.scale, judgement }] : [];
  });
  const recommendations = form.lines('recommendations', {
    label: 'Recommendations',
    maxEach: 2000,
    maxCount: 60,
  });
  const values: InspectionValues = {
    service_id: service?.id ?? '',
    title,
    started_on: startedOn ?? '',
    ended_on: endedOn ?? '',
    published_on: publishedOn,
    overall_judgement: overall,
    report_url: form.url('reportUrl', 'Link to the report'),
    summary: form.text('summary', { label: 'Summary', max: 5000 }),
    next_expected_on: form.date('nextExpectedOn', { label: 'Next inspection expected' }),
    next_expected_note: form.text('nextExpectedNote', { label: 'About the next inspection', max: 300 }),
  };
  if (form.problems.length > 0) throw new ValidationError('The inspection was not saved', form.problems);
  return { values, judgements, recommendations };
}

function snapshot(input: InspectionInput, frameworkCode: string): Record<string, unknown> {
  return {
    framework: frameworkCode,
    ...input.values,
    judgements: input.judgements,
    recommendations: input.recommendations,
  };
}

export async function createInspection(
  db: Db,
  user: CurrentUser,
  frameworkCode: string,
  body: Record<string, unknown>,
): Promise<string> {
  authorize(user, 'inspection.write');
  const framework = await frameworkByCode(db, frameworkCode);
  const input = readInspectionForm(body, framework, await servicesOfCouncil(db, user.councilId));
  return db.transaction().execute(async (trx) => {
    const id = await insertInspection(trx, user.councilId, framework.code, user.id, input.values);
    await replaceJudgements(trx, user.councilId, id, framework.code, input.judgements);
    await syncRecommendations(trx, user.councilId, id, input.recommendations);
    await insertAudit(trx, {
      councilId: user.councilId,
      userId: user.id,
      action: 'create',
      entity: 'inspection',
      entityId: id,
      before: null,
      after: snapshot(input, framework.code),
    });
    return id;
  });
}

export async function editInspection(
  db: Db,
  user: CurrentUser,
  rawId: string,
  body: Record<string, unknown>,
): Promise<void> {
  authorize(user, 'inspection.write');
  const id = recordId(rawId, 'inspection');
  await db.transaction().execute(async (trx) => {
    const before = await findInspection(trx, user.councilId, id);
    if (!before) throw new NotFoundError(`No inspection ${id}`);
    const version = new AssuranceForm(body).version();
    if (version === null)
      throw ValidationError.field(
        'version',
        'The form did not say which version you opened: reload the page and try again',
      );
    const what = `the inspection ${before.title}`;
    if (version !== before.version) throw await staleEdit(trx, 'inspection', id, what, before.version);
    const framework = await frameworkByCode(trx, before.framework_code);
    const input = readInspectionForm(body, framework, await servicesOfCouncil(trx, user.councilId));
    const withActions = await recommendationsWithActions(trx, id);
    const lost = [...withActions].filter((p) => p > input.recommendations.length).sort((a, b) => a - b);
    if (lost.length > 0)
      throw ValidationError.field(
        'recommendations',
        `Recommendation ${lost.join(', ')} has improvement actions raised on it, so it cannot be removed: keep ${lost.length === 1 ? 'its line' : 'their lines'}`,
      );
    const [judgementsBefore, recommendationsBefore] = await Promise.all([
      judgementsOf(trx, id),
      recommendationsOf(trx, id),
    ]);
    if (!(await updateInspection(trx, id, version, input.values))) {
      const now = await findInspection(trx, user.councilId, id);
      throw await staleEdit(trx, 'inspection', id, what, now?.version ?? version + 1);
    }
    await replaceJudgements(trx, user.councilId, id, framework.code, input.judgements);
    await syncRecommendations(trx, user.councilId, id, input.recommendations);
    await insertAudit(trx, {
      councilId: user.councilId,
      userId: user.id,
      action: 'update',
      entity: 'inspection',
      entityId: id,
      before: {
        ...before,
        judgements: judgementsBefore.map((j) => ({ area: j.area, judgement: j.judgement })),
        recommendations: recommendationsBefore.map((r) => r.text),
      },
      after: snapshot(input, framework.code),
    });
  });
}

export interface InspectionDetail {
  inspection: InspectionRow;
  framework: Framework;
  judgements: JudgementRow[];
  recommendations: { id: string; position: number; text: string }[];
}

/** One inspection in the caller's reach, with its judgements and recommendations. */
export async function inspectionDetail(db: Db, user: CurrentUser, rawId: string): Promise<InspectionDetail> {
  const id = recordId(rawId, 'inspection');
  const inspection = await findInspection(db, user.councilId, id);
  if (!inspection) throw new NotFoundError(`No inspection ${id}`);
  await requireInReach(db, user, 'assurance.read', inspection.service_id, 'inspection');
  const [framework, judgements, recommendations] = await Promise.all([
    frameworkByCode(db, inspection.framework_code),
    judgementsOf(db, id),
    recommendationsOf(db, id),
  ]);
  return { inspection, framework, judgements, recommendations };
}
