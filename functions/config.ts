/**
 * Configuration, read once from the environment and validated, so a misconfigured function fails
 * at cold start with a message instead of at the first request. `infra/` imports {@link ENV} so the
 * stack sets exactly the variables this module reads.
 */
import { z } from 'zod';

/** A write token and the name writes made with it are attributed to (uploader, audit log). */
export interface ApiToken {
  name: string;
  token: string;
}

/** The name `VERBATIM_API_TOKEN` (one unnamed token) gets. */
export const DEFAULT_TOKEN_NAME = 'default';
/** Shortest token accepted: a guessable token would make the write API open. */
export const MIN_TOKEN_LENGTH = 16;
/** RFC 6750's token68: what `Authorization: Bearer <token>` can carry. */
const TOKEN68 = /^[A-Za-z0-9._~+/-]+=*$/;
const TOKEN_NAME = /^[A-Za-z0-9._@-]{1,64}$/;

const tokenSchema = z
  .string()
  .min(MIN_TOKEN_LENGTH, `every token must be at least ${MIN_TOKEN_LENGTH} characters`)
  .regex(TOKEN68, 'a token may contain only letters, digits and . _ ~ + / - (then = padding)');

/**
 * `name:token,name2:token2` plus the single `VERBATIM_API_TOKEN` (named {@link DEFAULT_TOKEN_NAME}).
 * Names and tokens must be unique, so every write is attributable to exactly one name.
 */
const tokensSchema = z
  .object({ single: tokenSchema.optional(), named: z.string().optional() })
  .transform(({ single, named }, ctx): ApiToken[] => {
    const tokens: ApiToken[] = single ? [{ name: DEFAULT_TOKEN_NAME, token: single }] : [];
    for (const pair of (named ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const colon = pair.indexOf(':');
      const name = colon > 0 ? pair.slice(0, colon).trim() : '';
      const token = pair.slice(colon + 1).trim();
      if (!TOKEN_NAME.test(name))
        ctx.addIssue({
          code: 'custom',
          message: `write it as name:token, the name 1-64 letters, digits or . _ @ - (got "${colon > 0 ? name : '…'}")`,
        });
      const checked = tokenSchema.safeParse(token);
      if (!checked.success)
        ctx.addIssue({ code: 'custom', message: `${name || 'a token'}: ${checked.error.issues[0].message}` });
      tokens.push({ name, token });
    }
    const names = tokens.map((t) => t.name);
    const repeated = names.filter((name, i) => names.indexOf(name) !== i);
    if (repeated.length)
      ctx.addIssue({ code: 'custom', message: `token names must be unique: "${repeated[0]}" is given twice` });
    if (new Set(tokens.map((t) => t.token)).size !== tokens.length)
      ctx.addIssue({ code: 'custom', message: 'two names share one token: writes could not be told apart' });
    return tokens;
  });

/** The environment variable names Verbatim reads. */
export const ENV = {
  bucket: 'VERBATIM_BUCKET',
  table: 'VERBATIM_TABLE',
  region: 'AWS_REGION',
  s3Endpoint: 'VERBATIM_S3_ENDPOINT',
  dynamoEndpoint: 'VERBATIM_DYNAMODB_ENDPOINT',
  apiToken: 'VERBATIM_API_TOKEN',
  apiTokens: 'VERBATIM_API_TOKENS',
  maxUploadBytes: 'VERBATIM_MAX_UPLOAD_BYTES',
  indexFreshnessMs: 'VERBATIM_INDEX_FRESHNESS_MS',
  port: 'PORT',
  dataDir: 'VERBATIM_DATA_DIR',
} as const;

const schema = z.object({
  bucket: z.string().min(3, `${ENV.bucket} must name the S3 bucket`),
  table: z.string().min(3, `${ENV.table} must name the DynamoDB table`),
  region: z.string().min(1).default('us-east-1'),
  s3Endpoint: z.url().optional(),
  dynamoEndpoint: z.url().optional(),
  /** The write tokens; none means writes are open (local use on 127.0.0.1 only). */
  apiTokens: tokensSchema,
  maxUploadBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /**
   * How stale a search may be with respect to other processes' writes (this process's own writes
   * are always visible at once): reading the ingest log costs a DynamoDB round trip per search.
   */
  indexFreshnessMs: z.coerce.number().int().min(0).default(1000),
});

/** Validated configuration shared by every entry point. */
export type Config = z.infer<typeof schema>;

/**
 * Reads and validates the configuration from an environment.
 *
 * @example
 * ```ts
 * const config = loadConfig(process.env); // throws with every problem listed
 * ```
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const blankToUndefined = (name: string) => (env[name] === '' ? undefined : env[name]);
  const parsed = schema.safeParse({
    bucket: env[ENV.bucket],
    table: env[ENV.table],
    region: blankToUndefined(ENV.region),
    s3Endpoint: blankToUndefined(ENV.s3Endpoint),
    dynamoEndpoint: blankToUndefined(ENV.dynamoEndpoint),
    apiTokens: { single: blankToUndefined(ENV.apiToken), named: blankToUndefined(ENV.apiTokens) },
    maxUploadBytes: blankToUndefined(ENV.maxUploadBytes),
    indexFreshnessMs: blankToUndefined(ENV.indexFreshnessMs),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid Verbatim configuration: ${problems}`);
  }
  return parsed.data;
}
