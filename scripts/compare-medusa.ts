/**
 * `npm run compare:medusa`: runs the same cases against our dev server (`npm start`) and a real
 * Medusa 2.21.2 (seeded by its capture script: product `peer-tee`, items WIDGET-1 and GADGET-1) and
 * prints, per group of routes, how many answers are identical, deliberately different
 * (docs/medusa.md) or unexplained. Both catalogs differ in their data, so an answer is compared by
 * its status, its shape (the keys at every depth, arrays by the union of their elements) and its
 * error message with IDs masked. Not part of `npm test`: it needs both servers running.
 *
 * The write cases make what they write on each side with this run's suffix (items
 * `m-compare-<run>-A`/`-B`, a reservation on the first), use the IDs each side answers in later
 * cases, and delete it all at the end, so a second run gives the same tallies.
 * Cases: scripts/compare-medusa/*Cases.ts; sending and shapes: scripts/compare-medusa/model.ts.
 *
 * Environment: OURS_URL (default http://127.0.0.1:3000), OURS_TOKEN (default: `npm run token` for
 * tenant_demo), MEDUSA_URL (default http://localhost:9000), ADMIN_EMAIL, ADMIN_PASSWORD.
 */
import { itemReadCases, itemSetupCases, itemTeardownCases } from '#scripts/compare-medusa/inventoryItemCases';
import { levelBatchCases } from '#scripts/compare-medusa/levelBatchCases';
import { linkCases } from '#scripts/compare-medusa/linkCases';
import { type Case, type Cleanup, call, filled, type Group, send, type Side } from '#scripts/compare-medusa/model';
import { reservationCases, reservationTeardownCases } from '#scripts/compare-medusa/reservationCases';
import { medusaSide, oursSide } from '#scripts/compare-medusa/sides';
import { stockLocationCases } from '#scripts/compare-medusa/stockLocationCases';

/** What a refused case may have made on one side only (Medusa takes what we refuse). */
const LEFTOVERS: Cleanup[] = [
  { method: 'DELETE', path: '/admin/reservations/{RS0}' },
  { method: 'DELETE', path: '/admin/reservations/{RS}' },
  { method: 'DELETE', path: '/admin/inventory-items/{NI4}' },
  { method: 'DELETE', path: '/admin/inventory-items/{NI3}' },
  { method: 'DELETE', path: '/admin/inventory-items/{NI2}' },
  { method: 'DELETE', path: '/admin/inventory-items/{NI}' },
];

const STEPS: (Case[] | 'sweep')[] = [
  stockLocationCases,
  linkCases,
  itemSetupCases,
  itemReadCases,
  levelBatchCases,
  reservationCases,
  'sweep',
  reservationTeardownCases,
  itemTeardownCases,
  'sweep',
];

async function sweep(sides: Side[]) {
  for (const side of sides) {
    for (const cleanup of LEFTOVERS) {
      if (filled(cleanup.path, side.ids)) await send(side, cleanup);
    }
  }
}

const run = `${Date.now().toString(36)}`;
const [ours, medusa] = [oursSide(run), await medusaSide(run)];
type Verdict = 'identical' | 'deliberate' | 'unexplained';
const tallies = new Map<Group, Record<Verdict, number>>();
try {
  for (const step of STEPS) {
    if (step === 'sweep') {
      await sweep([ours, medusa]);
      continue;
    }
    for (const test of step) {
      const [a, b] = [await call(ours, test), await call(medusa, test)];
      const same = JSON.stringify(a) === JSON.stringify(b);
      const verdict: Verdict = same ? 'identical' : test.deliberate ? 'deliberate' : 'unexplained';
      const tally = tallies.get(test.group) ?? { identical: 0, deliberate: 0, unexplained: 0 };
      tally[verdict] += 1;
      tallies.set(test.group, tally);
      const why = same ? '' : `: ours ${a.status}, Medusa ${b.status}${test.deliberate ? ` (${test.deliberate})` : ''}`;
      console.log(`${verdict.padEnd(11)} [${test.group}] ${test.name}${why}`);
      if (verdict === 'unexplained') console.log(`  ours   ${JSON.stringify(a.shape)}\n  Medusa ${JSON.stringify(b.shape)}`);
    }
  }
} finally {
  await sweep([ours, medusa]);
}

const total = { cases: 0, identical: 0, deliberate: 0, unexplained: 0 };
console.log('\n| routes | cases | identical | deliberate | unexplained |\n|---|---|---|---|---|');
for (const [group, tally] of tallies) {
  const cases = tally.identical + tally.deliberate + tally.unexplained;
  console.log(`| ${group} | ${cases} | ${tally.identical} | ${tally.deliberate} | ${tally.unexplained} |`);
  total.cases += cases;
  total.identical += tally.identical;
  total.deliberate += tally.deliberate;
  total.unexplained += tally.unexplained;
}
console.log(`| all | ${total.cases} | ${total.identical} | ${total.deliberate} | ${total.unexplained} |`);
