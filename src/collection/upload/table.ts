// What a CSV or an XLSX reads as before its columns mean anything: numbered rows of cell text. Row numbers are
// the ones a spreadsheet shows (the header is row 1), so a message's "row 12" is where the person looks.

export interface RawRow {
  row: number;
  cells: string[];
}

export interface RawTable {
  header: string[];
  rows: RawRow[];
}
