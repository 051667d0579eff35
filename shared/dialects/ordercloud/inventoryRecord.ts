import * as z from 'zod/mini';
import type { Location } from '#shared/domain/catalog';
import type { InventoryRecord, NewInventoryRecord } from '#shared/domain/inventoryRecord';

/** OrderCloud IDs: at most 100 letters, digits, '-' or '_'. */
const objectId = z.string({ error: 'must be a string' }).check(z.regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be 1 to 100 letters, digits, - or _'));
const xp = z.record(z.string(), z.unknown());

/**
 * OrderCloud documents no minimum for QuantityAvailable and expects it to go below 0 (OrderCanExceed
 * lets submitted orders decrement past zero); its generated .NET SDK holds it in a 32-bit int.
 */
const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;
const quantityAvailable = z
  .int({ error: 'must be an integer' })
  .check(z.gte(INT32_MIN, `must be at least ${INT32_MIN}`), z.lte(INT32_MAX, `must be at most ${INT32_MAX}`));

export const InventoryRecordPath = z.object({ productID: objectId, variantID: objectId });

export const CreateVariantInventoryRecordRequest = z.object({
  ID: z.optional(objectId),
  OwnerID: z.optional(objectId),
  AddressID: objectId,
  AllowAllBuyers: z.optional(z.boolean({ error: 'must be true or false' })),
  OrderCanExceed: z.optional(z.boolean({ error: 'must be true or false' })),
  QuantityAvailable: z.optional(quantityAvailable),
  NotificationPoint: z.optional(z.nullable(z.int({ error: 'must be an integer' }))),
  xp: z.optional(z.nullable(z.record(z.string(), z.unknown(), { error: 'must be an object' }))),
});

const timestamp = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/));

/** The documented 201 body; the mapper is typed by it and the OpenAPI document generated from it. */
export const InventoryRecordResponse = z.object({
  ID: objectId,
  OwnerID: z.string(),
  AllowAllBuyers: z.boolean(),
  Address: z.object({
    ID: z.string(),
    DateCreated: timestamp,
    CompanyName: z.string(),
    FirstName: z.string(),
    LastName: z.string(),
    Street1: z.string(),
    Street2: z.string(),
    City: z.string(),
    State: z.string(),
    Zip: z.string(),
    Country: z.string(),
    Phone: z.string(),
    AddressName: z.string(),
    xp,
  }),
  AddressID: z.string(),
  OrderCanExceed: z.boolean(),
  QuantityAvailable: z.int(),
  NotificationPoint: z.nullable(z.int()),
  LastUpdated: timestamp,
  xp,
});

export function toNewInventoryRecord(path: z.output<typeof InventoryRecordPath>, body: z.output<typeof CreateVariantInventoryRecordRequest>): NewInventoryRecord {
  return {
    productId: path.productID,
    variantId: path.variantID,
    id: body.ID,
    ownerId: body.OwnerID,
    addressId: body.AddressID,
    allowAllBuyers: body.AllowAllBuyers,
    orderCanExceed: body.OrderCanExceed,
    quantityAvailable: body.QuantityAvailable,
    notificationPoint: body.NotificationPoint,
    xp: body.xp ?? undefined,
  };
}

export function inventoryRecordResponse(record: InventoryRecord, address: Location): z.output<typeof InventoryRecordResponse> {
  const a = address.address;
  return {
    ID: record.id,
    OwnerID: record.ownerId,
    AllowAllBuyers: record.allowAllBuyers,
    Address: {
      ID: address.id,
      DateCreated: address.createdAt,
      CompanyName: a.companyName,
      FirstName: a.firstName,
      LastName: a.lastName,
      Street1: a.street1,
      Street2: a.street2,
      City: a.city,
      State: a.state,
      Zip: a.zip,
      Country: a.country,
      Phone: a.phone,
      AddressName: a.addressName,
      xp: a.xp,
    },
    AddressID: record.addressId,
    OrderCanExceed: record.orderCanExceed,
    QuantityAvailable: record.quantityAvailable,
    NotificationPoint: record.notificationPoint,
    LastUpdated: record.lastUpdated,
    xp: record.xp,
  };
}
