// Scotland's 32 councils by ONS GSS code (S12, as in use since 2019), found by the names Scottish sources write:
// the LGBF writes "Argyll & Bute", "Edinburgh City" and "Eilean Siar" where others write the official names.

const councils: [code: string, name: string, ...aliases: string[]][] = [
  ['S12000033', 'Aberdeen City'],
  ['S12000034', 'Aberdeenshire'],
  ['S12000041', 'Angus'],
  ['S12000035', 'Argyll and Bute'],
  ['S12000005', 'Clackmannanshire'],
  ['S12000006', 'Dumfries and Galloway'],
  ['S12000042', 'Dundee City'],
  ['S12000008', 'East Ayrshire'],
  ['S12000045', 'East Dunbartonshire'],
  ['S12000010', 'East Lothian'],
  ['S12000011', 'East Renfrewshire'],
  ['S12000036', 'City of Edinburgh', 'Edinburgh City', 'Edinburgh'],
  ['S12000013', 'Na h-Eileanan Siar', 'Eilean Siar', 'Comhairle nan Eilean Siar', 'Western Isles'],
  ['S12000014', 'Falkirk'],
  ['S12000047', 'Fife'],
  ['S12000049', 'Glasgow City'],
  ['S12000017', 'Highland'],
  ['S12000018', 'Inverclyde'],
  ['S12000019', 'Midlothian'],
  ['S12000020', 'Moray'],
  ['S12000021', 'North Ayrshire'],
  ['S12000050', 'North Lanarkshire'],
  ['S12000023', 'Orkney Islands', 'Orkney'],
  ['S12000048', 'Perth and Kinross'],
  ['S12000038', 'Renfrewshire'],
  ['S12000026', 'Scottish Borders'],
  ['S12000027', 'Shetland Islands', 'Shetland'],
  ['S12000028', 'South Ayrshire'],
  ['S12000029', 'South Lanarkshire'],
  ['S12000030', 'Stirling'],
  ['S12000039', 'West Dunbartonshire'],
  ['S12000040', 'West Lothian'],
];

/** Case, spacing and "&" against "and" do not tell two councils apart. */
function folded(name: string): string {
  return name.toLowerCase().replace(/&/g, ' and ').replace(/\s+/g, ' ').trim();
}

const byName = new Map<string, string>();
for (const [code, ...names] of councils) for (const name of names) byName.set(folded(name), code);

/** The GSS code of a Scottish council named as a source writes it, or null. */
export function scottishCouncilCode(name: string): string | null {
  return byName.get(folded(name)) ?? null;
}

export const scottishCouncilCount = councils.length;
