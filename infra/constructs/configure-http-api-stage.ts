import type { HttpApi, HttpRouteIntegration } from 'aws-cdk-lib/aws-apigatewayv2';
import { CfnStage, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/**
 * The routes that change the archive or do expensive work for a token holder. API Gateway gets a
 * route for each (same integration as the catch-all) only so that they can have their own,
 * stricter throttle; Hono still does the routing. A test checks this list against the app's
 * OpenAPI document, so a new write route cannot slip in unthrottled.
 */
export const WRITE_ROUTES = [
  { method: HttpMethod.POST, path: '/api/documents' },
  { method: HttpMethod.POST, path: '/api/documents:batch' },
  { method: HttpMethod.DELETE, path: '/api/documents/{id}' },
  { method: HttpMethod.POST, path: '/api/extract' },
] as const;

/**
 * Every other route (search, reading, quote checks, pages): requests per second across all
 * clients, and the burst above it. 50/s is about 2 warm API functions at the measured 20–40 ms per
 * search over HTTP, far above a newsroom's traffic, and it caps what a runaway client can cost
 * (README, Deployment). API Gateway answers requests beyond it with 429.
 */
export const READ_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

/** Write routes: an upload may parse a 4 MiB PDF for seconds, so a tenth of the read rate. */
export const WRITE_THROTTLE = { rateLimit: 5, burstLimit: 10 } as const;

/** What each access-log line records. No query string (searches stay private), no headers. */
export const ACCESS_LOG_FORMAT = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  method: '$context.httpMethod',
  path: '$context.path',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  userAgent: '$context.identity.userAgent',
} as const;

/** Options for {@link configureHttpApiStage}. */
export interface HttpApiStageOptions {
  readonly integration: HttpRouteIntegration;
  readonly logRetention: RetentionDays;
}

/**
 * Adds the write routes to `httpApi` and sets its `$default` stage's throttles and access logs.
 * The stage CDK created is kept and amended (rather than replaced by a new `HttpStage`), so a
 * deployed stack updates it in place: two `$default` stages cannot exist even for a moment.
 */
export function configureHttpApiStage(scope: Construct, httpApi: HttpApi, options: HttpApiStageOptions): LogGroup {
  const stage = httpApi.defaultStage!.node.defaultChild as CfnStage;
  // `RouteSettings` is untyped JSON in the L1, so CDK passes its keys through as written: they
  // must be CloudFormation's PascalCase. (`DefaultRouteSettings` is typed and converted.)
  const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
  for (const { method, path } of WRITE_ROUTES) {
    for (const route of httpApi.addRoutes({ path, methods: [method], integration: options.integration })) {
      // CloudFormation rejects route settings for a route key that does not exist yet.
      stage.node.addDependency(route);
    }
    routeSettings[`${method} ${path}`] = {
      ThrottlingRateLimit: WRITE_THROTTLE.rateLimit,
      ThrottlingBurstLimit: WRITE_THROTTLE.burstLimit,
    };
  }
  const accessLogs = new LogGroup(scope, 'AccessLogs', { retention: options.logRetention });
  stage.defaultRouteSettings = {
    throttlingRateLimit: READ_THROTTLE.rateLimit,
    throttlingBurstLimit: READ_THROTTLE.burstLimit,
  };
  stage.routeSettings = routeSettings;
  stage.accessLogSettings = {
    destinationArn: accessLogs.logGroupArn,
    format: JSON.stringify(ACCESS_LOG_FORMAT),
  };
  return accessLogs;
}
