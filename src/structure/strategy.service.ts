// Use cases for changing the Council Strategy: adding and editing its priorities and their outcomes.
import type { CurrentUser } from '../access/current-user.ts';
import { authorize } from '../access/permissions.ts';
import type { Db } from '../db/connection.ts';
import { type Editor, recordForEdit, saveRecord, type SelectItem, type Snapshot } from './editing.service.ts';
import {
  idsByCode,
  insertOutcome,
  insertPriority,
  nextPosition,
  type OutcomeValues,
  type PriorityValues,
  updateOutcome,
  updatePriority,
} from './edits.queries.ts';
import type { FormReader } from './form-reader.ts';
import {
  currentStrategy,
  findOutcome,
  findPriority,
  listPriorities,
  type PriorityRow,
} from './structure.queries.ts';

function readTitled(form: FormReader): Omit<PriorityValues, 'code'> {
  return {
    title: form.text('title', { label: 'Title', max: 200, required: 'Enter a title' }),
    description: form.text('description', { label: 'Description', max: 2000 }),
    position: form.wholeNumber('position', { label: 'Position', min: 0, max: 999 }),
  };
}

const priorityEditor: Editor<PriorityRow, PriorityValues & { strategyId: string | null }> = {
  entity: 'priority',
  table: 'priorities',
  find: findPriority,
  async read(db, councilId, form, code, existing) {
    // A new priority joins the current strategy; an existing one stays in the strategy it belongs to.
    const strategy = existing ? undefined : await currentStrategy(db, councilId);
    if (!existing && !strategy)
      form.fail('code', 'There is no current Council Strategy to add a priority to');
    return { code, ...readTitled(form), strategyId: strategy?.id ?? null };
  },
  async insert(db, councilId, values) {
    if (!values.strategyId) throw new Error('a new priority needs the current strategy');
    return insertPriority(db, councilId, values.strategyId, values);
  },
  update: updatePriority,
  snapshot: (row) => ({
    code: row.code,
    title: row.title,
    description: row.description,
    position: row.position,
    version: row.version,
  }),
};

type OutcomeRecord = PriorityRow & { priority_id: string; priority_code: string };

const outcomeEditor: Editor<OutcomeRecord, OutcomeValues> = {
  entity: 'outcome',
  table: 'outcomes',
  find: findOutcome,
  async read(db, councilId, form, code) {
    const priorityCode = form.text('priority', {
      label: 'Priority',
      max: 30,
      required: 'Select the priority this outcome serves',
    });
    const priorityId = priorityCode
      ? (await idsByCode(db, 'priorities', councilId, [priorityCode])).get(priorityCode)
      : undefined;
    if (priorityCode && !priorityId)
      form.fail('priority', `There is no priority ${priorityCode}: select one from the list`);
    return { code, priority_id: priorityId ?? '', ...readTitled(form) };
  },
  insert: insertOutcome,
  update: updateOutcome,
  snapshot: (row) => ({
    code: row.code,
    priority: row.priority_code,
    title: row.title,
    description: row.description,
    position: row.position,
    version: row.version,
  }),
};

export const savePriority = (db: Db, user: CurrentUser, body: Record<string, unknown>, code?: string) =>
  saveRecord(db, user, priorityEditor, body, code);

export const priorityForEdit = (db: Db, user: CurrentUser, code: string) =>
  recordForEdit(db, user, priorityEditor, code);

export const saveOutcome = (db: Db, user: CurrentUser, body: Record<string, unknown>, code?: string) =>
  saveRecord(db, user, outcomeEditor, body, code);

export const outcomeForEdit = (db: Db, user: CurrentUser, code: string) =>
  recordForEdit(db, user, outcomeEditor, code);

/** A new priority's form starts at the end of the current strategy's list. */
export async function newPriority(db: Db, user: CurrentUser): Promise<Partial<Snapshot>> {
  authorize(user, 'structure.write');
  const strategy = await currentStrategy(db, user.councilId);
  return { position: strategy ? await nextPosition(db, 'priorities', strategy.id) : 1 };
}

/** A new outcome's form, under the priority it was opened from when there is one, at the end of its list. */
export async function newOutcome(
  db: Db,
  user: CurrentUser,
  priorityCode: string | undefined,
): Promise<Partial<Snapshot>> {
  authorize(user, 'structure.write');
  const priority = priorityCode ? await findPriority(db, user.councilId, priorityCode) : undefined;
  if (!priority) return { position: 1 };
  return { priority: priority.code, position: await nextPosition(db, 'outcomes', priority.id) };
}

/** The current strategy's priorities, to choose an outcome's priority from. */
export async function priorityChoices(db: Db, user: CurrentUser): Promise<SelectItem[]> {
  const strategy = await currentStrategy(db, user.councilId);
  if (!strategy) return [];
  const priorities = await listPriorities(db, user.councilId, strategy.id);
  return priorities.map((p) => ({ value: p.code, text: `${p.code}: ${p.title}` }));
}
