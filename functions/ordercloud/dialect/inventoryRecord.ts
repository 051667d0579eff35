import * as z from 'zod/mini';
import type { Location } from '#shared/domain/catalog';
import type {
  InventoryRecordFields,
  InventoryRecordPatch,
  InventoryRecordView,
  NewInventoryRecord,
  RecordOwner,
} from '#shared/domain/inventoryRecord';
import type { RecordPage } from '#shared/domain/inventoryRecordList';

/** OrderCloud IDs: at most 100 letters, digits, '-' or '_'. */
const objectId = z
  .string({ error: 'must be a string' })
  .check(z.regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be 1 to 100 letters, digits, - or _'));
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
export const ProductInventoryRecordsPath = z.object({ productID: objectId });
export const VariantInventoryRecordPath = z.object({ productID: objectId, variantID: objectId, inventoryRecordID: objectId });
export const ProductInventoryRecordPath = z.object({ productID: objectId, inventoryRecordID: objectId });

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

/**
 * A Patch names only what changes. Read-only fields (Address, LastUpdated) and unknown
 * ones are dropped, as OrderCloud ignores them; `xp` is merged, `xp: null` clears it.
 */
export const PatchInventoryRecordRequest = z.object({
  ID: z.optional(objectId),
  OwnerID: z.optional(objectId),
  AddressID: z.optional(objectId),
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

const AddressResponse = InventoryRecordResponse.shape.Address;

/** A list item: the record, with its Address only when the list asks for it (includeAddress=true), as OrderCloud does. */
const ListedInventoryRecord = z.object({ ...InventoryRecordResponse.shape, Address: z.nullable(AddressResponse) });

/** OrderCloud's ListPage. ItemRange holds the 1-based positions of the page's first and last item ([n+1, n] when the page is empty). */
export const InventoryRecordListResponse = z.object({
  Items: z.array(ListedInventoryRecord),
  Meta: z.object({
    Page: z.int(),
    PageSize: z.int(),
    TotalCount: z.int(),
    TotalPages: z.int(),
    ItemRange: z.tuple([z.int(), z.int()]),
  }),
});

export function recordOwner(path: { productID: string; variantID?: string }): RecordOwner {
  return { productId: path.productID, variantId: path.variantID ?? null };
}

export function toRecordFields(body: z.output<typeof CreateVariantInventoryRecordRequest>): InventoryRecordFields {
  return {
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

export function toRecordPatch(body: z.output<typeof PatchInventoryRecordRequest>): InventoryRecordPatch {
  return {
    id: body.ID,
    ownerId: body.OwnerID,
    addressId: body.AddressID,
    allowAllBuyers: body.AllowAllBuyers,
    orderCanExceed: body.OrderCanExceed,
    quantityAvailable: body.QuantityAvailable,
    notificationPoint: body.NotificationPoint,
    xp: body.xp,
  };
}

export function inventoryRecordListResponse(page: RecordPage, includeAddress: boolean): z.output<typeof InventoryRecordListResponse> {
  return {
    Items: page.items.map((view) => ({ ...inventoryRecordResponse(view), Address: includeAddress ? addressResponse(view.address) : null })),
    Meta: { Page: page.page, PageSize: page.pageSize, TotalCount: page.totalCount, TotalPages: page.totalPages, ItemRange: page.itemRange },
  };
}

export function toNewInventoryRecord(
  path: { productID: string; variantID?: string },
  body: z.output<typeof CreateVariantInventoryRecordRequest>,
): NewInventoryRecord {
  return { ...recordOwner(path), ...toRecordFields(body) };
}

export function inventoryRecordResponse({ record, address }: InventoryRecordView): z.output<typeof InventoryRecordResponse> {
  return {
    ID: record.id,
    OwnerID: record.ownerId,
    AllowAllBuyers: record.allowAllBuyers,
    Address: addressResponse(address),
    AddressID: record.addressId,
    OrderCanExceed: record.orderCanExceed,
    QuantityAvailable: record.quantityAvailable,
    NotificationPoint: record.notificationPoint,
    LastUpdated: record.lastUpdated,
    xp: record.xp,
  };
}

function addressResponse(address: Location): z.output<typeof AddressResponse> {
  const a = address.address;
  return {
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
  };
}

/** Documentation examples shared by the inventory record routes' contracts. */
export const RECORD_EXAMPLE = {
  ID: 'invrec-main-m-blue',
  OwnerID: 'tenant_demo',
  AllowAllBuyers: true,
  Address: {
    ID: 'wh_main',
    DateCreated: '2026-01-01T00:00:00Z',
    CompanyName: 'Demo Commerce Ltd',
    FirstName: '',
    LastName: '',
    Street1: '1 Dock Road',
    Street2: '',
    City: 'Lagos',
    State: 'LA',
    Zip: '100001',
    Country: 'NG',
    Phone: '',
    AddressName: 'Main Warehouse',
    xp: {},
  },
  AddressID: 'wh_main',
  OrderCanExceed: false,
  QuantityAvailable: 120,
  NotificationPoint: 20,
  LastUpdated: '2026-01-01T00:00:00Z',
  xp: { Aisle: '4' },
} satisfies z.output<typeof InventoryRecordResponse>;

export const LIST_EXAMPLE = {
  Items: [{ ...RECORD_EXAMPLE, Address: null }],
  Meta: { Page: 1, PageSize: 20, TotalCount: 1, TotalPages: 1, ItemRange: [1, 1] },
} satisfies z.output<typeof InventoryRecordListResponse>;
