/**
 * The moto 5.2.1 gaps in CloudFormation template support, bridged on a temporary copy of the
 * committed templates for the deploy end-to-end test (deploy-moto.e2e.test.ts). Each adjustment
 * names the moto behaviour it covers; none changes what the templates mean on AWS, and none
 * touches a name the deploy commands read (stack, output, export and parameter names stay).
 */
import { parse, stringify } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface Template extends JsonObject {
  Resources: { [logicalId: string]: JsonObject };
}

/** What a removed resource is replaced with wherever the template refers to it. */
export interface StandIn {
  readonly ref: string;
  readonly attributes?: Readonly<Record<string, string>>;
}

export function parseTemplate(body: string): Template {
  // The generators emit plain YAML with long-form intrinsics (no `!Ref` tags).
  return parse(body) as Template;
}

export function printTemplate(template: Template): string {
  return stringify(template, { lineWidth: 0 });
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mapTree(value: Json, visit: (node: Json) => Json): Json {
  const visited = visit(value);
  if (Array.isArray(visited)) return visited.map((item) => mapTree(item, visit));
  if (isObject(visited))
    return Object.fromEntries(
      Object.entries(visited).map(([key, item]) => [key, mapTree(item, visit)]),
    );
  return visited;
}

/**
 * Removes a resource moto cannot create and puts literal stand-ins wherever it is referenced:
 * `Ref`, `Fn::GetAtt` (both forms), `${Id}`/`${Id.Attr}` in `Fn::Sub`, and `DependsOn`.
 */
export function replaceResource(
  template: Template,
  logicalId: string,
  standIn: StandIn,
  keepDefinition = false,
): void {
  if (!keepDefinition) delete template.Resources[logicalId];
  const attribute = (name: string) =>
    standIn.attributes?.[name] ?? `moto-bridge-${logicalId}-${name}`;
  const replaced = mapTree(template, (node) => {
    if (!isObject(node)) return node;
    if (node['Ref'] === logicalId) return standIn.ref;
    const getAtt = node['Fn::GetAtt'];
    if (Array.isArray(getAtt) && getAtt[0] === logicalId) return attribute(String(getAtt[1]));
    if (typeof getAtt === 'string' && getAtt.startsWith(`${logicalId}.`))
      return attribute(getAtt.slice(logicalId.length + 1));
    const sub = node['Fn::Sub'];
    const substitute = (text: string) =>
      text.replace(new RegExp(`\\$\\{${logicalId}(?:\\.([A-Za-z0-9.]+))?\\}`, 'g'), (_, name) =>
        name ? attribute(name) : standIn.ref,
      );
    if (typeof sub === 'string') return { 'Fn::Sub': substitute(sub) };
    if (Array.isArray(sub) && typeof sub[0] === 'string')
      return { 'Fn::Sub': [substitute(sub[0]), ...sub.slice(1)] };
    const dependsOn = node['DependsOn'];
    if (dependsOn === logicalId) {
      const { DependsOn: _, ...rest } = node;
      return rest;
    }
    if (Array.isArray(dependsOn) && dependsOn.includes(logicalId))
      return { ...node, DependsOn: dependsOn.filter((item) => item !== logicalId) };
    return node;
  }) as Template;
  Object.assign(template, replaced);
}

/** Removes every resource of a type (and its references), e.g. a type moto does not support. */
export function removeResourcesOfType(
  template: Template,
  type: string | RegExp,
  standIn: (logicalId: string) => StandIn = (id) => ({ ref: `moto-bridge-${id}` }),
): string[] {
  const matches = (candidate: Json | undefined) =>
    typeof candidate === 'string' &&
    (typeof type === 'string' ? candidate === type : type.test(candidate));
  const removed = Object.keys(template.Resources).filter((id) =>
    matches(template.Resources[id]?.['Type']),
  );
  for (const id of removed) replaceResource(template, id, standIn(id));
  // Outputs whose only content was a removed resource would now be literals; they stay.
  return removed;
}

function propertiesOf(template: Template, type: string): JsonObject[] {
  return Object.values(template.Resources)
    .filter((resource) => resource['Type'] === type && isObject(resource['Properties']))
    .map((resource) => resource['Properties'] as JsonObject);
}

/**
 * moto 5.2.1: `AWS::KMS::Key` with `Tags` and `AWS::SSM::Parameter` with its map-shaped `Tags`
 * crash the stack creation (moto reads the KMS tag list and the SSM tag map with the wrong
 * shape). Tags have no behaviour the test asserts on; they are dropped from these two types.
 */
export function dropCrashingTags(template: Template): void {
  for (const type of ['AWS::KMS::Key', 'AWS::SSM::Parameter'])
    for (const properties of propertiesOf(template, type)) delete properties['Tags'];
}

/**
 * moto 5.2.1 keeps the `KeyPolicy` of an `AWS::KMS::Key` created by CloudFormation as the parsed
 * document, where its KMS API stores the policy text; DescribeKey, which reads the policy
 * (`json.loads(key.policy)` in kms/policy_validator.py), then fails with a TypeError (HTTP 500).
 * CloudFormation takes a key policy as a JSON document or as its text: the bridge writes each
 * key policy as the same document in text, an `Fn::Join` of `Fn::Sub`s over its JSON in which
 * the intrinsics of the document are inlined: `Fn::Sub` strings, `Fn::GetAtt` and `Ref` of a
 * string as `${...}`, and `Ref` of a list parameter (CommaDelimitedList) as a JSON array joined
 * from it. Anything else is refused.
 */
export function keyPoliciesAsText(template: Template): void {
  const parameters = (template as { Parameters?: Record<string, { Type?: string }> }).Parameters;
  const isList = (name: string) => parameters?.[name]?.Type === 'CommaDelimitedList';
  for (const properties of propertiesOf(template, 'AWS::KMS::Key')) {
    const policy = properties['KeyPolicy'];
    if (!isObject(policy)) continue;
    const lists: string[] = [];
    const inlined = mapTree(policy, (node) => {
      if (!isObject(node)) return node;
      if (typeof node['Fn::Sub'] === 'string') return node['Fn::Sub'];
      const getAtt = node['Fn::GetAtt'];
      if (Array.isArray(getAtt) && getAtt.length === 2) return `\${${getAtt.join('.')}}`;
      const ref = node['Ref'];
      if (typeof ref === 'string' && isList(ref)) {
        lists.push(ref);
        return `__LIST_${lists.length - 1}__`;
      }
      if (typeof ref === 'string') return `\${${ref}}`;
      const intrinsic = Object.keys(node).find((key) => key === 'Ref' || key.startsWith('Fn::'));
      if (intrinsic) throw new Error(`moto bridge: ${intrinsic} in a key policy is not inlined`);
      return node;
    });
    const pieces: Json[] = [];
    JSON.stringify(inlined)
      .split(/"__LIST_(\d+)__"/)
      .forEach((piece, index) => {
        if (index % 2 === 0) pieces.push({ 'Fn::Sub': piece });
        else pieces.push('["', { 'Fn::Join': ['","', { Ref: lists[Number(piece)] ?? '' }] }, '"]');
      });
    properties['KeyPolicy'] =
      pieces.length === 1 ? (pieces[0] as JsonObject) : { 'Fn::Join': ['', pieces] };
  }
}

/**
 * moto 5.2.1 evaluates `Fn::GetAZs` only on a literal region: `Fn::GetAZs: {Ref: AWS::Region}`
 * becomes "{'Ref': 'AWS::Region'}a". The bridge writes the region the test deploys to.
 */
export function literalGetAzs(template: Template, region: string): void {
  const replaced = mapTree(template, (node) =>
    isObject(node) && isObject(node['Fn::GetAZs']) && node['Fn::GetAZs']['Ref'] === 'AWS::Region'
      ? { 'Fn::GetAZs': region }
      : node,
  ) as Template;
  Object.assign(template, replaced);
}

function isNoValueIf(node: Json | undefined): node is { 'Fn::If': [string, Json, Json] } {
  if (!isObject(node)) return false;
  const branches = node['Fn::If'];
  return (
    Array.isArray(branches) &&
    branches.length === 3 &&
    (branches.slice(1) as Json[]).some(
      (branch) => isObject(branch) && branch['Ref'] === 'AWS::NoValue',
    )
  );
}

const isNoValue = (node: Json): boolean => isObject(node) && node['Ref'] === 'AWS::NoValue';

/**
 * moto 5.2.1 resolves `Fn::If` whose branch is `Ref: AWS::NoValue` to None, and inside a list
 * leaves that None in the list (AWS drops the element), which crashes the resource. The bridge
 * lifts the condition out of the list: `[a, {Fn::If: [C, b, NoValue]}]` becomes
 * `{Fn::If: [C, [a, b], [a]]}`, which moto resolves like AWS does.
 */
export function liftNoValueIfsOutOfLists(template: Template): void {
  const lift = (items: Json[]): Json => {
    const index = items.findIndex(isNoValueIf);
    if (index < 0) return items;
    const [condition, whenTrue, whenFalse] = (items[index] as { 'Fn::If': [string, Json, Json] })[
      'Fn::If'
    ];
    const withBranch = (branch: Json) =>
      lift([
        ...items.slice(0, index),
        ...(isNoValue(branch) ? [] : [branch]),
        ...items.slice(index + 1),
      ]);
    return { 'Fn::If': [condition, withBranch(whenTrue), withBranch(whenFalse)] };
  };
  const replaced = mapTree(template, (node) =>
    Array.isArray(node) ? lift(node) : node,
  ) as Template;
  Object.assign(template, replaced);
}

/**
 * moto 5.2.1 creates an `AWS::EC2::Instance` from its own properties only and ignores its
 * `LaunchTemplate` (no AMI, type, profile or security groups). The bridge copies the launch
 * template's data onto the instance, as EC2 does when it launches from the template.
 */
export function inlineLaunchTemplates(template: Template): void {
  for (const properties of propertiesOf(template, 'AWS::EC2::Instance')) {
    const reference = properties['LaunchTemplate'];
    if (!isObject(reference)) continue;
    const id = isObject(reference['LaunchTemplateId'])
      ? reference['LaunchTemplateId']['Ref']
      : undefined;
    const launchTemplate = typeof id === 'string' ? template.Resources[id] : undefined;
    const data = isObject(launchTemplate?.['Properties'])
      ? (launchTemplate['Properties'] as JsonObject)['LaunchTemplateData']
      : undefined;
    if (!isObject(data)) continue;
    delete properties['LaunchTemplate'];
    for (const key of ['ImageId', 'InstanceType', 'UserData', 'EbsOptimized', 'NetworkInterfaces'])
      if (data[key] !== undefined && properties[key] === undefined) properties[key] = data[key];
    if (isObject(data['IamInstanceProfile']) && isObject(data['IamInstanceProfile']['Arn'])) {
      // An instance takes the profile's name; the launch template's GetAtt Arn points at it.
      const getAtt = data['IamInstanceProfile']['Arn']['Fn::GetAtt'];
      if (Array.isArray(getAtt)) properties['IamInstanceProfile'] = { Ref: getAtt[0] ?? null };
    }
    if (data['SecurityGroupIds'] !== undefined && properties['SecurityGroupIds'] === undefined)
      properties['SecurityGroupIds'] = data['SecurityGroupIds'];
    const [nic] = Array.isArray(data['NetworkInterfaces']) ? data['NetworkInterfaces'] : [];
    if (isObject(nic) && nic['SubnetId'] !== undefined && properties['SubnetId'] === undefined)
      properties['SubnetId'] = nic['SubnetId'];
  }
}

/** The `Fn::Sub` export names of subnets that give instances a public address at launch. */
export function publicSubnetExports(template: Template): Set<string> {
  const names = new Set<string>();
  for (const output of Object.values(template['Outputs'] ?? {}) as Json[]) {
    if (!isObject(output) || !isObject(output['Value']) || !isObject(output['Export'])) continue;
    const subnet = output['Value']['Ref'];
    const resource = typeof subnet === 'string' ? template.Resources[subnet] : undefined;
    const exported = output['Export']['Name'];
    if (
      resource?.['Type'] === 'AWS::EC2::Subnet' &&
      isObject(resource['Properties']) &&
      resource['Properties']['MapPublicIpOnLaunch'] === true &&
      isObject(exported) &&
      typeof exported['Fn::Sub'] === 'string'
    )
      names.add(exported['Fn::Sub']);
  }
  return names;
}

/**
 * moto 5.2.1 never gives an `AWS::EC2::Instance` created by CloudFormation a public address: it
 * launches it with `associate_public_ip=False`, ignoring both the subnet's `MapPublicIpOnLaunch`
 * and `AssociatePublicIpAddress` of the network interfaces, so `PublicDnsName` stays unresolved.
 * Only where the template does ask for one (a launch-template interface with a public address, or
 * a subnet imported from the main stack that maps public addresses), the bridge attaches an
 * Elastic IP, moto's one way to give such an instance a public address. An instance the template
 * leaves private stays private, and the deploy reports that as the project's defect it is.
 */
export function publicAddressWhereAsked(template: Template, publicSubnets: Set<string>): string[] {
  const bridged: string[] = [];
  for (const [id, resource] of Object.entries(template.Resources)) {
    if (resource['Type'] !== 'AWS::EC2::Instance' || !isObject(resource['Properties'])) continue;
    const properties = resource['Properties'];
    const interfaces = Array.isArray(properties['NetworkInterfaces'])
      ? properties['NetworkInterfaces']
      : [];
    const subnet = properties['SubnetId'];
    const imported =
      isObject(subnet) && isObject(subnet['Fn::ImportValue'])
        ? subnet['Fn::ImportValue']['Fn::Sub']
        : undefined;
    const asked =
      interfaces.some((nic) => isObject(nic) && nic['AssociatePublicIpAddress'] === true) ||
      (typeof imported === 'string' && publicSubnets.has(imported));
    if (!asked) continue;
    const eip: JsonObject = {
      Type: 'AWS::EC2::EIP',
      Properties: { Domain: 'vpc', InstanceId: { Ref: id } },
    };
    if (resource['Condition'] !== undefined) eip['Condition'] = resource['Condition'];
    template.Resources[`MotoBridge${id}PublicAddress`] = eip;
    bridged.push(id);
  }
  return bridged;
}

/**
 * moto 5.2.1 has no `AWS::CloudWatch::Alarm` in templates: it skips the resource with a warning
 * and then rejects every `Fn::GetAtt` of it ("references undefined resource"), e.g. the
 * dashboard's alarm widgets. The bridge keeps the alarms in the template (moto skips them, and
 * the template keeps its size, so the monitoring stack still goes through the S3 upload) and
 * puts literal alarm ARNs where they are referenced.
 */
export function standInAlarmReferences(
  template: Template,
  region: string,
  account: string,
): string[] {
  const alarms = Object.keys(template.Resources).filter(
    (id) => template.Resources[id]?.['Type'] === 'AWS::CloudWatch::Alarm',
  );
  for (const id of alarms) {
    const arn = `arn:aws:cloudwatch:${region}:${account}:alarm:moto-bridge-${id}`;
    replaceResource(template, id, { ref: `moto-bridge-${id}`, attributes: { Arn: arn } }, true);
  }
  return alarms;
}
