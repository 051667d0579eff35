import { Tracer } from '@aws-lambda-powertools/tracer';
import { SERVICE_NAME } from '#shared/observability/names';

/**
 * X-Ray subsegments for AWS SDK clients and outgoing HTTPS calls (Powertools Tracer).
 * Only the stream functions use it: it adds about 120 KB to a bundle and most of that to
 * its init, which the HTTP routes cannot afford (see docs/operating.md). Outside Lambda,
 * or with POWERTOOLS_TRACE_ENABLED=false, it does nothing.
 */
export const tracer = new Tracer({ serviceName: SERVICE_NAME });
