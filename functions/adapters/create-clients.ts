/**
 * Builds the AWS SDK clients from configuration. The only place that knows about endpoints: with
 * none set the SDK talks to AWS; with one set (the embedded local servers) it uses path-style S3.
 *
 * The clients go without the SDK's logger middleware. With no logger configured it still builds,
 * for every request, a copy of the input and output with sensitive members masked, walking both
 * against the operation's schema, and hands it to the no-op logger: 6.5% of a bulk import's
 * thread, profiled (README: Figures). Nothing here configures a logger; errors still reach the
 * caller as thrown errors.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '../config.ts';

/** The SDK clients every adapter receives. */
export interface AwsClients {
  s3: S3Client;
  dynamo: DynamoDBClient;
}

/**
 * @example
 * ```ts
 * const { s3, dynamo } = createClients(loadConfig(process.env));
 * ```
 */
export function createClients(config: Pick<Config, 'region' | 's3Endpoint' | 'dynamoEndpoint'>): AwsClients {
  // s3rver accepts only this key pair; on AWS the default credential chain applies.
  const localCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const s3 = new S3Client({
    region: config.region,
    // The SDK's default flexible checksums make s3rver store aws-chunked framing inside bodies;
    // WHEN_REQUIRED is equally correct on real S3.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(config.s3Endpoint ? { endpoint: config.s3Endpoint, forcePathStyle: true, credentials: localCredentials } : {}),
  });
  const dynamo = new DynamoDBClient({
    region: config.region,
    ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint, credentials: localCredentials } : {}),
  });
  for (const client of [s3, dynamo]) client.middlewareStack.remove(LOGGER_MIDDLEWARE);
  return { s3, dynamo };
}

/** The name the SDK registers its logger middleware under (`@aws-sdk/core`'s `loggerMiddlewareOptions`). */
export const LOGGER_MIDDLEWARE = 'loggerMiddleware';
