import { reservationContract } from '#functions/shopsynch/contracts';

export const { request, contract } = reservationContract({
  kind: 'reserve',
  summary: 'Reserve stock',
  description:
    "Holds qty units of the record for an order: reservedQty grows, availableQty shrinks. Never more than is available (400 with ShopSynch's wording). One transaction writes the next version of the record (conditional on the version read; a concurrent movement makes it read again and retry) with its history entry, the Idempotency-Key's answer, and, when this takes the record into low stock, the InventoryLowStock outbox entry.",
  example: { qty: 6, reference: 'order-1001', notes: 'Web checkout' },
  after: { reservedQty: 6, availableQty: 14 },
  refusal: {
    description: 'qty is not a positive integer, or more than is available.',
    message: 'Cannot reserve 5 units. Only 3 units are currently available.',
  },
});
