// Browser-test support: Debian's Chromium driven by playwright-core (no downloaded browser), and axe checks.
import { after, before } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/demo/users.ts';
import { startTestApp, type TestApp } from '../src/testing/app.ts';
import type { Mailer } from '../src/jobs/mailer.ts';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function signInAs(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/sign-in')),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

/** WCAG 2.2 AA violations on the current page, as readable lines (empty when there are none). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join('; ')}`,
  );
}

/**
 * The demo app and a browser for one test file: started before its tests, closed after. `pageAs` opens a fresh
 * page signed in as a demo user; `url` is a path on the app.
 */
/** `reportMailer`: work the reports queue too (generation and announcements), sending through it. */
export function demoSiteInBrowser(options: { reportMailer?: Mailer } = {}): {
  url(path: string): string;
  pageAs(email: string): Promise<Page>;
  /** A fresh page with no one signed in: a resident on the public site. */
  anonymousPage(): Promise<Page>;
} {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  // Anything the Content-Security-Policy blocked on any page of the file fails it: the policy must fit the app.
  const blocked: string[] = [];
  before(async () => {
    app = await startTestApp('demo', { reportMailer: options.reportMailer });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    if (blocked.length > 0) throw new Error(`the Content-Security-Policy blocked: ${blocked.join(' | ')}`);
  });
  const started = () => {
    if (!app || !browser) throw new Error('demoSiteInBrowser: used before its before() hook ran');
    return { app, browser };
  };
  // Not a method: callers take pageAs and anonymousPage out of the object.
  const anonymousPage = async (): Promise<Page> => {
    const page = await (await started().browser.newContext()).newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(`${page.url()}: ${message.text()}`);
    });
    return page;
  };
  return {
    url: (path) => `${started().app.baseUrl}${path}`,
    pageAs: async (email) => {
      const page = await anonymousPage();
      await signInAs(page, started().app.baseUrl, email, DEMO_PASSWORD);
      return page;
    },
    anonymousPage,
  };
}
