/** Throughput and tail latency under concurrent clients, through the local HTTP server. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DevIssuer } from '#scripts/local/devIssuer';
import { log, percentile, round, seed, tokenFor, type BenchRoute } from './harness.ts';
import { LOAD_CONNECTIONS, LOAD_SECONDS } from './settings.ts';
import { WORKLOADS } from './workloads.ts';

/** LOAD_CONNECTIONS concurrent clients for LOAD_SECONDS against the local server, each request distinct. */
export async function measureLoad(routes: readonly BenchRoute[], raw: DynamoDBDocumentClient, issuer: DevIssuer) {
  const { createLocalApi, listen } = await import('#scripts/local/server');
  const server = await createLocalApi(routes);
  const baseUrl = await listen(server, 0);
  const results: Record<string, Record<string, number>> = {};
  try {
    for (const route of routes) {
      const workload = WORKLOADS[route.name];
      const tenant = `benchload_${route.name}`;
      await seed(raw, tenant, workload);
      const token = tokenFor(issuer, tenant, workload);
      const latencies: number[] = [];
      // 503s that say when to come back are load shed as designed; anything else unexpected is an error.
      let shed = 0;
      let errors = 0;
      const statuses: Record<string, number> = {};
      let next = 0;
      const deadline = performance.now() + LOAD_SECONDS * 1000;
      await Promise.all(
        Array.from({ length: workload.loadConnections ?? LOAD_CONNECTIONS }, async () => {
          while (performance.now() < deadline && next < workload.capacity) {
            const request = workload.request(next++, tenant);
            const started = performance.now();
            try {
              const reply = await fetch(`${baseUrl}${request.path}${request.query ? `?${request.query}` : ''}`, {
                method: route.method,
                headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...request.headers },
                body: JSON.stringify(request.body),
              });
              await reply.arrayBuffer();
              if (reply.status === 503 && reply.headers.get('retry-after')) shed += 1;
              else if (reply.status !== workload.status) {
                errors += 1;
                statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
              }
            } catch (error) {
              errors += 1;
              const name = error instanceof Error ? String((error.cause as { code?: string } | undefined)?.code ?? error.name) : 'error';
              statuses[name] = (statuses[name] ?? 0) + 1;
            }
            latencies.push(performance.now() - started);
          }
        }),
      );
      results[route.name] = {
        loadRequests: latencies.length,
        loadThroughputRps: round(latencies.length / LOAD_SECONDS, 1),
        loadP99Ms: round(percentile(latencies, 99), 1),
        loadShed503: shed,
        loadErrors: errors,
      };
      if (errors > 0) log(`load ${route.name}: errors by status ${JSON.stringify(statuses)}`);
    }
  } finally {
    server.close();
  }
  return results;
}
