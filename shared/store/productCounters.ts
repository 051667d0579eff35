import type { ProductType } from '#shared/domain/catalog';
import { keys } from '#shared/store/keys';
import type { NamedWrite, WriteAction } from '#shared/store/transactions';

type Item = Record<string, unknown>;

/**
 * A product's type and what it holds agree, held by the product item in every write that changes
 * either: only a VARIABLE product has variants, only a SIMPLE or DIGITAL product has stock of its
 * own. The product counts both: `variantCount` (up in every transaction that makes a variant on it,
 * down in every one that removes or moves one away) and `levelCount` (its own item's levels, see
 * ownItemWrites). A variant's write is conditional on the product being VARIABLE; a product-level
 * level's on its not being VARIABLE; a type change on the count it leaves behind being zero. So a
 * type change and a write of what it forbids, racing, never both succeed: both update the product item.
 */

/** The product's count of variants, one up, only while it is VARIABLE (refused as `name` otherwise, or when it does not exist). */
export const variantAdded = <Name extends string>(TableName: string, product: ProductKey, name: Name) =>
  variantCountUpdate(TableName, product, name, 1, { condition: 'productType = :variable', values: { ':variable': 'VARIABLE' } });

/** The product's count of variants, one down: a variant removed from it or moved away (the product must exist: no stray item is made). */
export const variantRemoved = <Name extends string>(TableName: string, product: ProductKey, name: Name) =>
  variantCountUpdate(TableName, product, name, -1, { condition: 'attribute_exists(pk)', values: {} });

type ProductKey = { tenantId: string; productId: string };

function variantCountUpdate<Name extends string>(
  TableName: string,
  product: ProductKey,
  name: Name,
  by: 1 | -1,
  guard: { condition: string; values: Item },
): NamedWrite<Name> {
  return {
    name,
    action: {
      Update: {
        TableName,
        Key: keys.product(product.tenantId, product.productId),
        UpdateExpression: 'ADD variantCount :by',
        ConditionExpression: guard.condition,
        ExpressionAttributeValues: { ':by': by, ...guard.values },
      },
    },
  };
}

/** The condition (and its values) a level of the product's own stock adds to the product's update: it is not VARIABLE. */
export const notVariable = {
  condition: 'productType <> :variable',
  values: { ':variable': 'VARIABLE' },
} as const;

/**
 * What a type change from `from` to `to` asks of the product it writes, beside the write's own
 * condition: away from VARIABLE, no variants; to VARIABLE, no level of its own stock. Undefined
 * when the change asks nothing (no change, or SIMPLE <-> DIGITAL).
 */
export function typeChangeCondition(from: ProductType, to: ProductType): { condition: string; values: Item } | undefined {
  if (from === to || (from !== 'VARIABLE' && to !== 'VARIABLE')) return undefined;
  const counter = to === 'VARIABLE' ? 'levelCount' : 'variantCount';
  return { condition: `(attribute_not_exists(${counter}) OR ${counter} = :zero)`, values: { ':zero': 0 } };
}

/** Why a type change was refused, from the product as read: what it still holds. */
export function typeChangeRefusal(stored: Item, to: ProductType): string {
  const from = String(stored.productType);
  if (to === 'VARIABLE') {
    const levels = typeof stored.levelCount === 'number' ? stored.levelCount : 0;
    return `product type ${from} -> VARIABLE refused: the product holds stock of its own at ${levels} location(s); a VARIABLE product's stock is its variants'`;
  }
  const variants = typeof stored.variantCount === 'number' ? stored.variantCount : 0;
  return `product type VARIABLE -> ${to} refused: the product has ${variants} variant(s); delete them first`;
}

/** An Update built elsewhere (the import's upsert) with one more condition, both to hold. */
export function withCondition(update: NonNullable<WriteAction['Update']>, extra: { condition: string; values: Item }) {
  return {
    ...update,
    ConditionExpression: update.ConditionExpression ? `(${update.ConditionExpression}) AND ${extra.condition}` : extra.condition,
    ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ...extra.values },
  };
}
