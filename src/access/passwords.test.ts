// New passwords follow NCSC guidance: long enough, not on the deny-list, not the person's own name; no composition rules.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passwordProblem } from './passwords.ts';

test('a long passphrase of ordinary words is accepted without digits or symbols', () => {
  assert.equal(passwordProblem('correct horse battery staple'), null);
  assert.equal(passwordProblem('anytown-demo-2026'), null);
});

test('short and overlong passwords are refused, saying the limit', () => {
  assert.equal(passwordProblem('Sh0rt!pass'), 'Password must be at least 12 characters');
  assert.equal(passwordProblem('x'.repeat(257)), 'Password must be 256 characters or fewer');
});

test('the most common passwords are refused whatever their case', () => {
  for (const common of ['password1234', 'PASSWORD1234', 'qwertyuiop123', '123456789012'])
    assert.equal(
      passwordProblem(common),
      'Password is one of the most commonly used passwords: choose another',
      common,
    );
});

test("a password holding the person's e-mail name, the service's name or one repeated character is refused", () => {
  assert.equal(
    passwordProblem('jane.smith-is-great', { email: 'jane.smith@anytown.example' }),
    'Password must not contain your e-mail address',
  );
  assert.equal(
    passwordProblem('my Civic Scorecard pass'),
    'Password must not contain the name of this service',
  );
  assert.equal(passwordProblem('aaaaaaaaaaaaaaaa'), 'Password must not be one character repeated');
});
