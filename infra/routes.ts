/**
 * The product's routes: one Lambda per documented POST, with the paths it answers
 * and the DynamoDB actions it issues. The CDK stack, the local server and the tests
 * all read this table.
 */
export type DynamoAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:BatchGetItem'
  | 'dynamodb:Query'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem'
  | 'dynamodb:ConditionCheckItem';

/** What the shared Idempotency-Key step issues on every route (claim, complete, release). */
export const IDEMPOTENCY_ACTIONS: DynamoAction[] = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'];

/** Every DynamoDB action a route's function may call: its own and the idempotency step's. */
export const grantedActions = (route: RouteDefinition): DynamoAction[] => [...new Set([...route.dynamoActions, ...IDEMPOTENCY_ACTIONS])].sort();

export interface RouteDefinition {
  /** Lambda name, also the folder under functions/. */
  name: string;
  method: 'POST';
  /** API Gateway path templates. */
  paths: string[];
  /** Exactly what the function calls on the table; its IAM policy grants these and nothing else. */
  dynamoActions: DynamoAction[];
}

export const ROUTES: RouteDefinition[] = [
  {
    name: 'createInventoryRecord',
    method: 'POST',
    paths: ['/v1/inventory'],
    dynamoActions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem'],
  },
  {
    name: 'linkVariantInventoryItem',
    method: 'POST',
    paths: ['/admin/products/{id}/variants/{variant_id}/inventory-items'],
    // One TransactWriteItems (three ConditionChecks and an Update), then Queries of the variant's and the items' partitions.
    dynamoActions: ['dynamodb:ConditionCheckItem', 'dynamodb:UpdateItem', 'dynamodb:Query'],
  },
  {
    name: 'createVariantInventoryRecord',
    method: 'POST',
    // The official OrderCloud SDK prefixes its API version.
    paths: ['/products/{productID}/variants/{variantID}/inventoryrecords', '/v1/products/{productID}/variants/{variantID}/inventoryrecords'],
    dynamoActions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem'],
  },
  {
    name: 'createVariant',
    method: 'POST',
    paths: ['/api/v1/inventory/products/variants'],
    // One BatchGet, then one TransactWriteItems of Puts (variant, SKU guard, stock record).
    dynamoActions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem'],
  },
];

export const handlerEntry = (route: RouteDefinition) => `functions/${route.name}/handler.ts`;
