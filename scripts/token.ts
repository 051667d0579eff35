/** `npm run --silent token -- --tenant <id> [--scope s] [--roles A,B] [--hours n]`: prints only a dev JWT. */
import { DEMO_TENANT_ID } from '#functions/commons/demo';
import { exitWithUsage, parseCommandLine } from '#scripts/cli';
import { DEV_ADMIN_SCOPE, DEV_ISSUER_FILE, DEV_SCOPE, loadOrCreateDevIssuer, mintToken } from '#scripts/local/devIssuer';

const USAGE = `usage: npm run --silent token -- --tenant <tenant id> [--scope <scopes>] [--roles <A,B>] [--hours <n>]

Prints a JWT, and nothing else, that the local server (npm start) accepts: it is
signed with the dev key kept in ${DEV_ISSUER_FILE}.

Options:
  --tenant <id>      the tenant the token names (claim tenant_id); required
  --scope <scopes>   its permissions, space-separated (default "${DEV_SCOPE}";
                     the admin routes need "${DEV_ADMIN_SCOPE}")
  --roles <A,B>      its OrderCloud roles, comma-separated (default FullAccess)
  --hours <n>        how long it stays valid (default 12)
  -h, --help         print this help

Example:
  export TOKEN=$(npm run --silent token -- --tenant ${DEMO_TENANT_ID})`;

const { values } = parseCommandLine(USAGE, {
  options: {
    tenant: { type: 'string' },
    scope: { type: 'string' },
    roles: { type: 'string' },
    hours: { type: 'string', default: '12' },
  },
});

if (!values.tenant) exitWithUsage(USAGE, '--tenant is required');
const hours = Number(values.hours);
if (!Number.isFinite(hours) || hours <= 0) exitWithUsage(USAGE, '--hours must be a positive number');

const issuer = loadOrCreateDevIssuer(DEV_ISSUER_FILE);
process.stdout.write(
  `${mintToken(issuer, {
    tenantId: values.tenant,
    expiresInSeconds: Math.round(hours * 3600),
    ...(values.scope === undefined ? {} : { scope: values.scope }),
    ...(values.roles === undefined ? {} : { roles: values.roles.split(',').filter(Boolean) }),
  })}\n`,
);
