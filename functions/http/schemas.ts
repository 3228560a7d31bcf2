/**
 * The API's request and response schemas. They validate requests and generate the OpenAPI
 * document at `/api/openapi.json`, so clients can be generated from the same source of truth.
 */
import { z } from '@hono/zod-openapi';

const optionalText = (max: number) => z.string().max(max).optional();

/** Metadata an uploader may type; every field optional. */
export const SourceMetadataSchema = z.object({
  title: optionalText(500),
  url: optionalText(2000),
  publisher: optionalText(200),
  author: optionalText(300),
  publishedAt: optionalText(40).openapi({ example: '2025-11-14' }),
});

/** JSON ingest: exactly one of `text` or `html`. */
export const IngestJsonSchema = SourceMetadataSchema.extend({
  text: z.string().optional().openapi({ description: 'Plain text of the article.' }),
  html: z.string().optional().openapi({ description: 'An HTML page; its main text is extracted.' }),
})
  .refine((body) => (body.text === undefined) !== (body.html === undefined), {
    message: 'Send exactly one of "text" or "html".',
  })
  .openapi('IngestJson');

export const IngestMultipartSchema = SourceMetadataSchema.extend({
  file: z.any().openapi({ type: 'string', format: 'binary', description: 'text/plain, text/markdown, text/html, application/pdf or DOCX.' }),
}).openapi('IngestMultipart');

export const ParagraphSchema = z.object({ start: z.number().int(), end: z.number().int() });

export const QuoteSchema = z
  .object({
    text: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    speaker: z.string().nullable(),
    mention: z.string().nullable(),
    verb: z.string().nullable(),
    kind: z.enum(['speech', 'term']),
  })
  .openapi('Quote');

export const DocumentMetadataSchema = z
  .object({
    id: z.string().openapi({ example: '3f2a9c0d4b1e8a77' }),
    title: z.string(),
    url: z.string().nullable(),
    publisher: z.string().nullable(),
    author: z.string().nullable(),
    publishedAt: z.string().nullable(),
    ingestedAt: z.string(),
    uploader: z.string().nullable(),
    sha256: z.string().openapi({ description: 'SHA-256 of the normalised text (the dedupe key).' }),
    originalSha256: z.string().openapi({ description: 'SHA-256 of the original bytes.' }),
    size: z.number().int().openapi({ description: 'Size of the original in bytes.' }),
    contentType: z.string(),
    wordCount: z.number().int(),
    quoteCount: z.number().int(),
  })
  .openapi('DocumentMetadata');

export const IngestResultSchema = DocumentMetadataSchema.extend({ duplicate: z.boolean() }).openapi('IngestResult');

export const DocumentSchema = DocumentMetadataSchema.extend({
  text: z.string(),
  paragraphs: z.array(ParagraphSchema),
  quotes: z.array(QuoteSchema),
}).openapi('Document');

export const PassageSchema = z
  .object({
    text: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    highlights: z.array(z.tuple([z.number().int(), z.number().int()])).openapi({ description: 'Matched words as [start, end] offsets into the document text.' }),
  })
  .openapi('Passage');

export const SearchPageSchema = z
  .object({
    total: z.number().int(),
    results: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        publisher: z.string().nullable(),
        publishedAt: z.string().nullable(),
        score: z.number(),
        passages: z.array(PassageSchema),
        quotes: z.array(QuoteSchema),
      }),
    ),
    tookMs: z.number(),
  })
  .openapi('SearchPage');

export const SearchQuerySchema = z.object({
  q: z.string().openapi({ description: 'Words (all must match), "a phrase", -excluded, a OR b, publisher:x, speaker:"Full Name".', example: '"strong protest" embassy' }),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const IdParamSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/, 'A document id is 16 hexadecimal characters.').openapi({ param: { name: 'id', in: 'path' }, example: '3f2a9c0d4b1e8a77' }),
});

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi('Error');
