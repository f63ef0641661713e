// Password hashing with argon2id (OWASP's recommended parameters) and the rules a new password must meet.
import { hash, verify, Algorithm } from '@node-rs/argon2';

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

/** NCSC guidance: length over complexity. Returns a reason when the password is not acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return 'Password must be at least 12 characters';
  if (password.length > 256) return 'Password must be 256 characters or fewer';
  return null;
}
