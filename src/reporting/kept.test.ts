// Kept: work made once per key, shared by callers asking at once, and let go least recently used first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Kept } from './kept.ts';

test('makes a value once and returns the kept one afterwards', async () => {
  const kept = new Kept<string>(100, (v) => v.length);
  let made = 0;
  const make = async () => `v${++made}`;
  assert.equal(await kept.get('a', make), 'v1');
  assert.equal(await kept.get('a', make), 'v1');
  assert.equal(made, 1);
});

test('callers asking for the same key at once share one making of it', async () => {
  const kept = new Kept<string>(100, (v) => v.length);
  let made = 0;
  let finish: (v: string) => void = () => {};
  const make = () => {
    made++;
    return new Promise<string>((resolve) => (finish = resolve));
  };
  const first = kept.get('a', make);
  const second = kept.get('a', make);
  finish('file');
  assert.deepEqual(await Promise.all([first, second]), ['file', 'file']);
  assert.equal(made, 1);
});

test('a failed making is not kept: the next caller tries again', async () => {
  const kept = new Kept<string>(100, (v) => v.length);
  await assert.rejects(
    kept.get('a', () => Promise.reject(new Error('writer failed'))),
    /writer failed/,
  );
  assert.equal(await kept.get('a', async () => 'ok'), 'ok');
});

test('past its limit it lets the least recently used go, and never keeps what alone exceeds it', () => {
  const kept = new Kept<string>(10, (v) => v.length);
  kept.getSync('a', () => 'aaaa');
  kept.getSync('b', () => 'bbbb');
  kept.getSync('a', () => 'never'); // a is now the most recently used
  kept.getSync('c', () => 'cccc'); // 12 > 10: b goes
  assert.equal(kept.size, 8);
  assert.equal(
    kept.getSync('a', () => 'again'),
    'aaaa',
  );
  assert.equal(
    kept.getSync('b', () => 'BBBB'),
    'BBBB',
  );
  assert.equal(
    kept.getSync('huge', () => 'x'.repeat(11)),
    'x'.repeat(11),
  );
  assert.equal(
    kept.getSync('huge', () => 'made again'),
    'made again',
  );
});
