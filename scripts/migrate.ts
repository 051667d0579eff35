import { parseCommandLine } from '#scripts/cli';
import { createProgressBar } from '#scripts/seed/progress';
import { runMigration } from '#shared/store/migration/runner';
import { MIGRATION_STEPS } from '#shared/store/migration/steps';

const USAGE = `usage: npm run migrate

Moves the table's items from earlier layouts to this version's, step by step (see
docs/operating.md, Migrations). Each step scans the table once, in segments, and saves its
position after every page: an interrupted run resumes where it stopped, a finished step is
not run again, and running it twice changes nothing. The API may serve traffic meanwhile:
every write is conditional on what the step read.

Environment:
  DYNAMODB_ENDPOINT    DynamoDB to migrate (default: the AWS account of the shell's credentials)
  TABLE_NAME           the table (required)

Options:
  -h, --help           print this help`;

parseCommandLine(USAGE, { options: {}, allowPositionals: false });
if (!process.env.TABLE_NAME) {
  process.stderr.write(`TABLE_NAME is required\n\n${USAGE}\n`);
  process.exit(2);
}
let bar: ReturnType<typeof createProgressBar> | undefined;
let current = '';
const reports = await runMigration(MIGRATION_STEPS, {
  onPage: (step, items) => {
    if (step !== current) {
      bar?.done();
      current = step;
      bar = createProgressBar(process.stderr, 0, `step ${step}`);
    }
    bar?.update(items);
  },
});
bar?.done();
for (const report of reports) {
  process.stdout.write(`${report.step}: ${JSON.stringify(report.counts)}\n`);
  for (const left of report.left) process.stdout.write(`  left as it was: ${left}\n`);
}
process.exit(reports.some((report) => report.left.length > 0) ? 1 : 0);
