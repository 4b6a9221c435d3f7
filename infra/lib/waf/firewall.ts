/**
 * AWS WAF in front of every stage, on by default: AWS's managed common rule set and
 * known-bad-inputs, plus a rate limit per client IP. The common set's body-size rule blocks
 * every body over 8 KB (AWS PDK shipped it so); it is switched to count so bodies up to
 * API Gateway's own 10 MB limit pass, which then answers 413 above it.
 * @module
 */
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface FirewallOptions {
  /** Requests one IP may send in 5 minutes before WAF blocks it. @default 2000 */
  readonly rateLimitPer5Minutes?: number;
}

/**
 * @example Firewall.enabled({ rateLimitPer5Minutes: 1000 })
 * @example Firewall.disabled('internal API reached only through a private VPC endpoint')
 */
export class Firewall {
  /** WAF with the managed rule sets and a per-IP rate limit. */
  static enabled(options: FirewallOptions = {}): Firewall {
    const limit = options.rateLimitPer5Minutes ?? 2000;
    if (!Number.isInteger(limit) || limit < 10 || limit > 2_000_000_000)
      throw new Error(
        `Firewall.enabled: rateLimitPer5Minutes ${limit} must be a whole number from 10 to 2000000000`,
      );
    return new Firewall(limit, undefined);
  }

  /** No WAF; the reason is kept as the acknowledgement of cdk-nag's WAF rule. */
  static disabled(reason: string): Firewall {
    if (reason.trim().length < 10)
      throw new Error(
        'Firewall.disabled: write why the stage needs no WAF, in a sentence (10 characters or more)',
      );
    return new Firewall(undefined, reason);
  }

  private constructor(
    /** Undefined when WAF is off. */
    readonly rateLimitPer5Minutes: number | undefined,
    /** Why WAF is off. */
    readonly disabledReason: string | undefined,
  ) {}
}

export interface StageFirewallProps {
  /** ARN of the API Gateway stage to protect. */
  readonly stageArn: string;
  readonly rateLimitPer5Minutes: number;
  /** Prefix of the metric names. */
  readonly metricPrefix: string;
}

/** Managed rule groups, each with the rules switched from block to count. */
const MANAGED: readonly { name: string; countOnly: readonly string[] }[] = [
  { name: 'AWSManagedRulesCommonRuleSet', countOnly: ['SizeRestrictions_BODY'] },
  { name: 'AWSManagedRulesKnownBadInputsRuleSet', countOnly: [] },
];

/**
 * @example new StageFirewall(this, 'Firewall', { stageArn: api.deploymentStage.stageArn, rateLimitPer5Minutes: 2000, metricPrefix: 'orders' })
 */
export class StageFirewall extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: StageFirewallProps) {
    super(scope, id);
    const visibility = (name: string) => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: `${props.metricPrefix}-${name}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 128),
    });
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('waf'),
      rules: [
        {
          name: 'RateLimitPerIp',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: props.rateLimitPer5Minutes,
              aggregateKeyType: 'IP',
              evaluationWindowSec: 300,
            },
          },
          visibilityConfig: visibility('rate-limit'),
        },
        ...MANAGED.map((group, index) => ({
          name: group.name,
          priority: index + 1,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: group.name,
              ruleActionOverrides: group.countOnly.map((rule) => ({
                name: rule,
                actionToUse: { count: {} },
              })),
            },
          },
          visibilityConfig: visibility(group.name),
        })),
      ],
    });
    new wafv2.CfnWebACLAssociation(this, 'Association', {
      resourceArn: props.stageArn,
      webAclArn: this.webAcl.attrArn,
    });
  }
}
