// A person signs in with their council account in a real browser: our sign-in page (checked by axe), the
// provider's own page on loopback, and back to the page they asked for, signed in.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startSsoTestApp, type SsoTestApp } from '../src/testing/sso-app.ts';
import { accessibilityViolations, launchBrowser } from './browser.ts';

let app: SsoTestApp;
let browser: Browser;

before(async () => {
  app = await startSsoTestApp();
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
  await app.close();
});

test('a person signs in with their council account by clicking through the provider, and lands where they were going', async () => {
  app.provider.person('entra-browser-1', {
    email: 'performance@anytown.example',
    email_verified: true,
    roles: ['Scorecard.Performance'],
  });
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${app.baseUrl}/measures`);
  assert.match(new URL(page.url()).pathname, /^\/sign-in$/);
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.getByRole('button', { name: 'Sign in with your council account' }).click();
  await page.getByRole('heading', { name: 'Anytown Council sign-in' }).waitFor();
  assert.ok(page.url().startsWith(app.provider.issuer), page.url());
  await page.getByLabel('Account').fill('entra-browser-1');
  await Promise.all([
    page.waitForURL((url) => url.href.startsWith(app.baseUrl)),
    page.getByRole('button', { name: 'Continue' }).click(),
  ]);
  assert.equal(new URL(page.url()).pathname, '/measures');
  await page.getByText('Hannah Wright').first().waitFor();
});

test('a refusal is a readable page that passes axe', async () => {
  app.provider.person('entra-browser-2', {
    email: 'councillor@anytown.example',
    email_verified: true,
    roles: ['Other'],
  });
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${app.baseUrl}/sign-in`);
  await page.getByRole('button', { name: 'Sign in with your council account' }).click();
  await page.getByLabel('Account').fill('entra-browser-2');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText('not in any group that has access to Civic Scorecard').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
});
