/**
 * The one custom domain every context is served under (`https://api.shop.example/<ctx>`), as
 * DESIGN.md describes: a regional API Gateway domain name with TLS 1.2, and optionally its DNS
 * alias record. Each context adds its own base path mapping (see ContractApi).
 * @module
 */
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';

export interface ApiDomainProps {
  /** e.g. `api.shop.example`. */
  readonly domainName: string;
  /** A certificate for `domainName` in the stack's region. */
  readonly certificate: acm.ICertificate;
  /** Zone to create the alias record in. @default no record: point DNS at the domain yourself */
  readonly hostedZone?: route53.IHostedZone;
}

/**
 * @example const domain = ApiDomain.fromCertificateArn(stack, 'Domain', { domainName: 'api.shop.example', certificateArn });
 */
export class ApiDomain extends Construct {
  /**
   * The domain from an ACM certificate ARN, and a Route 53 zone when both its id and name are given.
   */
  static fromCertificateArn(
    scope: Construct,
    id: string,
    props: { domainName: string; certificateArn: string; hostedZoneId?: string; hostedZoneName?: string },
  ): ApiDomain {
    const domain = new ApiDomain(scope, id, {
      domainName: props.domainName,
      certificate: acm.Certificate.fromCertificateArn(scope, `${id}Certificate`, props.certificateArn),
      hostedZone:
        props.hostedZoneId && props.hostedZoneName
          ? route53.HostedZone.fromHostedZoneAttributes(scope, `${id}Zone`, {
              hostedZoneId: props.hostedZoneId,
              zoneName: props.hostedZoneName,
            })
          : undefined,
    });
    return domain;
  }

  readonly domainName: apigw.DomainName;

  constructor(scope: Construct, id: string, props: ApiDomainProps) {
    super(scope, id);
    this.domainName = new apigw.DomainName(this, 'Domain', {
      domainName: props.domainName,
      certificate: props.certificate,
      endpointType: apigw.EndpointType.REGIONAL,
      securityPolicy: apigw.SecurityPolicy.TLS_1_2,
    });
    if (props.hostedZone) {
      new route53.ARecord(this, 'Alias', {
        zone: props.hostedZone,
        recordName: props.domainName,
        target: route53.RecordTarget.fromAlias(new targets.ApiGatewayDomain(this.domainName)),
      });
    }
  }
}
