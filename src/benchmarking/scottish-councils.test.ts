// Every name the LGBF files write resolves to one of Scotland's 32 councils, each to a different code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scottishCouncilCode, scottishCouncilCount } from './scottish-councils.ts';

// As written in the LGBF's indicator-data-annual.csv, family-groups.csv and indicator-data-quarterly.csv.
const lgbfNames = [
  'Aberdeen City',
  'Aberdeenshire',
  'Angus',
  'Argyll & Bute',
  'Clackmannanshire',
  'Dumfries & Galloway',
  'Dundee City',
  'East Ayrshire',
  'East Dunbartonshire',
  'East Lothian',
  'East Renfrewshire',
  'Edinburgh City',
  'Eilean Siar',
  'Falkirk',
  'Fife',
  'Glasgow City',
  'Highland',
  'Inverclyde',
  'Midlothian',
  'Moray',
  'North Ayrshire',
  'North Lanarkshire',
  'Orkney Islands',
  'Perth & Kinross',
  'Renfrewshire',
  'Scottish Borders',
  'Shetland Islands',
  'South Ayrshire',
  'South Lanarkshire',
  'Stirling',
  'West Dunbartonshire',
  'West Lothian',
];

test("resolves each of the LGBF's 32 council names to a distinct S12 code", () => {
  const codes = lgbfNames.map((name) => scottishCouncilCode(name));
  for (const [i, code] of codes.entries()) assert.match(code ?? '', /^S12\d{6}$/, lgbfNames[i]);
  assert.equal(new Set(codes).size, 32);
  assert.equal(scottishCouncilCount, 32);
});

test('reads the official names and the LGBF short forms alike', () => {
  assert.equal(scottishCouncilCode('Argyll and Bute'), scottishCouncilCode('Argyll & Bute'));
  assert.equal(scottishCouncilCode('City of Edinburgh'), 'S12000036');
  assert.equal(scottishCouncilCode('Na h-Eileanan Siar'), scottishCouncilCode('Eilean Siar'));
  assert.equal(scottishCouncilCode('  glasgow   city '), 'S12000049');
});

test('does not guess at a name that is not a Scottish council', () => {
  assert.equal(scottishCouncilCode('Scotland'), null);
  assert.equal(scottishCouncilCode('Trafford'), null);
  assert.equal(scottishCouncilCode(''), null);
});
