/** `GET /api/health`: liveness and readiness, for a load balancer or a monitor. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { checkHealth } from '../../app/check-health.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { createRouter } from '../create-router.ts';

const CheckSchema = z.object({ ok: z.boolean(), ms: z.number(), error: z.string().optional() });

const HealthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    live: z.literal(true),
    ready: z.boolean().openapi({ description: 'Storage answers and the search index is loaded' }),
    checks: z.object({
      metadata: CheckSchema,
      blobs: CheckSchema,
      index: CheckSchema.extend({ documents: z.number().int().optional() }),
    }),
  })
  .openapi('Health');

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'health',
  // Open on purpose: a load balancer or monitor probes it without the write token.
  security: [],
  summary: 'Liveness (the process answers) and readiness (DynamoDB and S3 reachable, index loaded)',
  responses: {
    200: { description: 'Ready to serve', content: { 'application/json': { schema: HealthSchema } } },
    503: {
      description: 'Alive but not ready: a check failed or timed out',
      content: { 'application/json': { schema: HealthSchema } },
    },
  },
});

/**
 * Mounted under `/api`: `app.route('/api', healthRoutes(deps))`.
 */
export function healthRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.openapi(healthRoute, async (c) => {
    const health = await checkHealth(deps.archive);
    c.header('cache-control', 'no-store');
    return health.ready ? c.json(health, 200) : c.json(health, 503);
  });
  return app;
}
