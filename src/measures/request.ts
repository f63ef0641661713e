// The signed-in user of a request; the guard has already refused anonymous callers on every measures route.
import type { FastifyRequest } from 'fastify';
import type { CurrentUser } from '../access/current-user.ts';
import { AuthenticationError } from '../web/errors.ts';

export function userOf(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new AuthenticationError();
  return request.user;
}
