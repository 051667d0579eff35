import { inject } from 'vitest';

// Handlers read their configuration when first imported: set it before any test file loads one.
Object.assign(process.env, inject('handlerEnv'));
