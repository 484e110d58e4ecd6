/**
 * The temporary workspace the deploy end-to-end test points the CLI at: the committed templates
 * with moto's gaps bridged (moto-templates.ts), the real API sources for api-deploy's bundle, and
 * a small storefront build for web-deploy --skip-build.
 */
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CloudFrontClient,
  CreateDistributionCommand,
  type Distribution,
} from '@aws-sdk/client-cloudfront';
import { STACK_IDS, TEMPLATE_FILES, type StackId } from '../stacks';
import {
  dropCrashingTags,
  inlineLaunchTemplates,
  keyPoliciesAsText,
  liftNoValueIfsOutOfLists,
  literalGetAzs,
  parseTemplate,
  publicAddressWhereAsked,
  publicSubnetExports,
  printTemplate,
  removeResourcesOfType,
  standInAlarmReferences,
  type StandIn,
  type Template,
} from './moto-templates';

/** The account moto answers with by default. */
export const MOTO_ACCOUNT = '123456789012';

/** The storefront files web-deploy uploads, with the headers each must get. */
export const SITE: Readonly<Record<string, string>> = {
  'index.html':
    '<!doctype html><title>shop</title><script src="/assets/index-BXk3l9aZ.js"></script>',
  'assets/index-BXk3l9aZ.js': 'console.log("shop")',
  'assets/index-Cc8sJ2kk.css': 'body{margin:0}',
  'favicon.ico': 'icon',
  'robots.txt': 'User-agent: *\n',
  // A precompressed copy for the local server: web-deploy must not upload it.
  'assets/index-BXk3l9aZ.js.br': 'brotli',
};

/**
 * moto 5.2.1 supports no `AWS::CloudFront::*` resource in templates (it warns and creates
 * nothing, so `Ref Distribution` has no id). The distribution is created through moto's
 * CloudFront API instead, and the main template's distribution, its function and its origin
 * access control are replaced by that distribution's id and domain name wherever referenced.
 */
export async function createDistribution(cloudFront: CloudFrontClient): Promise<Distribution> {
  const { Distribution: distribution } = await cloudFront.send(
    new CreateDistributionCommand({
      DistributionConfig: {
        CallerReference: `moto-e2e-${Date.now()}`,
        Comment: 'mini-ecommerce dev (moto bridge for AWS::CloudFront::Distribution)',
        Enabled: true,
        DefaultRootObject: 'index.html',
        Origins: {
          Quantity: 1,
          Items: [
            {
              Id: 'website',
              DomainName: 'website.s3.eu-west-1.amazonaws.com',
              S3OriginConfig: { OriginAccessIdentity: '' },
            },
          ],
        },
        DefaultCacheBehavior: {
          TargetOriginId: 'website',
          ViewerProtocolPolicy: 'redirect-to-https',
          MinTTL: 0,
          ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } },
          TrustedSigners: { Enabled: false, Quantity: 0 },
        },
      },
    }),
  );
  if (!distribution?.Id || !distribution.DomainName)
    throw new Error('moto created no CloudFront distribution');
  return distribution;
}

export interface AdjustOptions {
  readonly region: string;
  readonly distribution: Pick<Distribution, 'Id' | 'DomainName' | 'ARN'>;
}

/** Every bridge of moto-templates.ts, applied to one stack's template. */
export function adjustTemplate(
  id: StackId,
  body: string,
  options: AdjustOptions & { readonly publicSubnets: Set<string> },
): string {
  const template: Template = parseTemplate(body);
  removeResourcesOfType(template, /^AWS::CloudFront::/, (logicalId): StandIn =>
    template.Resources[logicalId]?.['Type'] === 'AWS::CloudFront::Distribution'
      ? {
          ref: String(options.distribution.Id),
          attributes: {
            DomainName: String(options.distribution.DomainName),
            Id: String(options.distribution.Id),
          },
        }
      : { ref: `moto-bridge-${logicalId}`, attributes: { Id: `moto-bridge-${logicalId}` } },
  );
  standInAlarmReferences(template, options.region, MOTO_ACCOUNT);
  dropCrashingTags(template);
  keyPoliciesAsText(template);
  literalGetAzs(template, options.region);
  liftNoValueIfsOutOfLists(template);
  inlineLaunchTemplates(template);
  if (id === 'ec2') publicAddressWhereAsked(template, options.publicSubnets);
  return printTemplate(template);
}

export interface MotoWorkspace {
  readonly root: string;
  /** Size in bytes of each adjusted template, to check the large one still goes through S3. */
  readonly sizes: Readonly<Record<StackId, number>>;
}

export async function prepareWorkspace(
  repositoryRoot: string,
  options: AdjustOptions,
): Promise<MotoWorkspace> {
  const root = await mkdtemp(path.join(tmpdir(), 'deploy-moto-'));
  const infrastructure = path.join(root, 'infrastructure');
  await mkdir(infrastructure, { recursive: true });
  const sizes = {} as Record<StackId, number>;
  const read = (id: StackId) =>
    readFile(path.join(repositoryRoot, 'infrastructure', TEMPLATE_FILES[id]), 'utf8');
  const publicSubnets = publicSubnetExports(parseTemplate(await read('main')));
  for (const id of STACK_IDS) {
    const adjusted = adjustTemplate(id, await read(id), { ...options, publicSubnets });
    sizes[id] = Buffer.byteLength(adjusted);
    await writeFile(path.join(infrastructure, TEMPLATE_FILES[id]), adjusted);
  }
  // api-deploy bundles the real API: its sources and the dependencies they resolve.
  await mkdir(path.join(root, 'apps'), { recursive: true });
  await symlink(path.join(repositoryRoot, 'apps', 'api'), path.join(root, 'apps', 'api'), 'dir');
  await symlink(path.join(repositoryRoot, 'libs'), path.join(root, 'libs'), 'dir');
  await symlink(path.join(repositoryRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  await writeFile(
    path.join(root, 'package.json'),
    await readFile(path.join(repositoryRoot, 'package.json')),
  );
  // web-deploy --skip-build uploads apps/web/dist as it is.
  const dist = path.join(root, 'apps', 'web', 'dist');
  for (const [key, content] of Object.entries(SITE)) {
    await mkdir(path.dirname(path.join(dist, key)), { recursive: true });
    await writeFile(path.join(dist, key), content);
  }
  return { root, sizes };
}
