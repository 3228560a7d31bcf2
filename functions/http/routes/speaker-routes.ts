/** The speaker directory: `GET /api/suggest?q=` and `GET /api/speakers/{name}`. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { currentDirectory } from '../../app/current-directory.ts';
import { speakerQuotes } from '../../app/speaker-quotes.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { createRouter } from '../create-router.ts';
import { ErrorSchema } from '../schemas.ts';
import { SpeakerParamSchema, SpeakerQuotesSchema, SuggestionsSchema, SuggestQuerySchema } from '../speaker-schemas.ts';

const suggestRoute = createRoute({
  method: 'get',
  path: '/suggest',
  operationId: 'suggest',
  security: [],
  summary: 'Speakers and publishers whose names start like, or nearly match, what was typed',
  request: { query: SuggestQuerySchema },
  responses: {
    200: { description: 'Suggestions, best first', content: { 'application/json': { schema: SuggestionsSchema } } },
    400: { description: 'Empty or too long', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

const speakerRoute = createRoute({
  method: 'get',
  path: '/speakers/{name}',
  operationId: 'getSpeaker',
  security: [],
  summary: 'Every archived quote attributed to one person (any form of the name), newest first',
  request: { params: SpeakerParamSchema },
  responses: {
    200: {
      description: 'The person and their quotes',
      content: { 'application/json': { schema: SpeakerQuotesSchema } },
    },
    400: { description: 'Bad name', content: { 'application/json': { schema: ErrorSchema } } },
    404: { description: 'No such speaker', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

/**
 * Mounted under `/api`: `app.route('/api', speakerRoutes(deps))`.
 */
export function speakerRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.openapi(suggestRoute, async (c) =>
    c.json((await currentDirectory(deps.archive)).suggest(c.req.valid('query').q), 200),
  );
  app.openapi(speakerRoute, async (c) => {
    const found = await speakerQuotes(deps.archive, c.req.valid('param').name);
    const origin = new URL(c.req.url).origin;
    return c.json({ ...found, quotes: found.quotes.map((q) => ({ ...q, permalink: `${origin}${q.permalink}` })) }, 200);
  });
  return app;
}
