import { reservationContract } from '#functions/shopsynch/contracts';

export const { request, contract } = reservationContract({
  kind: 'release',
  summary: 'Release reserved stock',
  description:
    "Gives back qty reserved units (an order cancelled or shipped elsewhere): reservedQty shrinks, availableQty grows. Never more than is reserved. Written like a reserve: one conditional transaction with its history entry and the Idempotency-Key's answer.",
  example: { qty: 1, reference: 'order-1001', notes: 'One item cancelled' },
  after: { reservedQty: 5, availableQty: 15 },
  refusal: {
    description: 'qty is not a positive integer, or more than is reserved.',
    message: 'Cannot release 5 units. Only 3 units are currently reserved.',
  },
});
