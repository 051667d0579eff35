import type { Location, Product, Variant } from '#shared/domain/catalog';

/** A small in-memory catalog for domain tests: the same shapes the store reads back, no DynamoDB. */
export const AT = '2026-11-01T09:00:00Z';

export const product = (id: string, productType: Product['productType'] = 'SIMPLE'): Product => ({
  id,
  tenantId: 't1',
  name: `Product ${id}`,
  productType,
  createdAt: AT,
});

export const variant = (productId: string, id: string, attributes: Record<string, string> = {}): Variant => ({
  id,
  tenantId: 't1',
  productId,
  name: `Variant ${id}`,
  sku: null,
  attributes,
  createdAt: AT,
  updatedAt: AT,
});

export const location = (id: string, ownerId = 't1'): Location => ({
  id,
  tenantId: 't1',
  name: `Location ${id}`,
  ownerId,
  address: {
    companyName: '',
    firstName: '',
    lastName: '',
    street1: '',
    street2: '',
    city: '',
    state: '',
    zip: '',
    country: '',
    phone: '',
    addressName: '',
    xp: {},
  },
  createdAt: AT,
});
