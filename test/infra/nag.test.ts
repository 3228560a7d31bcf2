/**
 * cdk-nag's AwsSolutions and Serverless packs over the stack, as `cdk synth` applies them
 * (infra/apply-nag-checks.ts): no unsuppressed error or warning, every suppression has a reason
 * and is listed in the README, and the check itself still catches a real finding.
 */
import { readFileSync } from 'node:fs';
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { applyNagChecks } from '../../infra/apply-nag-checks.ts';
import { NO_BUNDLING, synth } from './template-helpers.ts';

/** Annotations as a list instead of a synth failure, so the test can show what was found. */
const LIST_ANNOTATIONS = { ...NO_BUNDLING, '@aws-cdk/core:annotationsInValidationReport': false };

function nag(addToStack?: (stack: Stack) => void) {
  const { stack, template } = synth(undefined, LIST_ANNOTATIONS, (app) => {
    addToStack?.(app.node.findAll().find((c): c is Stack => c instanceof Stack)!);
    applyNagChecks(app);
  });
  const annotations = Annotations.fromStack(stack);
  const text = (found: { id: string; entry: { data?: unknown } }[]) =>
    found.map((f) => `${f.id}: ${String(f.entry.data).split('\n')[0]}`);
  return {
    template,
    errors: text(annotations.findError('*', Match.anyValue())),
    warnings: text(annotations.findWarning('*', Match.anyValue())),
  };
}

describe('cdk-nag', () => {
  const result = nag();

  it('finds no unsuppressed error or warning in the AwsSolutions and Serverless packs', () => {
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('has a reason for every suppression, and the README lists each suppressed rule', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const deployment = readme.slice(readme.indexOf('## Deployment'), readme.indexOf('## Libraries'));
    type Suppression = { id: string; reason: string };
    const resources = Object.values(result.template.toJSON().Resources) as {
      Metadata?: { cdk_nag?: { rules_to_suppress?: Suppression[] } };
    }[];
    const suppressions = resources.flatMap((r) => r.Metadata?.cdk_nag?.rules_to_suppress ?? []);
    expect(suppressions.length).toBeGreaterThan(0);
    for (const { id, reason } of suppressions) {
      expect(reason.length, id).toBeGreaterThan(60);
      expect(deployment, `README Deployment section should explain ${id}`).toContain(`\`${id}\``);
    }
  });

  it('still reports a construct nobody has reviewed', () => {
    const { errors } = nag((stack) => new Queue(stack, 'Unreviewed'));
    expect(errors.some((e) => /AwsSolutions-SQS4/.test(e) && /Unreviewed/.test(e))).toBe(true);
  });
});
