import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler as updateSettings } from '#functions/admin/updateBusinessSettings/handler';
import { keys } from '#shared/store/keys';
import { invoke } from '#test/support/http';
import { bearer, db, seedTenant, table, tokenFor } from '#test/support/tenants';

/**
 * `PATCH /admin/settings` from 100 writers at once on one business's settings (one item): each
 * request is either applied (2xx, at a revision of its own) or shed with 503 and Retry-After in
 * the admin envelope. Nothing else, and nothing lost: the item's revision counts every 2xx.
 */
const WRITERS = 100;
const admin = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId, { scope: 'inventory/admin' })) });

describe('PATCH /admin/settings with 100 concurrent writers on one item', () => {
  it('applies every 2xx (the revision counts them) and sheds the rest with 503 and Retry-After', async () => {
    const tenantId = await seedTenant({ name: 'Hot settings', locations: [{ id: 'wh_1', name: 'One' }] });
    const replies = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        invoke(updateSettings, {
          path: '/admin/settings',
          routeKey: 'PATCH /admin/settings',
          headers: admin(tenantId),
          body: { name: `Writer ${i}` },
        }),
      ),
    );
    const applied = replies.filter((reply) => reply.status === 200);
    const shed = replies.filter((reply) => reply.status === 503);
    expect(applied.length + shed.length).toBe(WRITERS);
    for (const reply of shed) {
      expect(Number(reply.headers['retry-after'])).toBeGreaterThan(0);
      expect(reply.body).toMatchObject({ status: 503 });
    }
    // Each applied write moved the revision by one: none was overwritten by another's read.
    const { Item } = await db.send(new GetCommand({ TableName: table, Key: keys.tenant(tenantId), ConsistentRead: true }));
    expect(Item!.rev).toBe(applied.length);
    // The last one applied is what is stored, and it is one of those answered 2xx.
    expect(applied.map((reply) => reply.body.name)).toContain(Item!.name);
    expect(applied.length).toBeGreaterThan(0);
  });
});
