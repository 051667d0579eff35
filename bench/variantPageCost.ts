/** Medusa's variant list, default fields and order: its cost follows the page, not the variants the product holds. */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LambdaHandler } from '#functions/routes';
import type { DevIssuer } from '#scripts/local/devIssuer';
import { loadFixtures } from '#shared/store/fixtures';
import { variantCountCheckpointKeys } from '#shared/store/migration/variantCountsDone';
import { PAGE_COST } from './pageCost.ts';
import { TABLE } from './harness.ts';
import type { Recorder } from './recorder.ts';
import { compareSeededTenants } from './scale.ts';
import { range } from './workload.ts';

/**
 * Page 1 of 20 variants of a product holding 1,000 against one holding 20, requests interleaved:
 * items DynamoDB read for each (the two index Queries' ScannedCount; the BatchGet of the product
 * scans nothing) and the latency ratio, whose goal is ≤ 1.1. The bench's table is written by this
 * code alone (fixtures count each product's variants), so the variant count migration's
 * checkpoints are written done, as a run of the step over it would leave them.
 */
export async function measureVariantPageCost(
  handlers: Map<string, LambdaHandler>,
  recorder: Recorder,
  raw: DynamoDBDocumentClient,
  issuer: DevIssuer,
) {
  // The count migration's checkpoints first: the seeding below runs inside the comparison.
  await raw.send(
    new BatchWriteCommand({
      RequestItems: { [TABLE]: variantCountCheckpointKeys().map((key) => ({ PutRequest: { Item: { ...key, done: true } } })) },
    }),
  );
  const compared = await compareSeededTenants(handlers, recorder, issuer, {
    route: 'listProductVariants',
    tenants: { small: `benchvariants_${PAGE_COST.small}`, large: `benchvariants_${PAGE_COST.large}` },
    async seed(size, tenantId) {
      const variant = (i: number) => `var_${String(i).padStart(5, '0')}`;
      await loadFixtures(raw, TABLE, {
        tenants: [
          {
            id: tenantId,
            name: `Bench ${tenantId}`,
            locations: [{ id: 'loc_page', name: 'Page' }],
            products: [
              {
                id: 'prod_page',
                name: 'Shirt',
                type: 'VARIABLE',
                variants: range(PAGE_COST[size], (i) => ({ id: variant(i), name: variant(i) })),
              },
            ],
          },
        ],
      });
    },
    request: () => ({ path: '/admin/products/prod_page/variants', query: `limit=${PAGE_COST.pageSize}`, headers: {}, body: undefined }),
    check(body) {
      const { variants, count } = body as { variants?: unknown[]; count?: number };
      if (variants?.length !== PAGE_COST.pageSize)
        throw new Error(`Medusa page: ${variants?.length} variants, ${PAGE_COST.pageSize} expected`);
      if (count !== PAGE_COST.small && count !== PAGE_COST.large) throw new Error(`Medusa page: count ${count}`);
    },
  });
  return compared && { variantsSmall: PAGE_COST.small, variantsLarge: PAGE_COST.large, pageSize: PAGE_COST.pageSize, ...compared };
}
