// Proves exported text that a spreadsheet would run as a formula comes back as text, and the rest is left alone.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { neutralised } from './spreadsheet-text.ts';

describe('neutralised', () => {
  test('text a spreadsheet would run as a formula is kept as text', () => {
    assert.equal(neutralised('=HYPERLINK("x")'), `'=HYPERLINK("x")`);
    assert.equal(neutralised('+1'), "'+1");
    assert.equal(neutralised('-1+2'), "'-1+2");
    assert.equal(neutralised('@SUM(A1)'), "'@SUM(A1)");
  });

  test('a leading tab or carriage return is neutralised too', () => {
    assert.equal(neutralised('\t=1+1'), "'\t=1+1");
    assert.equal(neutralised('\r=1+1'), "'\r=1+1");
  });

  test('text that only contains a formula later on is left as written', () => {
    assert.equal(neutralised('Fine as it is'), 'Fine as it is');
    assert.equal(neutralised('agreed with =SUM(A1) the contractor'), 'agreed with =SUM(A1) the contractor');
    assert.equal(neutralised(''), '');
  });
});
