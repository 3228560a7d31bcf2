/**
 * Small readers over a synthesized CloudFormation template, so the stack tests can ask "what may
 * this function do to which ARN" instead of matching nested intrinsics by hand.
 */
import { readFileSync, rmSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll } from 'vitest';
import { VerbatimStack, type VerbatimStackProps } from '../../infra/verbatim-stack.ts';

// CDK's built-in CloudFormation validation adds ~5 s per synth and checks nothing asserted here.
process.env.CDK_VALIDATION = 'false';

/** cdk.json's context (feature flags), so test templates match what `cdk synth` produces. */
export const CDK_CONTEXT = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context;

/** Context that makes CDK skip bundling for every stack: the template is unchanged. */
export const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

/** Cloud assemblies go to fresh temp directories; removed after the suite. */
const outdirs: string[] = [];
afterAll(() => outdirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * Synthesizes a {@link VerbatimStack} with cdk.json's flags plus `extraContext`; `prepare` runs
 * on the app before synthesis (to add aspects, for instance).
 */
export function synth(
  props?: VerbatimStackProps,
  extraContext: Record<string, unknown> = {},
  prepare?: (app: App) => void,
) {
  const app = new App({ context: { ...CDK_CONTEXT, ...extraContext } });
  outdirs.push(app.outdir);
  const stack = new VerbatimStack(app, 'VerbatimTest', props);
  prepare?.(app);
  return { app, stack, template: Template.fromStack(stack) };
}

/** A template resource, loosely typed: tests probe whatever properties they need. */
export interface CfnResource {
  Type: string;
  Properties?: Record<string, any>;
  DeletionPolicy?: string;
  DependsOn?: string[];
}

/** The only resource of `type`; fails when there are none or several. */
export function single(template: Template, type: string): [string, CfnResource] {
  const found = Object.entries(template.findResources(type)) as [string, CfnResource][];
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
}

/** The only resource of `type` whose properties match `properties` (deep partial match). */
export function singleWith(
  template: Template,
  type: string,
  properties: Record<string, unknown>,
): [string, CfnResource] {
  const found = Object.entries(template.findResources(type, { Properties: properties })) as [string, CfnResource][];
  if (found.length !== 1) throw new Error(`expected one matching ${type}, found ${found.length}`);
  return found[0];
}

/** The archive's bucket: the one whose server access logs go to the log bucket. */
export function archiveBucket(template: Template): [string, CfnResource] {
  return singleWith(template, 'AWS::S3::Bucket', { LoggingConfiguration: Match.anyValue() });
}

/** The Lambda function with this description (the stack gives each a distinct one). */
export function functionByDescription(template: Template, description: string): [string, CfnResource] {
  const found = Object.entries(
    template.findResources('AWS::Lambda::Function', { Properties: { Description: description } }),
  ) as [string, CfnResource][];
  if (found.length !== 1) throw new Error(`expected one function "${description}", found ${found.length}`);
  return found[0];
}

/**
 * Renders an IAM resource as text: `{ Fn::GetAtt: [X, 'Arn'] }` becomes `arn:X`, `{ Ref: X }`
 * becomes `ref:X`, and `Fn::Join` concatenates. Enough to compare ARNs built by CDK grants.
 */
export function arnText(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any>;
  if (v['Fn::GetAtt']) return `arn:${v['Fn::GetAtt'][0]}`;
  if (v.Ref) return `ref:${v.Ref}`;
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(arnText).join(v['Fn::Join'][0]);
  return JSON.stringify(value);
}

/** Every `Allow` statement of every IAM policy in the template, with its policy's roles. */
export function allowStatements(template: Template): { roles: string[]; actions: string[]; resources: string[] }[] {
  const out: { roles: string[]; actions: string[]; resources: string[] }[] = [];
  for (const policy of Object.values(template.findResources('AWS::IAM::Policy')) as CfnResource[]) {
    const roles = (policy.Properties!.Roles as { Ref: string }[]).map((r) => r.Ref);
    for (const s of policy.Properties!.PolicyDocument.Statement) {
      if (s.Effect !== 'Allow') continue;
      out.push({ roles, actions: [s.Action].flat(), resources: [s.Resource].flat().map(arnText) });
    }
  }
  return out;
}

/** action → resources it is allowed on, for the role of the given function. */
export function grantsOf(template: Template, fn: CfnResource): Map<string, Set<string>> {
  const role = fn.Properties!.Role['Fn::GetAtt'][0] as string;
  const grants = new Map<string, Set<string>>();
  for (const s of allowStatements(template).filter((st) => st.roles.includes(role))) {
    for (const action of s.actions) {
      const set = grants.get(action) ?? new Set<string>();
      s.resources.forEach((r) => set.add(r));
      grants.set(action, set);
    }
  }
  return grants;
}
