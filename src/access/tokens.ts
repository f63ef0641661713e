// Random secrets for session cookies and API bearer tokens; only their SHA-256 is ever stored.
import { createHash, randomBytes } from 'node:crypto';

export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
