import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { StackSecretReader } from '#shared/store/cursorSeal';

/**
 * The stack's sealing secret read from Secrets Manager (once per container: cursorSeal.ts keeps
 * it). In a module of its own so that only the functions given the secret bundle the client
 * (about 14 KB): functions/commons/sealingRoute.ts is its one importer.
 */
export const readFromSecretsManager: StackSecretReader = async (secretArn) =>
  (await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretArn }))).SecretString;
