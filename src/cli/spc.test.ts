// `scorecard spc` end to end: a JSON request on stdin or in a file gives the engine's result as JSON, with no
// database (DATABASE_URL points nowhere); a bad request names its field on stderr and exits with code 2.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assessSpc, type SpcRequest } from '../assessment/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function scorecard(args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/scorecard.js', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nowhere' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const request: SpcRequest = {
  values: [10, 12, 10, 12, null, 10, 12, 10, 12, 10, 12, 10, 12, 40],
  polarity: 'down',
  target: 5,
  phases: [2],
};

describe('scorecard spc', () => {
  test('reads the request from stdin and prints what assessSpc computes', async () => {
    const run = await scorecard(['spc', '-'], JSON.stringify(request));
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), JSON.parse(JSON.stringify(assessSpc(request))));
  });

  test('reads the request from a file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'scorecard-spc-'));
    try {
      const file = path.join(dir, 'request.json');
      await writeFile(file, JSON.stringify(request));
      const run = await scorecard(['spc', file]);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout), JSON.parse(JSON.stringify(assessSpc(request))));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  const bad: [name: string, stdin: string, field: string][] = [
    ['an empty series', JSON.stringify({ values: [], polarity: 'up' }), 'values'],
    ['an unknown polarity', JSON.stringify({ values: [1, 2], polarity: 'higher' }), 'polarity'],
    ['fixAfter below 2', JSON.stringify({ values: [1, 2, 3], polarity: 'up', fixAfter: 1 }), 'fixAfter'],
    ['text that is not JSON', 'values: 1, 2, 3', 'request'],
  ];
  for (const [name, stdin, field] of bad) {
    test(`exits with code 2 on ${name}, naming ${field} on stderr`, async () => {
      const run = await scorecard(['spc', '-'], stdin);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, new RegExp(`^scorecard spc: ${field}: `));
    });
  }
});
