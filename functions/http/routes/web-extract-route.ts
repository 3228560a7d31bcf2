/**
 * `POST /api/extract`: parse an uploaded file without storing it, and return what the file itself
 * says — its format, metadata and the start of its text — so the upload form can pre-fill its
 * fields and refuse an unreadable file before the upload. Needs the same token as uploading
 * (parsing a PDF is real work; it is not offered to anyone).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { readSourceTextOffThread } from '../../app/prepare-off-thread.ts';
import { countWords } from '../../core/text/normalize-text.ts';
import type { AppDeps } from '../create-app.ts';
import { requireToken, writeTokensOf } from '../require-token.ts';
import { errorResponses } from '../error-responses.ts';
import { limitUploadSize } from '../limit-upload-size.ts';
import { readIngestRequest } from '../read-ingest-request.ts';
import { ExtractedMetadataSchema } from '../schemas.ts';
import { describeSource } from '../../core/describe-source.ts';

/** The preview is for recognising the file, not for reading it. */
const PREVIEW_CHARS = 400;

const ExtractResultSchema = z
  .object({
    format: z.enum(['text', 'markdown', 'html', 'pdf', 'docx']),
    metadata: ExtractedMetadataSchema,
    notes: z.array(z.string()).openapi({ description: 'Metadata found in the file and not kept, and why (a publication date in the future, say).' }),
    wordCount: z.number().int(),
    preview: z.string().openapi({ description: `The first ${PREVIEW_CHARS} characters of the normalised text.` }),
  })
  .openapi('ExtractResult');

const extractRoute = createRoute({
  method: 'post',
  path: '/api/extract',
  operationId: 'extractDocument',
  summary: 'Read a file without archiving it: its format, metadata and a text preview',
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } } } },
  responses: {
    200: { description: 'What the file says about itself', content: { 'application/json': { schema: ExtractResultSchema } } },
    ...errorResponses(400, 401, 413, 415, 422),
  },
});

/**
 * @example
 * ```ts
 * extractRoute(app, deps); // then: POST /api/extract with a multipart "file"
 * ```
 */
export function webExtractRoute(app: OpenAPIHono, deps: AppDeps): void {
  app.openAPIRegistry.registerPath(extractRoute);
  app.post(
    '/api/extract',
    requireToken(writeTokensOf(deps)),
    limitUploadSize(deps.archive.limits.maxUploadBytes),
    async (c) => {
      // The same reading as an upload: what /api/extract previews is exactly what would be archived.
      const { file } = await readIngestRequest(c);
      const { parsed, text } = await readSourceTextOffThread(file);
      // The same choice of title and date as ingest makes, with no uploader fields yet.
      const { notes, ...metadata } = describeSource(parsed.metadata, text, {}, new Date());
      return c.json({ format: parsed.format, metadata, notes, wordCount: countWords(text), preview: text.slice(0, PREVIEW_CHARS) }, 200);
    },
  );
}
