import type { Server } from 'node:http';
import { createLocalApi, listen } from '#scripts/local/server';

/** The local API (every route, real handlers) on a free loopback port, for HTTP-level and SDK tests. */
export async function startLocalApi(): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server: Server = await createLocalApi();
  const baseUrl = await listen(server, 0);
  return {
    baseUrl,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
