// Settings read once from the environment, with the defaults a fresh clone needs.
import { randomBytes } from 'node:crypto';
import { readSsoConfig, type SsoConfig, yesNo } from './access/sso/sso-config.ts';

export interface Config {
  port: number;
  host: string;
  /** Signs nothing secret today; sessions are random tokens stored hashed. Kept for cookie signing. */
  sessionSecret: string;
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  logLevel: string;
  /** smtp://user:pass@host:port; without it e-mails are logged, not sent. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Where people reach the app, for links in e-mails. */
  publicUrl: string;
  /** PUBLIC_COUNCIL: the slug of the council whose residents' site `/public` is; the first council when unset. */
  publicCouncil: string | undefined;
  /** PUBLIC_HOST: a host name of the residents' own (e.g. performance.anytown.gov.uk), whose `/` is `/public`. */
  publicHost: string | undefined;
  /** PUBLIC_CHECK_MS: how often the residents' site looks for changed data (ms; 0 = on every request). */
  publicCheckMs: number;
  /** The open data's licence (OPEN_DATA_LICENCE_NAME, _TITLE, _PATH): the Open Government Licence v3.0 unless set. */
  openDataLicence: OpenDataLicence;
  /** PUBLIC_RATE_LIMIT: requests a minute one client address may make to the public API, downloads and feed (1,200). */
  publicRateLimit: number;
  /** Single sign-on with OpenID Connect (OIDC_*, src/access/sso/sso-config.ts); undefined when off. */
  sso: SsoConfig | undefined;
  /** LOCAL_SIGN_IN: whether people may sign in with a password here (true unless set false). */
  localSignIn: boolean;
}

/** A Data Package licence: an SPDX-style id, its name in words, and where to read it. */
export interface OpenDataLicence {
  name: string;
  title: string;
  path: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '127.0.0.1';
  const sso = readSsoConfig(env);
  const localSignIn = yesNo(env.LOCAL_SIGN_IN, 'LOCAL_SIGN_IN', true);
  if (!localSignIn && !sso)
    throw new Error('LOCAL_SIGN_IN=false needs single sign-on (OIDC_ISSUER): otherwise no one could sign in');
  return {
    port,
    host,
    publicUrl: (env.PUBLIC_URL ?? `http://${host}:${port}`).replace(/\/$/, ''),
    sessionSecret: env.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    secureCookies: env.SECURE_COOKIES === 'true',
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 120),
    sessionAbsoluteHours: Number(env.SESSION_ABSOLUTE_HOURS ?? 12),
    logLevel: env.LOG_LEVEL ?? 'info',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Civic Scorecard <performance@scorecard.invalid>',
    publicCouncil: env.PUBLIC_COUNCIL || undefined,
    publicHost: env.PUBLIC_HOST?.toLowerCase() || undefined,
    publicCheckMs: Number(env.PUBLIC_CHECK_MS ?? 1000),
    openDataLicence: {
      name: env.OPEN_DATA_LICENCE_NAME || 'OGL-UK-3.0',
      title: env.OPEN_DATA_LICENCE_TITLE || 'Open Government Licence v3.0',
      path:
        env.OPEN_DATA_LICENCE_PATH ||
        'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    },
    publicRateLimit: positiveWhole(env.PUBLIC_RATE_LIMIT, 'PUBLIC_RATE_LIMIT', 1200),
    sso,
    localSignIn,
  };
}

function positiveWhole(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${name} must be a whole number of 1 or more, not "${text}"`);
  return n;
}
