import { Aspects } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';

/**
 * Runs cdk-nag's AwsSolutions and Serverless rule packs over everything under `scope` at synth
 * time. An unsuppressed error fails `cdk synth` and `cdk deploy`; each accepted finding is
 * suppressed next to the construct it concerns, with its reason (README, Deployment, lists them).
 */
export function applyNagChecks(scope: IConstruct): void {
  Aspects.of(scope).add(new AwsSolutionsChecks({ verbose: true }));
  Aspects.of(scope).add(new ServerlessChecks({ verbose: true }));
}
