import { route } from '#functions/commons/route';
import type {
  deleteRecordContract,
  getRecordContract,
  listRecordsContract,
  patchRecordContract,
  saveRecordContract,
} from '#functions/ordercloud/contracts';
import { ordercloud, WRITE_ROLES } from '#functions/ordercloud/dialect/errors';
import {
  type CreateVariantInventoryRecordRequest,
  type InventoryRecordPath,
  inventoryRecordListResponse,
  inventoryRecordResponse,
  recordOwner,
  toRecordFields,
  toNewInventoryRecord,
  toRecordPatch,
  type ProductInventoryRecordsPath,
} from '#functions/ordercloud/dialect/inventoryRecord';
import { getInventoryRecord, type InventoryRecordView } from '#shared/domain/inventoryRecord';
import {
  createInventoryRecord,
  deleteInventoryRecord,
  patchInventoryRecord,
  saveInventoryRecord,
  type SavedInventoryRecord,
} from '#shared/domain/inventoryRecordLedger';
import { listInventoryRecords } from '#shared/domain/inventoryRecordList';
import { inventoryRecordStore } from '#shared/store/inventoryRecord';

/**
 * The handler of each operation on an inventory record, at variant or at product level: as in
 * contracts.ts, the two levels differ only in their paths (a product-level path has no variantID,
 * so recordOwner names the product alone). Each route's handler.ts passes its own contract's request.
 */

type RequestOf<Builder extends (level: never) => { request: unknown }> = ReturnType<Builder>['request'];

const created = (view: InventoryRecordView) => ({ statusCode: 201, body: inventoryRecordResponse(view) });

export function createRecordHandler(request: {
  path: typeof InventoryRecordPath | typeof ProductInventoryRecordsPath;
  body: typeof CreateVariantInventoryRecordRequest;
}) {
  return route({
    request,
    dialect: ordercloud,
    permissions: WRITE_ROLES,
    async handle({ body, path, principal, attach }) {
      return created(await createInventoryRecord(inventoryRecordStore, principal, toNewInventoryRecord(path, body), attach(created)));
    },
  });
}

export function listRecordsHandler(request: RequestOf<typeof listRecordsContract>) {
  return route({
    request,
    dialect: ordercloud,
    permissions: [],
    async handle({ path, query, principal }) {
      const page = await listInventoryRecords(inventoryRecordStore, principal.tenantId, recordOwner(path), query.query);
      return { statusCode: 200, body: inventoryRecordListResponse(page, query.includeAddress) };
    },
  });
}

export function getRecordHandler(request: RequestOf<typeof getRecordContract>) {
  return route({
    request,
    dialect: ordercloud,
    permissions: [],
    async handle({ path, principal }) {
      return {
        statusCode: 200,
        body: inventoryRecordResponse(
          await getInventoryRecord(inventoryRecordStore, principal.tenantId, recordOwner(path), path.inventoryRecordID),
        ),
      };
    },
  });
}

const saved = (answer: SavedInventoryRecord) => ({ statusCode: answer.created ? 201 : 200, body: inventoryRecordResponse(answer) });

export function saveRecordHandler(request: RequestOf<typeof saveRecordContract>) {
  return route({
    request,
    dialect: ordercloud,
    permissions: WRITE_ROLES,
    async handle({ body, path, principal, attach }) {
      return saved(
        await saveInventoryRecord(
          inventoryRecordStore,
          principal,
          recordOwner(path),
          path.inventoryRecordID,
          toRecordFields(body),
          attach(saved),
        ),
      );
    },
  });
}

const patched = (view: InventoryRecordView) => ({ statusCode: 200, body: inventoryRecordResponse(view) });

export function patchRecordHandler(request: RequestOf<typeof patchRecordContract>) {
  return route({
    request,
    dialect: ordercloud,
    permissions: WRITE_ROLES,
    async handle({ body, path, principal, attach }) {
      return patched(
        await patchInventoryRecord(
          inventoryRecordStore,
          principal,
          recordOwner(path),
          path.inventoryRecordID,
          toRecordPatch(body),
          attach(patched),
        ),
      );
    },
  });
}

const deleted = () => ({ statusCode: 204 });

export function deleteRecordHandler(request: RequestOf<typeof deleteRecordContract>) {
  return route({
    request,
    dialect: ordercloud,
    permissions: WRITE_ROLES,
    async handle({ path, principal, attach }) {
      await deleteInventoryRecord(inventoryRecordStore, principal, recordOwner(path), path.inventoryRecordID, attach(deleted));
      return deleted();
    },
  });
}
