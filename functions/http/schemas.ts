/**
 * The API's request and response schemas. They validate requests and generate the OpenAPI
 * document at `/api/openapi.json`, so clients can be generated from the same source of truth.
 */
import { z } from '@hono/zod-openapi';

const optionalText = (max: number) => z.string().max(max).optional();

/** Metadata an uploader may type; every field optional. In JSON, `null` (as GET answers) means absent. */
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
  // The refinement above, stated for clients: a generated client then refuses `{ "txt": … }` or a
  // body with both, at compile time.
  .openapi('IngestJson', {
    description: 'Any field may also be null (as GET answers it): null means not given.',
    oneOf: [
      { type: 'object', required: ['text'], properties: { text: { type: 'string' } } },
      { type: 'object', required: ['html'], properties: { html: { type: 'string' } } },
    ],
  });

export const IngestMultipartSchema = SourceMetadataSchema.extend({
  file: z.any().openapi({
    type: 'string',
    format: 'binary',
    description: 'text/plain, text/markdown, text/html, application/pdf or DOCX.',
  }),
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

/** Where a publication date came from; shown next to every date. */
export const PublishedAtSourceSchema = z.enum(['metadata', 'text', 'uploader']).nullable().openapi({
  description:
    "Where publishedAt came from: the file's publication metadata, a dateline at the top of the text, or the uploader; null when no date is known.",
});

const ProvenanceFields = {
  publishedAtSource: PublishedAtSourceSchema,
  fileCreatedAt: z.string().nullable().openapi({
    description:
      "The file's own creation time (PDF Info, DOCX core properties): when it was made or printed, never taken as the publication date.",
  }),
};

/** What a source says about itself, as archived (and as `POST /api/extract` pre-fills it). */
const DescribedFields = {
  title: z.string(),
  url: z.string().nullable(),
  publisher: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: z.string().nullable(),
  ...ProvenanceFields,
};

/** What `POST /api/extract` pre-fills: the metadata an upload of this file would be archived with. */
export const ExtractedMetadataSchema = z.object(DescribedFields).openapi('ExtractedMetadata');

export const DocumentMetadataSchema = z
  .object({
    id: z.string().openapi({ example: '3f2a9c0d4b1e8a77' }),
    ...DescribedFields,
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

export const CitationSchema = z
  .object({
    text: z.string().openapi({
      description: 'One line to paste: publisher, title, date, URL, archive id and link, SHA-256 of the original.',
    }),
    publisher: z.string().nullable(),
    title: z.string(),
    publishedAt: z.string().nullable(),
    url: z.string().nullable(),
    archiveId: z.string(),
    archiveUrl: z.string(),
    originalSha256: z.string(),
    archivedAt: z.string(),
  })
  .openapi('Citation');

const PermalinkField = {
  permalink: z
    .string()
    .openapi({ description: 'Opens the document page with the passage highlighted and scrolled into view.' }),
};
const LinkFields = {
  anchor: z.string().openapi({ description: 'Stable anchor of the quote on its document page.', example: 'q-120-212' }),
  ...PermalinkField,
};

export const IngestResultSchema = DocumentMetadataSchema.extend({ duplicate: z.boolean() }).openapi('IngestResult');

/** Another document linked to this one: a copy, or a report of the same story. */
export const LinkedDocumentSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    publisher: z.string().nullable(),
    publishedAt: z.string().nullable(),
    publishedAtSource: PublishedAtSourceSchema,
    ingestedAt: z.string(),
    contentType: z.string(),
    similarity: z.number().openapi({
      description:
        "For a copy, Jaccard similarity of the two texts' word 5-shingles; for the same story, the cosine of their content words. 0 to 1.",
    }),
  })
  .openapi('LinkedDocument');

export const DocumentSchema = DocumentMetadataSchema.extend({
  copies: z
    .array(LinkedDocumentSchema)
    .openapi({ description: 'The other copies of this article (its copy group), earliest first.' }),
  sameStory: z.array(LinkedDocumentSchema).openapi({
    description: 'Other reports of the same event (not copies), dates within 14 days, earliest first.',
  }),
  text: z.string(),
  paragraphs: z.array(ParagraphSchema),
  quotes: z.array(QuoteSchema.extend(LinkFields)),
  citation: CitationSchema,
}).openapi('Document');

export const PassageSchema = z
  .object({
    text: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    highlights: z
      .array(z.tuple([z.number().int(), z.number().int()]))
      .openapi({ description: 'Matched words as [start, end] offsets into the document text.' }),
  })
  .openapi('Passage');

const FacetCountSchema = z.object({ value: z.string(), count: z.number().int() });

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
        copyCount: z
          .number()
          .int()
          .openapi({ description: 'How many other copies of this article the archive holds.' }),
        copies: z.array(z.string()).openapi({
          description: 'Their ids; with collapse on (the default) none of them is listed as a result of its own.',
        }),
      }),
    ),
    facets: z
      .object({
        publishers: z.array(FacetCountSchema),
        years: z.array(FacetCountSchema),
        speakers: z.array(FacetCountSchema),
      })
      .openapi({ description: 'Counts over all hits, to narrow the query with publisher:, year: or speaker:.' }),
    totalExact: z.boolean().openapi({
      description:
        'False when total is an estimate: phrase candidates are checked against the text only as far as the page needs (at most 200 beyond the offset).',
    }),
    didYouMean: z
      .object({
        text: z
          .string()
          .openapi({ description: 'The query as searched, each replaced word swapped for its close spelling.' }),
        replaced: z.array(z.object({ word: z.string(), with: z.string() })),
      })
      .nullable()
      .openapi({
        description:
          'Set when a query word is in no document in any form and a close spelling was searched instead ("ambasador" → "ambassador"). A word found in another form is not reported.',
        example: { text: 'ambassador', replaced: [{ word: 'ambasador', with: 'ambassador' }] },
      }),
    tookMs: z.number(),
  })
  .openapi('SearchPage');

