import { BlockList, isIPv4 } from 'node:net';
import { PROXY_CHAIN, type TrustProxyMode } from '@mini-ecommerce/stack-model';

/** Fastify's `trustProxy` as a function: whether the address `hop` steps from the socket is a proxy. */
export type TrustProxyFn = (address: string, hop: number) => boolean;

function insideCidrs(cidrs: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network, bits] = cidr.split('/') as [string, string];
    list.addSubnet(network, Number(bits), 'ipv4');
  }
  return (address) => {
    const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
    return isIPv4(v4) && list.check(v4, 'ipv4');
  };
}

/**
 * Which `X-Forwarded-For` entries the API believes, for the chain the stacks put in front of it
 * (libs/stack-model `PROXY_CHAIN`): the socket's peer, then at most one more hop and only from
 * inside the VPC. The client is the first address not trusted, so addresses a client writes
 * into the header itself (to the left of the one CloudFront appends) are never reached.
 * `none`: no header is believed, the socket's peer is the client.
 */
export function trustProxyFor(mode: TrustProxyMode): TrustProxyFn | false {
  if (mode === 'none') return false;
  const inner = insideCidrs(PROXY_CHAIN.innerCidrs);
  return (address, hop) => hop === 0 || (hop < PROXY_CHAIN.maxHops && inner(address));
}
