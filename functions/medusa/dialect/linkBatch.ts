import * as z from 'zod/mini';
import { MAX_BATCH_LINKS, type BatchedLink, type LinkBatch, type LinkBatchResult } from '#shared/domain/inventoryLinkBatch';
import { productVariantInventoryItem } from '#functions/medusa/dialect/entities';
import { responseSchema } from '#functions/medusa/dialect/entity';
import { project, selectionOf } from '#functions/medusa/dialect/fields';
import { expected, MAX_ID_LENGTH, medusaId, requiredQuantity, strictBody, tooBig, tooSmall } from '#functions/medusa/dialect/validation';

const id = (field: string) =>
  medusaId(
    field,
    z
      .string({ error: (issue) => expected(field, 'string', issue.input) })
      .check(z.minLength(1, tooSmall(field, 1)), z.maxLength(MAX_ID_LENGTH, tooBig(field, MAX_ID_LENGTH))),
  );

const entries = <Shape extends z.ZodMiniType>(field: string, entry: Shape) =>
  z.optional(
    z
      .array(entry, { error: (issue) => expected(field, 'array', issue.input) })
      .check(z.maxLength(MAX_BATCH_LINKS, tooBig(field, MAX_BATCH_LINKS))),
  );

const LinkEntry = z.strictObject(
  { required_quantity: requiredQuantity(), inventory_item_id: id('inventory_item_id'), variant_id: id('variant_id') },
  strictBody,
);
const PairEntry = z.strictObject({ inventory_item_id: id('inventory_item_id'), variant_id: id('variant_id') }, strictBody);

/** Medusa's batch body: `create`, `update`, `delete`, each optional. */
export const LinkBatchRequest = z.strictObject(
  { create: entries('create', LinkEntry), update: entries('update', LinkEntry), delete: entries('delete', PairEntry) },
  strictBody,
);
export type LinkBatchRequest = z.output<typeof LinkBatchRequest>;

export function toLinkBatch(productId: string, body: LinkBatchRequest): LinkBatch {
  const link = (entry: { variant_id: string; inventory_item_id: string; required_quantity: number }) => ({
    variantId: entry.variant_id,
    inventoryItemId: entry.inventory_item_id,
    requiredQuantity: entry.required_quantity,
  });
  return {
    productId,
    create: (body.create ?? []).map(link),
    update: (body.update ?? []).map(link),
    delete: (body.delete ?? []).map((entry) => ({ variantId: entry.variant_id, inventoryItemId: entry.inventory_item_id })),
  };
}

/** Each link as the link table row Medusa's batch returns: its values, no relations. */
const LINK_SELECTION = selectionOf(['id', 'variant_id', 'inventory_item_id', 'required_quantity'], productVariantInventoryItem);
const LinkRow = responseSchema(productVariantInventoryItem, ['id', 'variant_id', 'inventory_item_id', 'required_quantity']);

export const LinkBatchResponse = z.object({ created: z.array(LinkRow), updated: z.array(LinkRow), deleted: z.array(LinkRow) });

const row = ({ link, variant }: BatchedLink) =>
  project({ link, item: null, levels: [], parent: { variant, links: [] } }, productVariantInventoryItem, LINK_SELECTION);

export function linkBatchResponse(result: LinkBatchResult): Record<'created' | 'updated' | 'deleted', Record<string, unknown>[]> {
  return { created: result.created.map(row), updated: result.updated.map(row), deleted: result.deleted.map(row) };
}
