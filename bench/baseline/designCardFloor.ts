/**
 * The floor a route cannot go under with the design card's packages: the baseline's PutCommand
 * behind middy with its JSON body parser, a JWT checked by aws-jwt-verify and a body validated by
 * zod (zod/mini, as the routes use it), each used so that the bundler keeps what a route keeps.
 * Every route's bundle and init are also reported against this one, to show how far each route is
 * above what the fixed packages cost by themselves, and its warm latency over its raw call is the
 * least a route adds to its own (bench/floorLatency.ts).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import middy from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import { JwtVerifier } from 'aws-jwt-verify';
import * as z from 'zod/mini';

const endpoint = process.env.DYNAMODB_ENDPOINT;
const db = DynamoDBDocumentClient.from(
  new DynamoDBClient(endpoint ? { endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
);
const verifier = JwtVerifier.create({
  issuer: process.env.JWT_ISSUER ?? 'https://issuer.example',
  audience: null,
  jwksUri: process.env.JWT_JWKS_URI,
});
// The bench's dev issuer gives its keys inline, as the routes take them locally.
if (process.env.JWT_JWKS) verifier.cacheJwks(JSON.parse(process.env.JWT_JWKS));
const Body = z.object({ id: z.string().check(z.minLength(1)), quantity: z.optional(z.number()) });

export const handler = middy(async (event: { body?: unknown; headers?: Record<string, string> }) => {
  await verifier.verify((event.headers?.authorization ?? '').replace(/^Bearer /, ''));
  const item = Body.parse(event.body);
  await db.send(new PutCommand({ TableName: process.env.TABLE_NAME, Item: { pk: item.id, sk: 'FLOOR', ...item } }));
  return { statusCode: 200, body: JSON.stringify(item) };
}).use(httpJsonBodyParser());