export const SearchQuerySchema = z.object({
  q: z.string().openapi({
    description:
      'Words (all must match), "a phrase", -excluded, a OR b, publisher:x, speaker:"Full Name", year:2020, after:2019-06, before:2020-01-01.',
    example: '"strong protest" embassy',
  }),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  collapse: z
    .enum(['true', 'false'], { message: 'collapse is true or false.' })
    .default('true')
    .transform((value) => value === 'true')
    .openapi({
      description: 'One result per copy group, its best-ranked member (true, the default); false lists every copy.',
    }),
});

export const IdParamSchema = z.object({
  id: z
    .string()
    .regex(/^[0-9a-f]{16}$/, 'A document id is 16 hexadecimal characters.')
    .openapi({ param: { name: 'id', in: 'path' }, example: '3f2a9c0d4b1e8a77' }),
});

export const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).openapi('Error');

// ---- Quote finder: GET /api/quotes ----

/** `GET /api/quotes` parameters: the claimed quote, an optional speaker, how many results. */
export const QuoteQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'Give the quote to look for in q.')
    .max(1000, 'The quote is too long: the limit is 1000 characters.')
    .refine((q) => (q.match(/[\p{L}\p{N}]+/gu) ?? []).length >= 2, 'Give at least two words of the quote.')
    .openapi({
      description: 'The quote as claimed, in any quote marks, even misremembered.',
      example: 'we rebuilt the deck faster than anybody expected',
    }),
  speaker: z.string().trim().max(200).optional().openapi({
    description:
      'Who is said to have said it: each result says whether the source agrees (speakerMatch); the ranking does not change.',
    example: 'Ana Ruiz',
  }),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

const TextSpanSchema = z.object({ text: z.string(), start: z.number().int(), end: z.number().int() });

export const QuoteDocumentSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    publisher: z.string().nullable(),
    url: z.string().nullable(),
    publishedAt: z.string().nullable(),
    ingestedAt: z.string(),
    originalSha256: z.string(),
  })
  .openapi('QuoteDocument');

const VerdictSchema = z.enum(['exact', 'punctuation_or_case', 'words_differ', 'weak_match']);

export const DiffOpSchema = z
  .object({
    op: z.enum(['kept', 'added', 'missing', 'changed']),
    claim: z.string().optional().openapi({ description: 'The word as claimed (kept, added, changed).' }),
    original: z.string().optional().openapi({ description: 'The word as written (kept, missing, changed).' }),
    start: z.number().int().optional(),
    end: z.number().int().optional(),
  })
  .openapi('DiffOp');

export const QuoteResultSchema = z
  .object({
    document: QuoteDocumentSchema,
    score: z.number().openapi({ description: 'Similarity of claim and original, 0 to 1.' }),
    verdict: VerdictSchema,
    diff: z.array(DiffOpSchema),
    match: TextSpanSchema.openapi({
      description: 'The original words the claim aligns with (offsets into the document text).',
    }),
    passage: TextSpanSchema.extend({ kind: z.enum(['quote', 'narration']) }),
    fragment: z.boolean().openapi({ description: 'The claim is only part of the passage.' }),
    speaker: z.string().nullable(),
    speakerSource: z.enum(['quote', 'nearby']).nullable(),
    speakerMatch: z.enum(['same', 'different', 'unknown']).optional().openapi({
      description:
        'Only with `speaker`: whether the source attributes these words to that speaker ("unknown": it names no one). Never used to rank.',
    }),
    verb: z.string().nullable(),
    before: TextSpanSchema.nullable(),
    after: TextSpanSchema.nullable(),
    alsoIn: z
      .array(
        z.object({
          document: QuoteDocumentSchema,
          score: z.number(),
          verdict: VerdictSchema,
          match: TextSpanSchema,
          passage: TextSpanSchema,
          speaker: z.string().nullable(),
          ...PermalinkField,
        }),
      )
      .openapi({
        description: 'Other documents carrying the same passage, earliest first (published, then archived).',
      }),
    ...PermalinkField,
    citation: CitationSchema,
  })
  .openapi('QuoteResult');

export const QuoteSearchSchema = z
  .object({ results: z.array(QuoteResultSchema), candidates: z.number().int(), tookMs: z.number() })
  .openapi('QuoteSearch');
