// Use cases for changing the organisation: adding and editing directorates and the services within them.
import type { CurrentUser } from '../access/current-user.ts';
import type { Db } from '../db/connection.ts';
import { type Editor, recordForEdit, saveRecord, type SelectItem } from './editing.service.ts';
import {
  type DirectorateValues,
  idsByCode,
  insertDirectorate,
  insertService,
  type ServiceValues,
  updateDirectorate,
  updateService,
} from './edits.queries.ts';
import {
  type DirectorateRow,
  findDirectorate,
  findService,
  listDirectorates,
  type ServiceRow,
} from './structure.queries.ts';

const directorateEditor: Editor<DirectorateRow, DirectorateValues> = {
  entity: 'directorate',
  table: 'directorates',
  find: findDirectorate,
  async read(_db, _councilId, form, code) {
    return {
      code,
      name: form.text('name', { label: 'Name', max: 200, required: 'Enter the name of the directorate' }),
      director_name: form.text('directorName', { label: 'Director', max: 120 }),
    };
  },
  insert: insertDirectorate,
  update: updateDirectorate,
  snapshot: (row) => ({
    code: row.code,
    name: row.name,
    directorName: row.director_name,
    version: row.version,
  }),
};

const serviceEditor: Editor<ServiceRow, ServiceValues> = {
  entity: 'service',
  table: 'services',
  find: findService,
  async read(db, councilId, form, code) {
    const name = form.text('name', { label: 'Name', max: 200, required: 'Enter the name of the service' });
    const headOfService = form.text('headOfService', { label: 'Head of service', max: 120 });
    const directorateCode = form.text('directorate', {
      label: 'Directorate',
      max: 30,
      required: 'Select the directorate the service belongs to',
    });
    const directorateId = directorateCode
      ? (await idsByCode(db, 'directorates', councilId, [directorateCode])).get(directorateCode)
      : undefined;
    if (directorateCode && !directorateId) {
      form.fail(
        'directorate',
        `There is no directorate ${directorateCode} in this council: select one from the list`,
      );
    }
    return { code, name, head_of_service: headOfService, directorate_id: directorateId ?? '' };
  },
  insert: insertService,
  update: updateService,
  snapshot: (row) => ({
    code: row.code,
    name: row.name,
    headOfService: row.head_of_service,
    directorate: row.directorate_code,
    version: row.version,
  }),
};

export const saveDirectorate = (db: Db, user: CurrentUser, body: Record<string, unknown>, code?: string) =>
  saveRecord(db, user, directorateEditor, body, code);

export const directorateForEdit = (db: Db, user: CurrentUser, code: string) =>
  recordForEdit(db, user, directorateEditor, code);

export const saveService = (db: Db, user: CurrentUser, body: Record<string, unknown>, code?: string) =>
  saveRecord(db, user, serviceEditor, body, code);

export const serviceForEdit = (db: Db, user: CurrentUser, code: string) =>
  recordForEdit(db, user, serviceEditor, code);

export async function directorateChoices(db: Db, user: CurrentUser): Promise<SelectItem[]> {
  const directorates = await listDirectorates(db, user.councilId);
  return directorates.map((d) => ({ value: d.code, text: d.name }));
}
