import {
  API_PORT,
  HEALTH_LIVE_PATH,
  HTTPS_PORT,
  IMAGES_KEY_PREFIX,
} from '@mini-ecommerce/stack-model';
import { AWS_NO_VALUE, fnIf } from '../../model/intrinsics';
import type { Str } from '../../model/values';
import type { ParameterHandle, ResourceHandle, TemplateBuilder } from '../../model/template';
import { envName } from '../common';
import type { Bucket } from './buckets';

/** AWS managed CloudFront policies (stable, documented ids). */
const MANAGED = {
  cachingOptimized: '658327ea-f89d-4fab-a63d-7e88639e58f6',
  cachingDisabled: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
  allViewerExceptHostHeader: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
  securityHeaders: '67f7725c-6f97-4210-82d7-5512b31e9d03',
} as const;

/**
 * Client-side routes (`/products/42`) have no object in the bucket; serve the app shell for any
 * path without a file extension. Doing this in a function rather than with error responses
 * keeps the API's own 403/404 answers intact when `/api/*` is routed through the distribution.
 */
const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  if (request.uri.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}
`;

export interface CdnInputs {
  readonly websiteBucket: Bucket;
  /** The images bucket's regional domain, built from its name so the distribution does not depend on the bucket (whose CORS needs the distribution's domain). */
  readonly imagesBucketDomain: Str;
  readonly accessLogsBucket: Bucket;
  readonly apiOriginDomain: ParameterHandle;
  readonly apiOriginPort: ParameterHandle;
  readonly apiOriginArn: ParameterHandle;
  readonly hasApiOrigin: string;
  /** Outside dev: the API is private and CloudFront reaches it through a VPC origin. */
  readonly hasVpcOrigin: string;
}

export function addCdn(
  template: TemplateBuilder,
  inputs: CdnInputs,
): ResourceHandle<'AWS::CloudFront::Distribution'> {
  const oac = template.resource('OriginAccessControl', 'AWS::CloudFront::OriginAccessControl', {
    OriginAccessControlConfig: {
      Name: envName('s3-oac'),
      Description: 'CloudFront signs its requests to the private website and images buckets.',
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    },
  });
  const spaRewrite = template.resource('SpaRewriteFunction', 'AWS::CloudFront::Function', {
    Name: envName('spa-rewrite'),
    AutoPublish: true,
    FunctionCode: SPA_REWRITE,
    FunctionConfig: {
      Comment: 'Serve index.html for client-side routes',
      Runtime: 'cloudfront-js-2.0',
    },
  });

  // Outside dev the API has no public address: CloudFront reaches it inside the VPC, over AWS's
  // network, so no token or password crosses the internet between the edge and the API.
  const vpcOrigin = template.resource(
    'ApiVpcOrigin',
    'AWS::CloudFront::VpcOrigin',
    {
      VpcOriginEndpointConfig: {
        Name: envName('api'),
        Arn: inputs.apiOriginArn.ref(),
        HTTPPort: inputs.apiOriginPort.ref(),
        HTTPSPort: HTTPS_PORT,
        OriginProtocolPolicy: 'http-only',
      },
    },
    { condition: inputs.hasVpcOrigin },
  );

  const s3Origin = (id: string, domain: Str) => ({
    Id: id,
    DomainName: domain,
    // OAC replaces the legacy origin access identity, which must then be empty.
    S3OriginConfig: { OriginAccessIdentity: '' },
    OriginAccessControlId: oac.getAtt('Id'),
  });

  return template.resource(
    'Distribution',
    'AWS::CloudFront::Distribution',
    {
      DistributionConfig: {
        Enabled: true,
        Comment: envName('storefront'),
        DefaultRootObject: 'index.html',
        HttpVersion: 'http2and3',
        IPV6Enabled: true,
        PriceClass: 'PriceClass_100',
        Origins: [
          s3Origin('website', inputs.websiteBucket.getAtt('RegionalDomainName')),
          s3Origin('images', inputs.imagesBucketDomain),
          fnIf(
            inputs.hasApiOrigin,
            {
              Id: 'api',
              DomainName: inputs.apiOriginDomain.ref(),
              VpcOriginConfig: fnIf(
                inputs.hasVpcOrigin,
                { VpcOriginId: vpcOrigin.getAtt('Id') },
                AWS_NO_VALUE,
              ),
              // Dev: over the internet to the instance, whose security group admits only
              // CloudFront's origin-facing addresses (README, "Network").
              CustomOriginConfig: fnIf(inputs.hasVpcOrigin, AWS_NO_VALUE, {
                OriginProtocolPolicy: 'http-only',
                HTTPPort: inputs.apiOriginPort.ref(),
                OriginSSLProtocols: ['TLSv1.2'],
              }),
            },
            AWS_NO_VALUE,
          ),
        ],
        DefaultCacheBehavior: {
          TargetOriginId: 'website',
          ViewerProtocolPolicy: 'redirect-to-https',
          AllowedMethods: ['GET', 'HEAD'],
          Compress: true,
          CachePolicyId: MANAGED.cachingOptimized,
          ResponseHeadersPolicyId: MANAGED.securityHeaders,
          FunctionAssociations: [
            { EventType: 'viewer-request', FunctionARN: spaRewrite.getAtt('FunctionARN') },
          ],
        },
        CacheBehaviors: [
          {
            PathPattern: `${IMAGES_KEY_PREFIX}*`,
            TargetOriginId: 'images',
            ViewerProtocolPolicy: 'redirect-to-https',
            AllowedMethods: ['GET', 'HEAD'],
            Compress: true,
            CachePolicyId: MANAGED.cachingOptimized,
            ResponseHeadersPolicyId: MANAGED.securityHeaders,
          },
          fnIf(
            inputs.hasApiOrigin,
            {
              // Same origin for the storefront and the API: no CORS, no mixed content.
              PathPattern: 'api/*',
              TargetOriginId: 'api',
              ViewerProtocolPolicy: 'https-only',
              AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
              Compress: true,
              CachePolicyId: MANAGED.cachingDisabled,
              OriginRequestPolicyId: MANAGED.allViewerExceptHostHeader,
              ResponseHeadersPolicyId: MANAGED.securityHeaders,
            },
            AWS_NO_VALUE,
          ),
          fnIf(
            inputs.hasApiOrigin,
            {
              // The API's liveness and readiness (HEALTH_LIVE_PATH, HEALTH_READY_PATH), so
              // `infra:status` checks the whole path a shopper's request takes.
              PathPattern: `${HEALTH_LIVE_PATH.slice(1)}*`,
              TargetOriginId: 'api',
              ViewerProtocolPolicy: 'https-only',
              AllowedMethods: ['GET', 'HEAD'],
              CachePolicyId: MANAGED.cachingDisabled,
              OriginRequestPolicyId: MANAGED.allViewerExceptHostHeader,
              ResponseHeadersPolicyId: MANAGED.securityHeaders,
            },
            AWS_NO_VALUE,
          ),
        ],
        // Without an API behind the distribution, missing objects may also fall back to the app shell.
        Logging: {
          Bucket: inputs.accessLogsBucket.getAtt('RegionalDomainName'),
          Prefix: 'cloudfront/',
          IncludeCookies: false,
        },
        ViewerCertificate: { CloudFrontDefaultCertificate: true },
      },
    },
    {
      notes: [
        `The optional API origin (HasApiOrigin) is the instance or load balancer on plain HTTP (port ${API_PORT} or 80): it has no certificate. Viewers still reach it over HTTPS only (CT.CLOUDFRONT.PR.8 cannot see the conditional origin).`,
        "SPA fallback: the SpaRewriteFunction serves /index.html for extensionless paths instead of distribution-wide 403/404 error responses, which would also turn the API's own 403/404 answers under /api/* into the app shell.",
      ],
      guardExceptions: [
        {
          rule: 'CT.CLOUDFRONT.PR.4',
          reason:
            'Origin failover needs a second copy of the buckets in another region; the single-region design of this shop does not have one.',
        },
        {
          rule: 'CT.CLOUDFRONT.PR.6',
          reason:
            'The storefront is served on the default *.cloudfront.net domain and certificate until the owner adds a custom domain and an ACM certificate.',
        },
        {
          rule: 'CT.CLOUDFRONT.PR.7',
          reason:
            'SNI applies to custom certificates only; the default CloudFront certificate is in use (see CT.CLOUDFRONT.PR.6).',
        },
        {
          rule: 'CT.CLOUDFRONT.PR.3',
          reason:
            'Every behavior is redirect-to-https or https-only, including the optional /api/* and /health* behaviors; cfn-guard cannot evaluate those behaviors inside their Fn::If (HasApiOrigin) and reports it.',
        },
        {
          rule: 'CT.CLOUDFRONT.PR.9',
          reason:
            'The minimum viewer TLS version can only be raised with a custom certificate; the default certificate is in use (see CT.CLOUDFRONT.PR.6).',
        },
      ],
    },
  );
}
