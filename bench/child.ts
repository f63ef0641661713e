// What a benchmark's measured child process shares: its settings from the environment its parent gave it, and one
// line of JSON on stdout as its report (an error on stderr and exit code 1 otherwise).

/** A setting the parent benchmark must give; `child` names the script for the message. */
export function required(name: string, child: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: ${child} is started by its benchmark, not run by hand`);
  return value;
}

export async function reportOnStdout(main: () => Promise<unknown>): Promise<void> {
  try {
    process.stdout.write(`${JSON.stringify(await main())}\n`);
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  }
}
