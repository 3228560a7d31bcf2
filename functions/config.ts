/**
 * Configuration, read once from the environment and validated, so a misconfigured function fails
 * at cold start with a message instead of at the first request. `infra/` imports {@link ENV} so the
 * stack sets exactly the variables this module reads.
 */
import { z } from 'zod';

/** The environment variable names Verbatim reads. */
export const ENV = {
  bucket: 'VERBATIM_BUCKET',
  table: 'VERBATIM_TABLE',
  region: 'AWS_REGION',
  s3Endpoint: 'VERBATIM_S3_ENDPOINT',
  dynamoEndpoint: 'VERBATIM_DYNAMODB_ENDPOINT',
  apiToken: 'VERBATIM_API_TOKEN',
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
  apiToken: z.string().min(16, `${ENV.apiToken} must be at least 16 characters`).optional(),
  maxUploadBytes: z.coerce.number().int().positive().default(10 * 1024 * 1024),
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
    apiToken: blankToUndefined(ENV.apiToken),
    maxUploadBytes: blankToUndefined(ENV.maxUploadBytes),
    indexFreshnessMs: blankToUndefined(ENV.indexFreshnessMs),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid Verbatim configuration: ${problems}`);
  }
  return parsed.data;
}
