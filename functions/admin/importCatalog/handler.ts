import { route } from '#functions/commons/sealingRoute';
import { config } from '#shared/config';
import { importResponse, toCatalogDocuments } from '#functions/admin/dialect/catalog';
import { admin } from '#functions/admin/dialect/errors';
import { importCatalog } from '#shared/domain/catalogImportRun';
import { catalogImportStore } from '#shared/store/catalogImport';
import { request } from './contract.ts';

/** PUT /admin/catalog: catalog import, in our own conventions. */
export const handler = route({
  request,
  dialect: admin,
  permissions: [config().adminScope],
  async handle({ body, principal }) {
    return { statusCode: 200, body: importResponse(await importCatalog(catalogImportStore, principal, toCatalogDocuments(body))) };
  },
});
