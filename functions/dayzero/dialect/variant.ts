import * as z from 'zod/mini';
import { identity } from '#functions/commons/identity';
import { INT_PARSING } from '#functions/dayzero/dialect/errors';
import { IDENTITY_PROBLEMS } from '#shared/domain/identity';
import {
  variantMargin,
  type ListedVariant,
  type NewVariant,
  type VariantChanges,
  type VariantListRequest,
  type VariantPage,
  type VariantRecord,
  type VariantRemoval,
} from '#shared/domain/variant';

/** Units of measure accepted for `uom`. */
export const UNITS_OF_MEASURE = [
  'EA',
  'PK',
  'BX',
  'CS',
  'DZ',
  'PR',
  'SET',
  'LB',
  'OZ',
  'G',
  'KG',
  'MG',
  'L',
  'ML',
  'GAL',
  'QT',
  'PT',
  'FLOZ',
  'M',
  'CM',
  'MM',
  'IN',
  'FT',
  'YD',
  'M2',
  'FT2',
] as const;

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const cents = z.int().check(z.gte(0), z.lte(1_000_000_000_000));
const optionalNullable = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));
/** An ID or SKU that becomes part of a key: checked and normalised (shared/domain/identity), refused in pydantic's value_error words. */
const key = (max: number) => identity(text(max), (problem) => `Value error, ${IDENTITY_PROBLEMS[problem]}`);

/** The fields a create and an update both take, each optional and nullable. */
const variantFields = {
  unit_price: optionalNullable(cents),
  unit_cost: optionalNullable(cents),
  unit_cost_precise: optionalNullable(z.number().check(z.gte(0), z.lte(1_000_000_000))),
  sku: optionalNullable(key(100)),
  manufacturer_sku: optionalNullable(text(100)),
  uom: optionalNullable(z.enum(UNITS_OF_MEASURE)),
  default_vendor_id: optionalNullable(key(200)),
};

export const VariantCreateRequest = z.object({
  product_id: key(200),
  name: text(255),
  ...variantFields,
  initial_inventory_quantity: optionalNullable(z.int().check(z.gte(0), z.lte(1_000_000_000))),
  initial_inventory_quantity_date: optionalNullable(z.iso.datetime({ offset: true, local: true })),
});

const timestamp = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/));

/** The documented 201 body (VariantResponse). */
export const VariantResponse = z.object({
  id: z.string(),
  product_id: z.string(),
  business_id: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
  name: z.string(),
  sku: z.nullable(z.string()),
  manufacturer_sku: z.nullable(z.string()),
  archived: z.boolean(),
  price: z.nullable(z.number()),
  cost: z.nullable(z.number()),
  inventory_quantity: z.int(),
  shopify_variant_id: z.nullable(z.string()),
  stripe_price_id: z.nullable(z.string()),
  stripe_product_id: z.nullable(z.string()),
  unit_price: z.nullable(z.int()),
  unit_cost: z.nullable(z.int()),
  unit_cost_precise: z.nullable(z.number()),
  uom: z.string(),
  default_vendor_id: z.nullable(z.string()),
  inventory: z.object({
    on_hand: z.int(),
    reserved: z.int(),
    available: z.int(),
    location_id: z.nullable(z.string()),
    counted_at: z.nullable(z.string()),
    in_transit: z.int(),
    ordered: z.int(),
  }),
  product_name: z.string(),
  margin_cents: z.int(),
  margin_percentage: z.number(),
});

export function toNewVariant(body: z.output<typeof VariantCreateRequest>): NewVariant {
  return {
    productId: body.product_id,
    name: body.name,
    unitPriceCents: body.unit_price ?? null,
    unitCostCents: body.unit_cost ?? null,
    // Ten decimal places: finer than any currency needs, and always storable (DynamoDB stops at 1e-130).
    unitCostPrecise: body.unit_cost_precise == null ? null : Math.round(body.unit_cost_precise * 1e10) / 1e10,
    sku: body.sku ?? null,
    manufacturerSku: body.manufacturer_sku ?? null,
    uom: body.uom ?? 'EA',
    defaultVendorId: body.default_vendor_id ?? null,
    initialQuantity: body.initial_inventory_quantity ?? 0,
    initialQuantityDate: body.initial_inventory_quantity_date
      ? new Date(body.initial_inventory_quantity_date).toISOString().replace(/\.\d{3}Z$/, 'Z')
      : null,
  };
}

const dollars = (cents: number | null) => (cents === null ? null : cents / 100);

/** A VariantResponse with a current inventory summary, read from the variant's stock record. */
export function variantResponse(variant: VariantRecord): z.output<typeof VariantResponse> {
  return {
    // Spreading keeps each field where VariantResponse has it; only the stock fields are filled in.
    ...variantListItem(variant),
    inventory_quantity: variant.stock.onHand,
    inventory: {
      on_hand: variant.stock.onHand,
      reserved: variant.stock.reserved,
      available: variant.stock.onHand - variant.stock.reserved,
      location_id: variant.stock.locationId,
      counted_at: variant.stock.countedAt,
      // No transfers or purchase orders exist here yet: nothing is ever in transit or on order.
      in_transit: 0,
      ordered: 0,
    },
  };
}

