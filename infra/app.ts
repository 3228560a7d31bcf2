/**
 * The CDK app (`npx cdk synth`, `npx cdk deploy`). Optional context, e.g.
 * `npx cdk deploy -c stackName=VerbatimStaging -c indexVersionRetentionDays=3`:
 *
 * - `stackName` (default `Verbatim`)
 * - `indexVersionRetentionDays` (default 7)
 * - `maxUploadBytes` (default 4 MiB)
 *
 * The stack is environment-agnostic (no account/region), so synth needs no AWS credentials;
 * deploy targets whatever the CLI's credentials and region point at. cdk-nag checks the stack on
 * every synth, so a finding nobody has accepted fails synth and deploy alike.
 */
import { App } from 'aws-cdk-lib';
import { applyNagChecks } from './apply-nag-checks.ts';
import { VerbatimStack } from './verbatim-stack.ts';

const app = new App();

/** A numeric context value; `-c` passes strings, cdk.json passes numbers. */
function numberContext(key: string): number | undefined {
  const raw: unknown = app.node.tryGetContext(key);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`Context ${key} must be a number, got ${String(raw)}`);
  return value;
}

new VerbatimStack(app, String(app.node.tryGetContext('stackName') ?? 'Verbatim'), {
  indexVersionRetentionDays: numberContext('indexVersionRetentionDays'),
  maxUploadBytes: numberContext('maxUploadBytes'),
});
applyNagChecks(app);
