/**
 * The product's routes: one Lambda per documented POST, with the paths it answers
 * and the DynamoDB actions it issues. The CDK stack, the local server and the tests
 * all read this table.
 */
export type DynamoAction = 'dynamodb:GetItem' | 'dynamodb:BatchGetItem' | 'dynamodb:PutItem' | 'dynamodb:UpdateItem' | 'dynamodb:ConditionCheckItem';

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
];

export const handlerEntry = (route: RouteDefinition) => `functions/${route.name}/handler.ts`;
