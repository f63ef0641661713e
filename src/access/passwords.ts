// Password hashing with argon2id (OWASP's recommended parameters) and the rules a new password must meet.
import { hash, verify, Algorithm } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

const options = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

const commonPasswords = new Set(dictionary.passwords.map((p) => p.toLowerCase()));

/**
 * NCSC guidance: length over complexity, and a deny-list rather than composition rules — the 49,000 most common
 * passwords (zxcvbn's list), and the person's own e-mail name or the product's name inside it. Returns the reason
 * when the password is not acceptable.
 */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  if (password.length < 12) return 'Password must be at least 12 characters';
  if (password.length > 256) return 'Password must be 256 characters or fewer';
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower))
    return 'Password is one of the most commonly used passwords: choose another';
  const name = context.email?.split('@')[0]?.toLowerCase() ?? '';
  if (name.length >= 4 && lower.includes(name)) return 'Password must not contain your e-mail address';
  if (/civic\s*scorecard/.test(lower)) return 'Password must not contain the name of this service';
  if (/^(.)\1+$/.test(password)) return 'Password must not be one character repeated';
  return null;
}
