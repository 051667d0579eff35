import * as z from 'zod/mini';
import type { Address, Location } from '#shared/domain/catalog';
import type { StockLocationListQuery as DomainListQuery, StockLocationOrderField } from '#shared/domain/stockLocation';
import { anyObject, many, nothing, notHeld, oneOrNull, responseSchema, value, type Entity } from '#functions/medusa/dialect/entity';
import { medusaPage } from '#functions/medusa/dialect/page';
import { ALWAYS_SELECTED, project, type Selection } from '#functions/medusa/dialect/fields';
import { fieldsOf, pageQuery, pathId, queryText, toPage, unrecognizedQuery } from '#functions/medusa/dialect/validation';

// ---------------------------------------------------------------------------
// Entities: the catalog's location as Medusa's StockLocation, its address as StockLocationAddress

const text = z.nullable(z.string());
const orNull = (value: string) => (value === '' ? null : value);

/** An address with nothing in it is no address: Medusa shows `address: null` for a location made without one. */
const hasAddress = (address: Address) =>
  [address.street1, address.street2, address.city, address.state, address.zip, address.country, address.phone, address.companyName].some(
    (part) => part !== '',
  );

const stockLocationAddress: Entity<Location> = {
  entity: 'StockLocationAddress',
  properties: {
    // The catalog keeps the address inside its location: the address is named after it.
    id: value(z.string(), (location) => `laddr_${location.id}`),
    address_1: value(text, (location) => orNull(location.address.street1)),
    address_2: value(text, (location) => orNull(location.address.street2)),
    company: value(text, (location) => orNull(location.address.companyName)),
    city: value(text, (location) => orNull(location.address.city)),
    country_code: value(text, (location) => orNull(location.address.country.toLowerCase())),
    phone: value(text, (location) => orNull(location.address.phone)),
    province: value(text, (location) => orNull(location.address.state)),
    postal_code: value(text, (location) => orNull(location.address.zip)),
    metadata: nothing(anyObject),
    created_at: value(z.string(), (location) => location.createdAt),
    updated_at: value(z.string(), (location) => location.createdAt),
    deleted_at: nothing(z.string()),
  },
};

export const stockLocation: Entity<Location> = {
  entity: 'StockLocation',
  properties: {
    id: value(z.string(), (location) => location.id),
    name: value(z.string(), (location) => location.name),
    metadata: nothing(anyObject),
    created_at: value(z.string(), (location) => location.createdAt),
    // The catalog keeps no update time of a location: its creation.
    updated_at: value(z.string(), (location) => location.createdAt),
    deleted_at: nothing(z.string()),
    address_id: value(text, (location) => (hasAddress(location.address) ? `laddr_${location.id}` : null)),
    address: oneOrNull(
      () => stockLocationAddress,
      (location) => (hasAddress(location.address) ? location : null),
    ),
    sales_channels: many(
      () => notHeld('SalesChannel', ['id', 'name', 'description', 'is_disabled', 'metadata', 'created_at', 'updated_at', 'deleted_at']),
      () => [],
      'plain',
    ),
    fulfillment_sets: many(
      () => notHeld('FulfillmentSet', ['id', 'name', 'type', 'metadata', 'created_at', 'updated_at', 'deleted_at']),
      () => [],
      'plain',
    ),
  },
};

// ---------------------------------------------------------------------------
// Query: Medusa's default fields (stock-locations/query-config.ts) and `fields`

export const DEFAULT_STOCK_LOCATION_FIELDS = [
  'id',
  'name',
  'metadata',
  'created_at',
  'updated_at',
  'address.id',
  'address.address_1',
  'address.address_2',
  'address.city',
  'address.country_code',
  'address.phone',
  'address.province',
  'address.postal_code',
  'address.metadata',
] as const;

const fields = fieldsOf(DEFAULT_STOCK_LOCATION_FIELDS, stockLocation);

export const StockLocationPath = z.object({ id: pathId('id') });
export type StockLocationPath = z.output<typeof StockLocationPath>;

export const StockLocationQuery = z.strictObject({ fields }, unrecognizedQuery);
export type StockLocationQuery = z.output<typeof StockLocationQuery>;

/** Most locations one page holds (Medusa sets no bound). */
export const MAX_STOCK_LOCATION_LIMIT = 100;

const ORDER_FIELDS = ['id', 'name', 'created_at', 'updated_at'] as const satisfies readonly StockLocationOrderField[];

export const StockLocationListQuery = z.strictObject(
  {
    fields,
    ...pageQuery(20, MAX_STOCK_LOCATION_LIMIT, ORDER_FIELDS),
    q: queryText('q'),
    id: queryText('id'),
    name: queryText('name'),
  },
  unrecognizedQuery,
);
export type StockLocationListQuery = z.output<typeof StockLocationListQuery>;

export function toStockLocationListQuery(query: StockLocationListQuery): DomainListQuery {
  return {
    ...toPage(query),
    ...(query.q !== undefined && query.q !== '' ? { q: query.q } : {}),
    ...(query.id !== undefined ? { ids: [query.id] } : {}),
    ...(query.name !== undefined ? { name: query.name } : {}),
  };
}

// ---------------------------------------------------------------------------
// Responses

const StockLocationSchema = responseSchema(stockLocation, [ALWAYS_SELECTED]);

export const StockLocationResponse = z.object({ stock_location: StockLocationSchema });

export const stockLocationResponse = (location: Location, selection: Selection): z.output<typeof StockLocationResponse> => ({
  stock_location: project(location, stockLocation, selection),
});

const locationPage = medusaPage('stock_locations', stockLocation);

export const StockLocationListResponse = locationPage.schema;

export const stockLocationListResponse = (page: { locations: readonly Location[]; count: number }, query: StockLocationListQuery) =>
  locationPage.answer(page.locations, page.count, query);

/** Medusa's own wording for one location looked up by its ID (its level routes look locations up in bulk). */
export const stockLocationNotFound = (id: string) => ({ type: 'not_found', message: `Stock location with id: ${id} was not found` });
