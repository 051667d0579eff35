import { route } from '#functions/commons/sealingRoute';
import { config } from '#shared/config';
import { exportResponse } from '#functions/admin/dialect/catalog';
import { admin } from '#functions/admin/dialect/errors';
import { exportCatalog } from '#shared/domain/catalogExport';
import { catalogExportStore } from '#shared/store/catalogExport';
import { request } from './contract.ts';

/** GET /admin/catalog: one page of the catalog export. */
export const handler = route({
  request,
  dialect: admin,
  permissions: [config().adminScope],
  async handle({ query, principal }) {
    return { statusCode: 200, body: exportResponse(await exportCatalog(catalogExportStore, principal.tenantId, query)) };
  },
});
