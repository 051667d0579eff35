import { medusaWriteErrors, sampleLink, sampleView } from '#functions/medusa/contracts';
import {
  DEFAULT_VARIANT_SELECTION,
  LinkDeletedResponse,
  linkDeletedResponse,
  VariantLinkPath,
  VariantQuery,
} from '#functions/medusa/dialect/variantInventory';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: VariantLinkPath,
  query: VariantQuery,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: 'Unlink an inventory item from a variant',
  description:
    'Removes the link of the variant and the inventory item. Answers, as Medusa does, the pair `{product: {variant_id}, inventory: {inventory_item_id}}` as `id`, `object: "variant-inventory-item-link"`, `deleted: true`, and the variant as `fields` selects it (`parent`). ' +
    'A pair that is not linked removes nothing and gets the same answer; with no such variant under the product there is no `parent` (Medusa answers so too).',
  responses: {
    200: {
      description: 'The link is gone.',
      schema: LinkDeletedResponse,
      example: linkDeletedResponse(
        {
          target: { productId: sampleView.variant.productId, variantId: sampleLink.variantId, inventoryItemId: sampleLink.inventoryItemId },
          link: sampleLink,
          parent: { ...sampleView, links: [] },
        },
        DEFAULT_VARIANT_SELECTION,
      ),
    },
    ...medusaWriteErrors,
  },
});
