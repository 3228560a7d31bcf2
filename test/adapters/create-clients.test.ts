/**
 * The SDK clients as every adapter receives them. Without a configured logger the SDK's logger
 * middleware still copied every request's input and output, masked against the operation's
 * schema, for its no-op logger: the clients go without it.
 */
import { describe, expect, it } from 'vitest';
import { createClients, LOGGER_MIDDLEWARE } from '../../functions/adapters/create-clients.ts';

const middlewareNames = (client: { middlewareStack: { identify(): string[] } }) =>
  client.middlewareStack.identify().map((entry) => entry.split(' - ')[0]);

describe('createClients', () => {
  it('builds S3 and DynamoDB clients, local or not, without the logger middleware', () => {
    const local = createClients({
      region: 'eu-west-1',
      s3Endpoint: 'http://127.0.0.1:1',
      dynamoEndpoint: 'http://127.0.0.1:1',
    });
    const aws = createClients({ region: 'eu-west-1', s3Endpoint: undefined, dynamoEndpoint: undefined });
    for (const clients of [local, aws]) {
      expect(middlewareNames(clients.s3)).not.toContain(LOGGER_MIDDLEWARE);
      expect(middlewareNames(clients.dynamo)).not.toContain(LOGGER_MIDDLEWARE);
      // The rest of the stack is the SDK's own: signing and retries stay.
      expect(middlewareNames(clients.dynamo)).toEqual(expect.arrayContaining(['retryMiddleware']));
    }
  });
});
