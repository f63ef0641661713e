// An error that asks the CLI to exit with a particular code, for outcomes a script must tell apart from failure.
export class ExitWith extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
