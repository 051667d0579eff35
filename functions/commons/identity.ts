import * as z from 'zod/mini';
import { identityProblem, normalizeIdentity, type IdentityProblem } from '#shared/domain/identity';

/**
 * A string schema for an identity (see shared/domain/identity): checked, then normalised
 * to NFC, so it can safely become part of a key. `message` words a refusal in the
 * dialect's own voice.
 */
export function identity<Input>(schema: z.ZodMiniType<string, Input>, message: (problem: IdentityProblem) => string) {
  return z.pipe(
    schema,
    z.transform<string, string>((value, context) => {
      const problem = identityProblem(value);
      if (problem === undefined) return normalizeIdentity(value);
      context.issues.push({ code: 'custom', message: message(problem), input: value });
      return z.NEVER;
    }),
  );
}
