import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { KEY_PREFIX } from '../key-prefixes.ts';
import { ABORT_INCOMPLETE_UPLOADS, PRIVATE_BUCKET_PROPS } from '../private-bucket-props.ts';
import { AccessLogBucket } from './access-log-bucket.ts';

/** Options for {@link Storage}. */
export interface StorageProps {
  /** How long a replaced index snapshot stays recoverable as a noncurrent version. */
  readonly indexVersionRetention: Duration;
  /** How long the bucket's server access logs are kept. */
  readonly accessLogRetention: Duration;
}

/** How long a file the import job refused stays under `incoming/` for its uploader to look at. */
const INCOMING_RETENTION = Duration.days(14);

/** Key prefix of the archive bucket's server access logs inside the log bucket. */
export const ACCESS_LOG_PREFIX = 'archive-bucket/';

/**
 * The archive's state: one bucket for originals, documents and index snapshots, and one table for
 * metadata, the ingest log and the index manifest. Both are retained when the stack is deleted —
 * the originals are the archive, and nothing else can recreate them.
 */
export class Storage extends Construct {
  /** Originals, normalised documents and index snapshots. */
  readonly bucket: Bucket;
  /** Metadata, hash claims, the ingest log and the index manifest (single-table, `pk`/`sk`). */
  readonly table: Table;
  /** The archive bucket's server access logs. */
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);

    this.accessLogs = new AccessLogBucket(this, 'AccessLogs', { retention: props.accessLogRetention }).bucket;
    this.bucket = new Bucket(this, 'Bucket', {
      // Every request to the archive (who fetched, wrote or deleted which key) lands here, for
      // audits and for tracing an unexpected delete.
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: ACCESS_LOG_PREFIX,
      // Versioning is the undo button for originals (never rewritten, so only deletes create
      // noncurrent versions) and keeps the previous index snapshot around while readers switch.
      versioned: true,
      ...PRIVATE_BUCKET_PROPS,
      lifecycleRules: [
        {
          id: 'ExpireReplacedIndexSnapshots',
          // Snapshots are rewritten every few minutes under load; without this rule every old
          // version would be kept (and billed) forever. Originals are deliberately not covered.
          prefix: KEY_PREFIX.index,
          noncurrentVersionExpiration: props.indexVersionRetention,
          expiredObjectDeleteMarker: true,
        },
        {
          id: 'ExpireIncomingFiles',
          // The import job deletes what it archived (the original is kept under originals/); what
          // it refused waits here for its uploader, then goes. Versioning would otherwise keep every
          // imported file twice.
          prefix: KEY_PREFIX.incoming,
          expiration: INCOMING_RETENTION,
          noncurrentVersionExpiration: Duration.days(1),
        },
        ABORT_INCOMPLETE_UPLOADS,
      ],
    });

    this.table = new Table(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      // Ingest is bursty (imports) and otherwise idle: on-demand costs nothing at rest.
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
