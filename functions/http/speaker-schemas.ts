/** Schemas of the speaker directory's API: suggestions while typing, and one person's quotes. */
import { z } from '@hono/zod-openapi';

/** The longest text `GET /api/suggest` looks up: a name, not a document. */
export const MAX_SUGGEST_CHARS = 200;

/** `GET /api/suggest` parameters. */
export const SuggestQuerySchema = z.object({
  q: z
    .string()
    .min(1, 'Type at least one character.')
    .max(MAX_SUGGEST_CHARS, `At most ${MAX_SUGGEST_CHARS} characters.`)
    .openapi({ description: 'What has been typed so far', example: 'zelen' }),
});

const EntrySchema = z.object({ name: z.string(), count: z.number().int() }).openapi('DirectoryEntry');

/** Suggested speakers (one per person, variants joined) and publishers, best match first. */
export const SuggestionsSchema = z
  .object({ speakers: z.array(EntrySchema), publishers: z.array(EntrySchema) })
  .openapi('Suggestions');

/** `GET /api/speakers/{name}` path. */
export const SpeakerParamSchema = z.object({
  name: z
    .string()
    .min(1)
    .max(MAX_SUGGEST_CHARS)
    .openapi({ param: { name: 'name', in: 'path' }, example: 'Zelenskyy' }),
});

/** One person's quotes, newest first. */
export const SpeakerQuotesSchema = z
  .object({
    name: z.string(),
    count: z.number().int().openapi({ description: 'Documents quoting this person' }),
    variants: z.array(z.string()).openapi({ description: 'Every form of the name the archive has' }),
    complete: z.boolean(),
    quotes: z.array(
      z.object({
        text: z.string(),
        speaker: z.string(),
        permalink: z.string(),
        document: z.object({
          id: z.string(),
          title: z.string(),
          publisher: z.string().nullable(),
          publishedAt: z.string().nullable(),
        }),
      }),
    ),
  })
  .openapi('SpeakerQuotes');
