// `scorecard tokens …`: create a scoped, expiring API token (printed once), list tokens, revoke one.
import {
  type ApiTokenListing,
  createApiToken,
  DEFAULT_TOKEN_DAYS,
  listApiTokens,
  MOST_TOKEN_DAYS,
  revokeApiToken,
} from '../access/api-tokens.ts';
import { withRuntime } from './runtime.ts';

export const tokenScopeHelp =
  '"read" (every read the owner has), "all" (all the owner may do) or actions such as value.read value.write';
export const tokenDaysHelp = `expire after this many days (1 to ${MOST_TOKEN_DAYS}; default ${DEFAULT_TOKEN_DAYS})`;

export async function createTokenCommand(options: {
  email: string;
  scope: string[];
  name?: string;
  expiresInDays?: number;
}): Promise<void> {
  await withRuntime(async ({ db }) => {
    const token = await createApiToken(db, { ...options, scopes: options.scope.flatMap(splitList) });
    process.stderr.write('Keep this token now: it is not shown again, and only its SHA-256 is stored.\n');
    console.log(token);
  });
}

export async function listTokensCommand(options: { email?: string; json?: boolean }): Promise<void> {
  await withRuntime(async ({ db }) => {
    const tokens = await listApiTokens(db, { email: options.email });
    if (options.json) console.log(JSON.stringify(tokens, null, 2));
    else if (tokens.length === 0) console.log('No API tokens.');
    else tokens.forEach((token) => console.log(describe(token)));
  });
}

export async function revokeTokenCommand(id: string): Promise<void> {
  await withRuntime(async ({ db }) => {
    const token = await revokeApiToken(db, id);
    console.log(`Revoked ${describe(token)}`);
  });
}

/** "--scope read,value.write" and "--scope read --scope value.write" mean the same. */
function splitList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

function describe(token: ApiTokenListing): string {
  const state = token.revoked_at
    ? `revoked ${day(token.revoked_at)}`
    : token.expires_at && token.expires_at < new Date()
      ? `expired ${day(token.expires_at)}`
      : `expires ${token.expires_at ? day(token.expires_at) : 'never'}`;
  const used = token.last_used_at ? `last used ${day(token.last_used_at)}` : 'never used';
  return `${token.id}\t${token.email}\t${token.name || '(no name)'}\t${state}, ${used}\t${token.actions.join(' ')}`;
}

function day(at: Date): string {
  return at.toISOString().slice(0, 10);
}
