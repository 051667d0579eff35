/** `npm run --silent token -- --tenant <id> [--scope s] [--roles A,B] [--hours n]`: prints only a dev JWT. */
import { parseArgs } from 'node:util';
import { DEV_ISSUER_FILE, loadOrCreateDevIssuer, mintToken } from '#scripts/local/devIssuer';

const { values } = parseArgs({
  options: {
    tenant: { type: 'string' },
    scope: { type: 'string' },
    roles: { type: 'string' },
    hours: { type: 'string', default: '12' },
  },
});

if (!values.tenant) {
  console.error(
    'usage: npm run --silent token -- --tenant <tenant id> [--scope "inventory/write"] [--roles FullAccess,ProductAdmin] [--hours 12]',
  );
  process.exit(2);
}
const hours = Number(values.hours);
if (!Number.isFinite(hours) || hours <= 0) {
  console.error('--hours must be a positive number');
  process.exit(2);
}

const issuer = loadOrCreateDevIssuer(DEV_ISSUER_FILE);
process.stdout.write(
  `${mintToken(issuer, {
    tenantId: values.tenant,
    expiresInSeconds: Math.round(hours * 3600),
    ...(values.scope === undefined ? {} : { scope: values.scope }),
    ...(values.roles === undefined ? {} : { roles: values.roles.split(',').filter(Boolean) }),
  })}\n`,
);
