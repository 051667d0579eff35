import { medusaError, medusaWriteErrors, sampleLink, sampleView } from '#functions/medusa/contracts';
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
    'Removes the link of the variant and the inventory item. Answers the link\'s ID (Medusa answers `{product: {variant_id}, inventory: {inventory_item_id}}` there), `object: "variant-inventory-item-link"`, `deleted: true`, and the variant as `fields` selects it (`parent`). ' +
    'A link that does not exist is a 404 (Medusa answers 200).',
  responses: {
    200: {
      description: 'The link is gone.',
      schema: LinkDeletedResponse,
      example: linkDeletedResponse({ link: sampleLink, parent: { ...sampleView, links: [] } }, DEFAULT_VARIANT_SELECTION),
    },
    ...medusaWriteErrors,
    404: medusaError(
      'No such variant under this product, or the variant is not linked to this item.',
      'not_found',
      'Could not find all existing links from data',
    ),
  },
});
