/** The OrderCloud list's unfiltered page: its cost follows the page, not the records the variant holds. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LambdaHandler } from '#functions/routes';
import type { DevIssuer } from '#scripts/local/devIssuer';
import { loadFixtures } from '#shared/store/fixtures';
import { TABLE } from './harness.ts';
import type { Recorder } from './recorder.ts';
import { compareSeededTenants } from './scale.ts';
import { range } from './workload.ts';

export const PAGE_COST = { large: 1_000, small: 20, pageSize: 20 };

/**
 * Page 1 of 20 records of a variant holding 1,000 against one holding 20, requests interleaved:
 * items DynamoDB read for each (the Query's ScannedCount: the page, then the BatchGet of the
 * variant and its count, which scans nothing) and the latency ratio, whose goal is ≤ 1.1.
 */
export async function measureRecordPageCost(
  handlers: Map<string, LambdaHandler>,
  recorder: Recorder,
  raw: DynamoDBDocumentClient,
  issuer: DevIssuer,
) {
  const compared = await compareSeededTenants(handlers, recorder, issuer, {
    route: 'listVariantInventoryRecords',
    tenants: { small: `benchpage_${PAGE_COST.small}`, large: `benchpage_${PAGE_COST.large}` },
    async seed(size, tenantId) {
      const records = PAGE_COST[size];
      const address = (i: number) => `addr_${String(i).padStart(5, '0')}`;
      await loadFixtures(raw, TABLE, {
        tenants: [
          {
            id: tenantId,
            name: `Bench ${tenantId}`,
            locations: range(records, (i) => ({ id: address(i), name: address(i) })),
            products: [
              {
                id: 'prod_page',
                name: 'Shirt',
                type: 'VARIABLE',
                variants: [{ id: 'var_page', name: 'M' }],
                inventoryRecords: range(records, (i) => ({
                  id: `rec-${String(i).padStart(5, '0')}`,
                  variantId: 'var_page',
                  addressId: address(i),
                  quantityAvailable: i,
                })),
              },
            ],
          },
        ],
      });
    },
    request: () => ({
      path: '/products/prod_page/variants/var_page/inventoryrecords',
      query: `page=1&pageSize=${PAGE_COST.pageSize}`,
      headers: {},
      body: undefined,
    }),
    check(body) {
      const listed = (body as { Items?: unknown[] }).Items?.length ?? 0;
      if (listed !== PAGE_COST.pageSize) throw new Error(`OrderCloud page: ${listed} records, ${PAGE_COST.pageSize} expected`);
    },
  });
  return compared && { recordsSmall: PAGE_COST.small, recordsLarge: PAGE_COST.large, pageSize: PAGE_COST.pageSize, ...compared };
}
