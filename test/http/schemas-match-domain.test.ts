/**
 * `http/schemas.ts` states the domain types a second time, for validation and the OpenAPI
 * document. These checks keep the two from drifting: at compile time (`npm run typecheck` fails if
 * a field is added, dropped or retyped on one side only) and at run time (what the archive really
 * stores and answers has exactly the fields the schemas describe, no more and no fewer).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from '@hono/zod-openapi';
import type { LinkedDocument } from '../../functions/app/list-copies.ts';
import { metadataOf } from '../../functions/app/ingest-document.ts';
import { readDocument } from '../../functions/app/read-document.ts';
import type { SourceDescription } from '../../functions/core/describe-source.ts';
import type {
  DocumentMetadata,
  Paragraph,
  PublishedAtSource,
  Quote,
  SourceMetadata,
} from '../../functions/core/document.ts';
import {
  DocumentMetadataSchema,
  DocumentSchema,
  ExtractedMetadataSchema,
  LinkedDocumentSchema,
  ParagraphSchema,
  PublishedAtSourceSchema,
  QuoteSchema,
  SourceMetadataSchema,
} from '../../functions/http/schemas.ts';
import { getJson, postJson, useScratchArchive } from '../helpers/scratch-archive.ts';

describe('the API schemas state the domain types, field for field', () => {
  it('agree in type with core/document.ts and the use cases (checked by tsc)', () => {
    expectTypeOf<z.infer<typeof DocumentMetadataSchema>>().toEqualTypeOf<DocumentMetadata>();
    expectTypeOf<z.infer<typeof QuoteSchema>>().toEqualTypeOf<Quote>();
    expectTypeOf<z.infer<typeof ParagraphSchema>>().toEqualTypeOf<Paragraph>();
    expectTypeOf<z.infer<typeof PublishedAtSourceSchema>>().toEqualTypeOf<PublishedAtSource | null>();
    // An uploader may give everything a file may say, except the file's own creation time.
    expectTypeOf<z.infer<typeof SourceMetadataSchema>>().toEqualTypeOf<Omit<SourceMetadata, 'fileCreatedAt'>>();
    expectTypeOf<z.infer<typeof ExtractedMetadataSchema>>().toEqualTypeOf<Omit<SourceDescription, 'notes'>>();
    expectTypeOf<z.infer<typeof LinkedDocumentSchema>>().toEqualTypeOf<LinkedDocument>();
    // The same, as key sets at run time: a schema field nobody fills, or a domain field nobody documents.
    expect(Object.keys(QuoteSchema.shape).sort()).toEqual([
      'end',
      'kind',
      'mention',
      'speaker',
      'start',
      'text',
      'verb',
    ]);
  });
});

describe('what the archive stores and answers has exactly the schemas’ fields', () => {
  const scratch = useScratchArchive();

  it('a stored document, its quotes and paragraphs, and the GET answer parse strictly', async () => {
    const text = '"We rebuilt it in six weeks," said Mayor Ana Ruiz.\n\nThe bridge reopened on Monday after the storm.';
    const created = await postJson(scratch.app, '/api/documents', {
      title: 'Bridge reopens',
      text,
      publisher: 'Town Crier',
    });
    expect(created.status).toBe(201);
    const document = await readDocument(scratch.archive, created.body.id);
    expect(document.quotes.length).toBeGreaterThan(0);
    // strict(): an extra key fails as surely as a missing or mistyped one.
    expect(DocumentMetadataSchema.strict().safeParse(metadataOf(document)).error?.issues).toBeUndefined();
    for (const quote of document.quotes) expect(QuoteSchema.strict().safeParse(quote).error?.issues).toBeUndefined();
    for (const paragraph of document.paragraphs)
      expect(ParagraphSchema.strict().safeParse(paragraph).error?.issues).toBeUndefined();
    const answered = await getJson(scratch.app, `/api/documents/${created.body.id}`);
    expect(DocumentSchema.strict().safeParse(answered.body).error?.issues).toBeUndefined();
    // And the check bites: a field the schema does not know is refused.
    expect(DocumentMetadataSchema.strict().safeParse({ ...metadataOf(document), status: 'ready' }).success).toBe(false);
  });
});
