/**
 * `POST /api/extract`: parse an uploaded file without storing it, and return what the file itself
 * says — its format, metadata and the start of its text — so the upload form can pre-fill its
 * fields and refuse an unreadable file before the upload. Needs the same token as uploading
 * (parsing a PDF is real work; it is not offered to anyone).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { PREVIEW_CHARS } from '../../app/upload-limits.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { createRouter } from '../create-router.ts';
import { errorResponses } from '../error-responses.ts';
import { limitUploadSize } from '../limit-upload-size.ts';
import { readIngestRequest } from '../read-ingest-request.ts';
import { requireWriter, writeTokensOf } from '../require-writer.ts';
import { ExtractedMetadataSchema } from '../schemas.ts';

const ExtractResultSchema = z
  .object({
    format: z.enum(['text', 'markdown', 'html', 'pdf', 'docx']),
    metadata: ExtractedMetadataSchema,
    notes: z.array(z.string()).openapi({
      description: 'Metadata found in the file and not kept, and why (a publication date in the future, say).',
    }),
    wordCount: z.number().int(),
    preview: z.string().openapi({ description: `The first ${PREVIEW_CHARS} characters of the normalised text.` }),
  })
  .openapi('ExtractResult');

const extractRoute = createRoute({
  method: 'post',
  path: '/extract',
  operationId: 'extractDocument',
  summary: 'Read a file without archiving it: its format, metadata and a text preview',
  security: [{ bearer: [] }],
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) },
      },
    },
  },
  responses: {
    200: {
      description: 'What the file says about itself',
      content: { 'application/json': { schema: ExtractResultSchema } },
    },
    ...errorResponses(400, 401, 413, 415, 422),
  },
});

/**
 * Mounted under `/api`: `app.route('/api', extractRoutes(deps))`.
 *
 * @example
 * ```ts
 * // POST /api/extract with a multipart "file" (and the token) → { format, metadata, notes, wordCount, preview }
 * ```
 */
export function extractRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  // Documented through the registry, read by readIngestRequest: the same reading as an upload, so
  // what /api/extract previews is exactly what would be archived.
  app.openAPIRegistry.registerPath(extractRoute);
  app.post(
    '/extract',
    requireWriter(writeTokensOf(deps)),
    limitUploadSize(deps.archive.limits.maxUploadBytes),
    async (c) => {
      const { file } = await readIngestRequest(c);
      // Imported on first use, like ingest: the parsers and date parsing stay off a search's cold start.
      const { extractDocument } = await import('../../app/extract-document.ts');
      return c.json(await extractDocument(file), 200);
    },
  );
  return app;
}
