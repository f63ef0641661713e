// Shared set-up for the saveValue tests: a fresh database with a council, an officer and a scoped data owner,
// and an assertion that a save fails with a given status and field message.
import assert from 'node:assert/strict';
import type { CurrentUser } from '../access/current-user.ts';
import type { Role } from '../db/schema.ts';
import { aCouncil, aUser, type Place } from '../reporting/fixtures.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { AppError } from '../web/errors.ts';
import { saveValue, type SaveRequest } from './values.service.ts';

export interface SaveWorld {
  t: TestDatabase;
  place: Place;
  officer: CurrentUser;
  owner: CurrentUser;
  save(
    code: string,
    period: string,
    input: SaveRequest['input'],
    user?: CurrentUser,
  ): ReturnType<typeof saveValue>;
}

export async function saveWorld(): Promise<SaveWorld> {
  const t = await freshDatabase('empty');
  const place = await aCouncil(t.db);
  const userOf = async (role: Role, serviceId?: string): Promise<CurrentUser> => ({
    id: await aUser(t.db, place.councilId, role, serviceId),
    councilId: place.councilId,
    email: 'x@test.example',
    displayName: 'Tester',
    role,
    scopes: serviceId ? [{ type: 'service', id: serviceId }] : [],
    servicesInScope: serviceId ? [serviceId] : [],
    csrfToken: null,
    tokenActions: null,
  });
  const officer = await userOf('performance_officer');
  const owner = await userOf('data_owner', place.serviceId);
  return {
    t,
    place,
    officer,
    owner,
    save: (code, period, input, user = officer) =>
      saveValue(t.db, { user, code, period, input, source: 'form' }),
  };
}

/** Asserts the save fails with this status and that some field problem carries the expected message. */
export async function rejects(
  promise: Promise<unknown>,
  status: number,
  field: string,
  message: string | RegExp,
): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.statusCode, status);
    const problem = error.details.find((d) => d.field === field);
    assert.ok(problem, `a problem on ${field}: ${JSON.stringify(error.details)}`);
    if (typeof message === 'string') assert.equal(problem.message, message);
    else assert.match(problem.message, message);
    return true;
  });
}