/** A variant as a list shows it: the VariantResponse fields, without the stock (null) that only GET by id reads. */
export function variantListItem(variant: ListedVariant): z.output<typeof VariantListItem> {
  const margin = variantMargin(variant);
  return {
    id: variant.id,
    product_id: variant.productId,
    business_id: variant.tenantId,
    created_at: variant.createdAt,
    updated_at: variant.updatedAt,
    name: variant.name,
    sku: variant.sku,
    manufacturer_sku: variant.manufacturerSku,
    archived: variant.archived,
    price: dollars(variant.unitPriceCents),
    cost: dollars(variant.unitCostCents),
    inventory_quantity: null,
    shopify_variant_id: null,
    stripe_price_id: variant.stripePriceId,
    stripe_product_id: variant.stripeProductId,
    unit_price: variant.unitPriceCents,
    unit_cost: variant.unitCostCents,
    unit_cost_precise: variant.unitCostPrecise,
    uom: variant.uom,
    default_vendor_id: variant.defaultVendorId,
    inventory: null,
    product_name: variant.productName,
    margin_cents: margin.cents,
    margin_percentage: margin.percentage,
  };
}

/** The variant named in the path: the same identity rules as every ID that becomes a key. */
export const VariantPath = z.object({ id: key(200) });

/** VariantUpdateRequest: every create field optional (initial inventory excepted: stock moves through adjustments), plus `archived` and `barcode`. */
export const VariantUpdateRequest = z.object({
  product_id: z.optional(key(200)),
  name: z.optional(text(255)),
  ...variantFields,
  archived: z.optional(z.boolean()),
  barcode: optionalNullable(text(100)),
});

/** Only the fields the body names; null clears a nullable field, and a null `uom` is the default EA again. */
export function toVariantChanges(body: z.output<typeof VariantUpdateRequest>): VariantChanges {
  const changes: VariantChanges = {};
  if (body.product_id !== undefined) changes.productId = body.product_id;
  if (body.name !== undefined) changes.name = body.name;
  if (body.unit_price !== undefined) changes.unitPriceCents = body.unit_price;
  if (body.unit_cost !== undefined) changes.unitCostCents = body.unit_cost;
  if (body.unit_cost_precise !== undefined)
    changes.unitCostPrecise = body.unit_cost_precise === null ? null : Math.round(body.unit_cost_precise * 1e10) / 1e10;
  if (body.sku !== undefined) changes.sku = body.sku;
  if (body.manufacturer_sku !== undefined) changes.manufacturerSku = body.manufacturer_sku;
  if (body.uom !== undefined) changes.uom = body.uom ?? 'EA';
  if (body.default_vendor_id !== undefined) changes.defaultVendorId = body.default_vendor_id;
  if (body.archived !== undefined) changes.archived = body.archived;
  if (body.barcode !== undefined) changes.barcode = body.barcode;
  return changes;
}

const TRUTHY_OR_FALSY = ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'] as const;

/** A boolean query parameter as FastAPI reads one. */
const queryBoolean = z.pipe(
  z.enum(TRUTHY_OR_FALSY),
  z.transform<(typeof TRUTHY_OR_FALSY)[number], boolean>((value) => ['true', '1', 'yes', 'on'].includes(value)),
);

/** `permanent` as FastAPI reads a boolean query parameter. */
export const VariantDeleteQuery = z.object({
  permanent: z.optional(queryBoolean),
});

/**
 * An integer query parameter: digits (with a sign) only, as pydantic parses a string into an int;
 * anything else is not an integer (int_parsing), and a huge value is out of range.
 */
const queryInt = (min: number, max: number) =>
  z.pipe(
    z.pipe(
      z.string().check(z.regex(/^[+-]?\d+$/, INT_PARSING)),
      z.transform((value: string) => Math.max(-1e9, Math.min(1e9, Number(value)))),
    ),
    z.int().check(z.gte(min), z.lte(max)),
  );

export const VARIANT_LIST_DEFAULT_LIMIT = 20;
export const VARIANT_LIST_MAX_LIMIT = 100;

/** The variant list's query: scope, order and paging, as DayZero's list endpoints take them. */
export const VariantListQuery = z.object({
  product_id: z.optional(key(200)),
  archived: z.optional(queryBoolean),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(8_192))),
  limit: z.optional(queryInt(1, VARIANT_LIST_MAX_LIMIT)),
  direction: z.optional(z.enum(['next', 'prev'])),
  include_total_count: z.optional(queryBoolean),
  sort_by: z.optional(z.enum(['created_at', 'name'])),
  descending: z.optional(queryBoolean),
});

export const toVariantListRequest = (query: z.output<typeof VariantListQuery>): VariantListRequest => ({
  productId: query.product_id ?? null,
  archived: query.archived ?? false,
  sortBy: query.sort_by ?? 'created_at',
  descending: query.descending ?? true,
  cursor: query.cursor ?? null,
  direction: query.direction ?? 'next',
  limit: query.limit ?? VARIANT_LIST_DEFAULT_LIMIT,
  includeTotal: query.include_total_count ?? false,
});

/** A list item: a VariantResponse whose stock fields are null (GET by id reads the live stock). */
export const VariantListItem = z.extend(VariantResponse, { inventory_quantity: z.null(), inventory: z.null() });

export const VariantListResponse = z.object({
  items: z.array(VariantListItem),
  total: z.nullable(z.int()),
  limit: z.int(),
  next_cursor: z.nullable(z.string()),
  prev_cursor: z.nullable(z.string()),
  has_next: z.boolean(),
  has_prev: z.boolean(),
});

export const variantListResponse = (page: VariantPage): z.output<typeof VariantListResponse> => ({
  items: page.items.map(variantListItem),
  total: page.total,
  limit: page.limit,
  next_cursor: page.nextCursor,
  prev_cursor: page.prevCursor,
  has_next: page.hasNext,
  has_prev: page.hasPrev,
});

export const DeleteResponse = z.object({ success: z.boolean(), message: z.string(), code: z.string() });

export const deleteResponse = (removal: VariantRemoval): z.output<typeof DeleteResponse> =>
  removal === 'archived'
    ? { success: true, message: 'Variant archived', code: 'VARIANT_ARCHIVED' }
    : { success: true, message: 'Variant permanently deleted', code: 'VARIANT_DELETED' };
