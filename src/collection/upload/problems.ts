// The error an upload is refused with as a whole (too big, unreadable, a required column missing), as opposed
// to a problem on one row, which the preview reports beside the others.
import { ValidationError } from '../../web/errors.ts';

export class UploadRefused extends ValidationError {
  constructor(message: string) {
    super(message, [{ field: 'file', message }]);
  }
}

export function tooManyRows(maxRows: number): UploadRefused {
  return new UploadRefused(
    `The file has more than ${maxRows.toLocaleString('en-GB')} rows of figures; split it into smaller files`,
  );
}
