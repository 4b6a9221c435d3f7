/**
 * How API Gateway checks the credentials of one contract security scheme: a Cognito user pool,
 * a JWT issuer (through charter's JWT authorizer function) or a Lambda authorizer of your own.
 * API-key schemes need none: API Gateway's API keys and usage plan check them.
 * @module
 */
import { Aws, Duration } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { GatewayAuthorizer } from '../definition/security.ts';
import { JwtAuthorizerFunction } from './jwt-authorizer-function.ts';

export interface JwtAuthorizerOptions {
  /** The `iss` claim tokens must carry (an https URL). */
  readonly issuer: string;
  /** Accepted `aud` values. */
  readonly audience: readonly string[];
  /** @default `<issuer>/.well-known/jwks.json` */
  readonly jwksUri?: string;
  /** How long API Gateway caches a token's verdict. @default Duration.minutes(5) */
  readonly resultTtl?: Duration;
}

export interface LambdaAuthorizerOptions {
  /** @default 'request' */
  readonly type?: 'token' | 'request';
  /** @default 'method.request.header.Authorization' */
  readonly identitySource?: string;
  /** @default Duration.minutes(5) */
  readonly resultTtl?: Duration;
}

/**
 * @example SchemeAuthorizer.jwt({ issuer: 'https://shop.eu.auth0.com/', audience: ['https://api.shop.example'] })
 */
export abstract class SchemeAuthorizer {
  /**
   * A Cognito user-pool authorizer; API Gateway also checks the operation's scopes (the access
   * token's `scope` claim must hold one of them).
   */
  static cognito(userPool: cognito.IUserPool): SchemeAuthorizer {
    return new CognitoAuthorizer(userPool);
  }

  /** Bearer JWTs verified against the issuer's JWKS by charter's authorizer function. */
  static jwt(options: JwtAuthorizerOptions): SchemeAuthorizer {
    if (!/^https:\/\//.test(options.issuer))
      throw new Error(`SchemeAuthorizer.jwt: issuer "${options.issuer}" must be an https URL`);
    if (options.audience.length === 0)
      throw new Error('SchemeAuthorizer.jwt: list at least one accepted audience');
    return new JwtAuthorizer(options);
  }

  /** Your own Lambda authorizer; its context becomes the claims handlers see. */
  static lambda(handler: lambda.IFunction, options: LambdaAuthorizerOptions = {}): SchemeAuthorizer {
    return new CustomAuthorizer(handler, options);
  }

  /** A short description, for errors and docs. */
  abstract readonly description: string;

  /** Cognito authorizers check scopes at the gateway; Lambda authorizers leave that to the core. */
  abstract readonly kind: 'cognito' | 'lambda';

  /**
   * Creates what the authorizer needs inside `scope` and returns it as the definition names it.
   * Called once per API for each distinct authorizer.
   */
  abstract bind(scope: Construct, id: string, context: string): GatewayAuthorizer;
}

class CognitoAuthorizer extends SchemeAuthorizer {
  readonly description = 'Cognito user pool';
  readonly kind = 'cognito';

  constructor(private readonly userPool: cognito.IUserPool) {
    super();
  }

  bind(): GatewayAuthorizer {
    return { kind: 'cognito', providerArns: [this.userPool.userPoolArn] };
  }
}

class JwtAuthorizer extends SchemeAuthorizer {
  readonly description: string;
  readonly kind = 'lambda';

  constructor(private readonly options: JwtAuthorizerOptions) {
    super();
    this.description = `JWT from ${options.issuer}`;
  }

  bind(scope: Construct, id: string, context: string): GatewayAuthorizer {
    const fn = new JwtAuthorizerFunction(scope, id, { ...this.options, context });
    return {
      kind: 'lambda',
      type: 'token',
      uri: invocationUri(fn.function.functionArn),
      credentialsArn: invokeRole(scope, `${id}Invoke`, fn.function.functionArn).roleArn,
      identitySource: 'method.request.header.Authorization',
      identityValidationExpression: '^[Bb]earer [-0-9A-Za-z._~+/]+=*$',
      resultTtlSeconds: (this.options.resultTtl ?? Duration.minutes(5)).toSeconds(),
    };
  }
}

class CustomAuthorizer extends SchemeAuthorizer {
  readonly description = 'Lambda authorizer';
  readonly kind = 'lambda';

  constructor(
    private readonly handler: lambda.IFunction,
    private readonly options: LambdaAuthorizerOptions,
  ) {
    super();
  }

  bind(scope: Construct, id: string): GatewayAuthorizer {
    return {
      kind: 'lambda',
      type: this.options.type ?? 'request',
      uri: invocationUri(this.handler.functionArn),
      // A role rather than a resource-policy grant: the function may live in another stack or account.
      credentialsArn: invokeRole(scope, `${id}Invoke`, this.handler.functionArn).roleArn,
      identitySource: this.options.identitySource ?? 'method.request.header.Authorization',
      resultTtlSeconds: (this.options.resultTtl ?? Duration.minutes(5)).toSeconds(),
    };
  }
}

function invocationUri(functionArn: string): string {
  return `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
}

function invokeRole(scope: Construct, id: string, functionArn: string): iam.Role {
  return new iam.Role(scope, id, {
    assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
    description: 'Lets API Gateway invoke one authorizer function',
    inlinePolicies: {
      InvokeAuthorizer: new iam.PolicyDocument({
        statements: [
          new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [functionArn] }),
        ],
      }),
    },
  });
}
