import type { VariantInventoryLink } from '#shared/domain/inventoryLink';
import { keys } from '#shared/store/keys';
import type { WriteAction } from '#shared/store/transactions';

type Item = Record<string, unknown>;

/**
 * A link made, replaced or removed bumps its variant's link version, in the link's transaction (and
 * only while the variant exists): DayZero's move and permanent delete, which decide on the links
 * they read, are conditional on it.
 */
export function linkWritten(
  TableName: string,
  tenantId: string,
  productId: string,
  variantId: string,
  removed: readonly VariantInventoryLink[] = [],
): WriteAction {
  // A removed link leaves its created_at on the variant, for the pair's next link (FormerLinks).
  const names = Object.fromEntries(removed.map((link, i) => [`#former${i}`, formerLinkAttribute(link.inventoryItemId)]));
  const values = Object.fromEntries(removed.map((link, i) => [`:former${i}`, link.createdAt]));
  const set = removed.length > 0 ? ` SET ${removed.map((_, i) => `#former${i} = :former${i}`).join(', ')}` : '';
  return {
    Update: {
      TableName,
      Key: keys.variant(tenantId, productId, variantId),
      UpdateExpression: `ADD linkVersion :one${set}`,
      ConditionExpression: 'attribute_exists(pk)',
      ...(removed.length > 0 ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: { ':one': 1, ...values },
    },
  };
}

const FORMER_LINK = 'formerLink#';
const formerLinkAttribute = (itemId: string) => `${FORMER_LINK}${itemId}`;

/** The created_at of the variant's removed links, by item, as its item keeps them (see linkWritten). */
export function formerLinksOf(variant: Item): Record<string, string> {
  return Object.fromEntries(
    Object.entries(variant)
      .filter(([name, value]) => name.startsWith(FORMER_LINK) && typeof value === 'string')
      .map(([name, value]) => [name.slice(FORMER_LINK.length), value as string]),
  );
}
