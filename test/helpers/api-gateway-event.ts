/** API Gateway HTTP API events (payload format 2.0), as Lambda hands them to the api function. */

/** What a request carries beyond its method and path. */
export interface EventOptions {
  query?: string;
  body?: string;
  /** True when `body` is base64 (API Gateway encodes binary bodies, such as a PDF upload, so). */
  isBase64Encoded?: boolean;
  headers?: Record<string, string>;
}

/**
 * @example
 * ```ts
 * await handler(apiGatewayEvent('GET', '/api/search', { query: 'q=oak' }), {});
 * ```
 */
export function apiGatewayEvent(method: string, path: string, options: EventOptions = {}) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: options.query ?? '',
    headers: { host: 'abc.execute-api.eu-west-1.amazonaws.com', ...options.headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc',
      domainName: 'abc.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abc',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'verbatim-test' },
      requestId: 'r1',
      routeKey: '$default',
      stage: '$default',
      time: '01/Jan/2025:00:00:00 +0000',
      timeEpoch: 0,
    },
    body: options.body,
    isBase64Encoded: options.isBase64Encoded ?? false,
  };
}

/** The event type, for code that builds lists of them. */
export type ApiGatewayEvent = ReturnType<typeof apiGatewayEvent>;
