import * as z from 'zod/mini';
import { MAX_BATCH_LINKS, type LinkBatch, type LinkBatchResult } from '#shared/domain/inventoryLinkBatch';
import { bodyId, expected, requiredQuantity, strictBody, tooBig } from '#functions/medusa/dialect/validation';

const entries = <Shape extends z.ZodMiniType>(field: string, entry: Shape) =>
  z.optional(
    z
      .array(entry, { error: (issue) => expected(field, 'array', issue.input) })
      .check(z.maxLength(MAX_BATCH_LINKS, tooBig(field, MAX_BATCH_LINKS))),
  );

const LinkEntry = z.strictObject(
  { required_quantity: requiredQuantity(), inventory_item_id: bodyId('inventory_item_id'), variant_id: bodyId('variant_id') },
  strictBody,
);
const PairEntry = z.strictObject({ inventory_item_id: bodyId('inventory_item_id'), variant_id: bodyId('variant_id') }, strictBody);

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

/** A pair as Medusa's link module names it: `{product: {variant_id}, inventory: {inventory_item_id}}`. */
export const LinkPair = z.object({
  product: z.object({ variant_id: z.string() }),
  inventory: z.object({ inventory_item_id: z.string() }),
});

export const linkPair = (entry: { variantId: string; inventoryItemId: string }): z.output<typeof LinkPair> => ({
  product: { variant_id: entry.variantId },
  inventory: { inventory_item_id: entry.inventoryItemId },
});

const LinkWithData = z.object({ ...LinkPair.shape, data: z.object({ required_quantity: z.int() }) });

/** Medusa's answer echoes the batch it was given, each entry as its link module names it, without link IDs. */
export const LinkBatchResponse = z.object({ created: z.array(LinkWithData), updated: z.array(LinkWithData), deleted: z.array(LinkPair) });

const withData = (entry: { variantId: string; inventoryItemId: string; requiredQuantity: number }) => ({
  ...linkPair(entry),
  data: { required_quantity: entry.requiredQuantity },
});

export function linkBatchResponse(result: LinkBatchResult): z.output<typeof LinkBatchResponse> {
  return { created: result.create.map(withData), updated: result.update.map(withData), deleted: result.delete.map(linkPair) };
}
