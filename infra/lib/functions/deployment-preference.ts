/**
 * How CodeDeploy shifts a function's `live` alias to a new version: canary, linear or all at
 * once, always with automatic rollback on the function's alarms.
 * @module
 */
import { Duration } from 'aws-cdk-lib';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import type { Construct } from 'constructs';

/**
 * @example DeploymentPreference.canary(10, 5) // 10 % for 5 minutes, then the rest
 */
export abstract class DeploymentPreference {
  /** `percent` of traffic for `minutes`, then all of it. */
  static canary(percent = 10, minutes = 5): DeploymentPreference {
    return new Shifting('canary', percent, minutes);
  }

  /** `percent` more traffic every `minutes`. */
  static linear(percent = 10, minutes = 1): DeploymentPreference {
    return new Shifting('linear', percent, minutes);
  }

  /** Everything at once; the alarms still roll a bad version back. */
  static allAtOnce(): DeploymentPreference {
    return new AllAtOnce();
  }

  /** e.g. `canary 10% for 5 min`. */
  abstract readonly description: string;

  /** The deployment config; custom ones are created once per scope (stack). */
  abstract bind(scope: Construct): codedeploy.ILambdaDeploymentConfig;
}

class AllAtOnce extends DeploymentPreference {
  readonly description = 'all at once';

  bind(): codedeploy.ILambdaDeploymentConfig {
    return codedeploy.LambdaDeploymentConfig.ALL_AT_ONCE;
  }
}

class Shifting extends DeploymentPreference {
  readonly description: string;

  constructor(
    private readonly kind: 'canary' | 'linear',
    private readonly percent: number,
    private readonly minutes: number,
  ) {
    super();
    if (!Number.isInteger(percent) || percent < 1 || percent > 99)
      throw new Error(`DeploymentPreference.${kind}: percent ${percent} must be a whole number from 1 to 99`);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 2880)
      throw new Error(
        `DeploymentPreference.${kind}: minutes ${minutes} must be a whole number from 1 to 2880`,
      );
    this.description = `${kind} ${percent}% ${kind === 'canary' ? 'for' : 'every'} ${minutes} min`;
  }

  bind(scope: Construct): codedeploy.ILambdaDeploymentConfig {
    const predefined = (
      codedeploy.LambdaDeploymentConfig as unknown as Record<string, codedeploy.ILambdaDeploymentConfig>
    )[
      this.kind === 'canary'
        ? `CANARY_${this.percent}PERCENT_${this.minutes}MINUTES`
        : `LINEAR_${this.percent}PERCENT_EVERY_${this.minutes}MINUTE${this.minutes === 1 ? '' : 'S'}`
    ];
    if (predefined) return predefined;
    const id = `DeploymentConfig${this.kind}${this.percent}x${this.minutes}`;
    const existing = scope.node.tryFindChild(id) as codedeploy.LambdaDeploymentConfig | undefined;
    if (existing) return existing;
    const interval = Duration.minutes(this.minutes);
    return new codedeploy.LambdaDeploymentConfig(scope, id, {
      trafficRouting:
        this.kind === 'canary'
          ? codedeploy.TrafficRouting.timeBasedCanary({ interval, percentage: this.percent })
          : codedeploy.TrafficRouting.timeBasedLinear({ interval, percentage: this.percent }),
    });
  }
}
