/**
 * The product's routes: one Lambda per documented POST, with the paths it answers.
 * The CDK stack, the local server and the tests all read this table.
 */
export interface RouteDefinition {
  /** Lambda name, also the folder under functions/. */
  name: string;
  method: 'POST';
  /** API Gateway path templates. */
  paths: string[];
}

export const ROUTES: RouteDefinition[] = [
  { name: 'createInventoryRecord', method: 'POST', paths: ['/v1/inventory'] },
];

export const handlerEntry = (route: RouteDefinition) => `functions/${route.name}/handler.ts`;
