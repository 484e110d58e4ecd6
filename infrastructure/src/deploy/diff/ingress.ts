import type { Finding, ResourceSnapshot } from './finding';
import { isObject, list, text } from './property-values';

interface Rule {
  readonly path: string;
  readonly protocol: string;
  readonly from: number;
  readonly to: number;
  readonly source: string;
}

function toRule(properties: Record<string, unknown>, path: string): Rule {
  const protocol = text(properties['IpProtocol']).toLowerCase() || '-1';
  const all = protocol === '-1' || protocol === 'all';
  const from = Number(properties['FromPort'] ?? (all ? 0 : -1));
  const to = Number(properties['ToPort'] ?? (all ? 65535 : from));
  const source =
    properties['CidrIp'] !== undefined
      ? `cidr:${text(properties['CidrIp'])}`
      : properties['CidrIpv6'] !== undefined
        ? `cidr:${text(properties['CidrIpv6'])}`
        : properties['SourcePrefixListId'] !== undefined
          ? `prefix-list:${text(properties['SourcePrefixListId'])}`
          : `group:${text(properties['SourceSecurityGroupId'] ?? properties['SourceSecurityGroupName'])}`;
  return {
    path,
    protocol: all ? '-1' : protocol,
    // ICMP and "all" rules use -1 for "every port".
    from: all || from === -1 ? 0 : from,
    to: all || to === -1 ? 65535 : to,
    source,
  };
}

/** Network ACL entries name protocols by number. */
const ACL_PROTOCOLS: Readonly<Record<string, string>> = { '6': 'tcp', '17': 'udp', '1': 'icmp' };

function ingressRules(
  resourceType: string,
  properties: Record<string, unknown> | undefined,
): Rule[] {
  if (!properties) return [];
  if (resourceType === 'AWS::EC2::SecurityGroupIngress') return [toRule(properties, '')];
  if (resourceType === 'AWS::EC2::NetworkAclEntry') {
    // Only an inbound allow admits anything; a deny or an egress entry never widens ingress.
    if (text(properties['Egress']) === 'true' || text(properties['RuleAction']) !== 'allow')
      return [];
    const ports = isObject(properties['PortRange']) ? properties['PortRange'] : {};
    return [
      toRule(
        {
          IpProtocol: ACL_PROTOCOLS[text(properties['Protocol'])] ?? text(properties['Protocol']),
          FromPort: ports['From'],
          ToPort: ports['To'],
          CidrIp: properties['CidrBlock'],
          CidrIpv6: properties['Ipv6CidrBlock'],
        },
        '',
      ),
    ];
  }
  if (resourceType !== 'AWS::EC2::SecurityGroup') return [];
  return list(properties['SecurityGroupIngress'])
    .map((rule, index) =>
      isObject(rule) ? toRule(rule, `SecurityGroupIngress[${index}]`) : undefined,
    )
    .filter((rule): rule is Rule => rule !== undefined);
}

/** Parses `a.b.c.d/n` or an IPv6 CIDR into a bigint range; undefined for anything else. */
function cidrRange(cidr: string): { version: 4 | 6; start: bigint; end: bigint } | undefined {
  const [address = '', prefixText] = cidr.split('/');
  if (address.includes('.')) {
    const parts = address.split('.').map(Number);
    if (parts.length !== 4 || parts.some((part) => !(part >= 0 && part <= 255))) return undefined;
    const value = parts.reduce((sum, part) => (sum << 8n) + BigInt(part), 0n);
    return range(4, value, Number(prefixText ?? 32), 32);
  }
  if (address.includes(':')) {
    const [head = '', tail = ''] = address.split('::');
    const groups = (part: string) => (part ? part.split(':') : []);
    const missing = 8 - groups(head).length - groups(tail).length;
    if (missing < 0 || (!address.includes('::') && missing !== 0)) return undefined;
    const all = [...groups(head), ...Array<string>(missing).fill('0'), ...groups(tail)];
    if (all.some((group) => !/^[0-9a-f]{1,4}$/i.test(group))) return undefined;
    const value = all.reduce((sum, group) => (sum << 16n) + BigInt(parseInt(group, 16)), 0n);
    return range(6, value, Number(prefixText ?? 128), 128);
  }
  return undefined;
}

function range(version: 4 | 6, value: bigint, prefix: number, bits: number) {
  if (!(prefix >= 0 && prefix <= bits)) return undefined;
  const size = 1n << BigInt(bits - prefix);
  const start = (value / size) * size;
  return { version, start, end: start + size - 1n };
}

function sourceCovers(wide: string, narrow: string): boolean {
  if (wide === narrow) return true;
  if (!wide.startsWith('cidr:') || !narrow.startsWith('cidr:')) return false;
  const a = cidrRange(wide.slice(5));
  const b = cidrRange(narrow.slice(5));
  return Boolean(a && b && a.version === b.version && a.start <= b.start && a.end >= b.end);
}

function ruleCovers(wide: Rule, narrow: Rule): boolean {
  return (
    (wide.protocol === '-1' || wide.protocol === narrow.protocol) &&
    wide.from <= narrow.from &&
    wide.to >= narrow.to &&
    sourceCovers(wide.source, narrow.source)
  );
}

const isInternet = (source: string) => source === 'cidr:0.0.0.0/0' || source === 'cidr:::/0';

function describeRule(rule: Rule): string {
  const protocol = rule.protocol === '-1' ? 'all traffic' : rule.protocol;
  const ports =
    rule.protocol === '-1' || (rule.from === 0 && rule.to === 65535)
      ? ''
      : rule.from === rule.to
        ? ` ${rule.from}`
        : ` ${rule.from}-${rule.to}`;
  return `${protocol}${ports} from ${rule.source.replace(/^(cidr|group):/, '')}`;
}

/**
 * An ingress rule after the change that no rule before it admits: a new rule, a wider CIDR
 * (0.0.0.0/0, ::/0), a wider port range or protocol, or a different source.
 */
export function ingress(resource: ResourceSnapshot): Finding[] {
  const before = ingressRules(resource.resourceType, resource.before);
  const beforePaths = new Set(before.map((rule) => rule.path));
  return ingressRules(resource.resourceType, resource.after)
    .filter((rule) => !before.some((old) => ruleCovers(old, rule)))
    .map((rule) => {
      const changed = resource.action !== 'Add' && (rule.path === '' || beforePaths.has(rule.path));
      return {
        kind: 'ingress' as const,
        path: rule.path,
        label: `${changed ? 'widens ingress' : 'new ingress'}${isInternet(rule.source) ? ' from anywhere' : ''}`,
        detail: describeRule(rule),
      };
    });
}
