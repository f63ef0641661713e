// A check of a CSV against a Frictionless Table Schema (https://datapackage.org/standard/table-schema/), for the
// open data's tests: the header is the fields in order, every cell is of its field's type, required cells are
// present and the primary key is unique. Covers the types and constraints the open data uses.

export interface TableSchema {
  fields: { name: string; type: string; constraints?: { required?: boolean } }[];
  primaryKey?: string[];
  missingValues?: string[];
}

const trueValues = ['true', 'True', 'TRUE', '1'];
const falseValues = ['false', 'False', 'FALSE', '0'];

/** Problems found, each naming its row (the file's line, the header being row 1) and field; none when it conforms. */
export function checkTableSchema(schema: TableSchema, table: readonly (readonly string[])[]): string[] {
  const names = schema.fields.map((f) => f.name);
  const header = table[0] ?? [];
  if (header.join(',') !== names.join(',')) return [`header is ${header.join(',')}, not ${names.join(',')}`];
  const missing = new Set(schema.missingValues ?? ['']);
  const key = schema.primaryKey ?? [];
  const keyIndexes = key.map((name) => names.indexOf(name));
  const seen = new Map<string, number>();
  const problems: string[] = [];
  for (const [i, cells] of table.slice(1).entries()) {
    const row = i + 2;
    if (cells.length !== names.length) {
      problems.push(`row ${row}: ${cells.length} cells, not ${names.length}`);
      continue;
    }
    for (const [j, field] of schema.fields.entries()) {
      const cell = cells[j] ?? '';
      if (missing.has(cell)) {
        if (field.constraints?.required || key.includes(field.name))
          problems.push(`row ${row} ${field.name}: is required`);
        continue;
      }
      if (!conforms(field.type, cell))
        problems.push(`row ${row} ${field.name}: "${cell}" is not a ${field.type}`);
    }
    const keyCells = keyIndexes.map((j) => cells[j] ?? '');
    if (key.length === 0 || keyCells.some((c) => missing.has(c))) continue;
    const value = keyCells.join(' | ');
    const earlier = seen.get(value);
    if (earlier !== undefined) problems.push(`row ${row}: primary key ${value} repeats row ${earlier}`);
    else seen.set(value, row);
  }
  return problems;
}

function conforms(type: string, cell: string): boolean {
  switch (type) {
    case 'string':
      return true;
    case 'integer':
      return /^[+-]?\d+$/.test(cell);
    case 'number':
      return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(cell) || ['NaN', 'INF', '-INF'].includes(cell);
    case 'boolean':
      return trueValues.includes(cell) || falseValues.includes(cell);
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(cell) && isCalendarDate(cell);
    case 'datetime':
      return (
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(cell) &&
        isCalendarDate(cell.slice(0, 10)) &&
        Number.isFinite(Date.parse(cell))
      );
    default:
      return false;
  }
}

function isCalendarDate(text: string): boolean {
  const at = new Date(`${text}T00:00:00Z`);
  return Number.isFinite(at.getTime()) && at.toISOString().slice(0, 10) === text;
}
