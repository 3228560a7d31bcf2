/** Schemas of `POST /api/documents:batch`, next to the single ingest's in `schemas.ts`. */
import { z } from '@hono/zod-openapi';
import { MAX_BATCH_DOCUMENTS } from '../app/upload-limits.ts';
import { IngestJsonSchema, IngestResultSchema } from './schemas.ts';

/** The JSON form of a batch: an array of single-ingest bodies. */
export const IngestBatchSchema = z
  .array(IngestJsonSchema)
  .max(MAX_BATCH_DOCUMENTS)
  .openapi('IngestBatch', {
    description: `At most ${MAX_BATCH_DOCUMENTS} documents, each as the JSON body of POST /api/documents. As application/x-ndjson: one such object per line.`,
  });

/** One item's answer: the status a single upload would have got, with the document or the error. */
export const BatchItemResultSchema = z
  .object({
    index: z.number().int().openapi({ description: 'Position of the item in the batch, from 0.' }),
    status: z.number().int().openapi({
      description: '201 added, 200 already archived (duplicate), or the 4xx a single upload would get.',
      example: 201,
    }),
    document: IngestResultSchema.optional(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .openapi('BatchItemResult');

/** The whole answer, one result per item in order, and the counts. */
export const IngestBatchResultSchema = z
  .object({
    added: z.number().int(),
    duplicates: z.number().int(),
    refused: z.number().int(),
    results: z.array(BatchItemResultSchema),
  })
  .openapi('IngestBatchResult');
