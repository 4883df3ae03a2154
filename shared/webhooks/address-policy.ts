import { BlockList, isIP } from 'node:net';

/**
 * Which IP addresses a webhook may be sent to: public unicast only. A webhook URL is configuration, but the
 * function runs inside the deployer's AWS account, so a URL (or a DNS answer) pointing inward must not turn it
 * into a proxy to the instance metadata service, a VPC neighbour or the function itself.
 */

type Family = 'ipv4' | 'ipv6';

function ranges(list: Array<[string, number, Family]>): BlockList {
  const blocks = new BlockList();
  for (const [network, prefix, family] of list) blocks.addSubnet(network, prefix, family);
  return blocks;
}

const LOOPBACK = ranges([
  ['127.0.0.0', 8, 'ipv4'],
  ['::1', 128, 'ipv6'],
]);

/**
 * Checked in order, so an address gets the most telling name. BlockList also matches IPv4-mapped IPv6 forms
 * (`::ffff:169.254.169.254`) against the IPv4 ranges.
 */
const REFUSED: Array<[string, BlockList]> = [
  ['link-local (includes the instance metadata service 169.254.169.254)', ranges([['169.254.0.0', 16, 'ipv4'], ['fe80::', 10, 'ipv6']])],
  // fd00:ec2::254 is EC2's IPv6 metadata address.
  ['private', ranges([['10.0.0.0', 8, 'ipv4'], ['172.16.0.0', 12, 'ipv4'], ['192.168.0.0', 16, 'ipv4'], ['fc00::', 7, 'ipv6']])],
  ['shared address space (carrier-grade NAT)', ranges([['100.64.0.0', 10, 'ipv4']])],
  ['unspecified ("this network")', ranges([['0.0.0.0', 8, 'ipv4'], ['::', 128, 'ipv6']])],
  ['multicast', ranges([['224.0.0.0', 4, 'ipv4'], ['ff00::', 8, 'ipv6']])],
  [
    'reserved for special use (protocol assignments, documentation, benchmarking, relays, future use)',
    ranges([
      ['192.0.0.0', 24, 'ipv4'],
      ['192.0.2.0', 24, 'ipv4'],
      ['192.88.99.0', 24, 'ipv4'],
      ['198.18.0.0', 15, 'ipv4'],
      ['198.51.100.0', 24, 'ipv4'],
      ['203.0.113.0', 24, 'ipv4'],
      ['240.0.0.0', 4, 'ipv4'],
      // Teredo, ORCHID and the other IETF assignments; documentation; 6to4, which embeds an IPv4 address.
      ['2001::', 23, 'ipv6'],
      ['2001:db8::', 32, 'ipv6'],
      ['2002::', 16, 'ipv6'],
    ]),
  ],
];

/**
 * Everything outside 2000::/3: IPv4-mapped and -compatible forms, NAT64 (64:ff9b::/96), discard-only, reserved.
 * Apart, because BlockList would also match every IPv4 address against ::/3 in its mapped form.
 */
const NOT_GLOBAL_IPV6 = ranges([['::', 3, 'ipv6'], ['4000::', 2, 'ipv6'], ['8000::', 1, 'ipv6']]);

/** Why a webhook may not go to `address`, or null if it may. Loopback only with `allowLoopback` (tests). */
export function addressRefusal(address: string, { allowLoopback }: { allowLoopback: boolean }): string | null {
  const family = familyOf(address);
  if (!family) return 'not an IP address';
  if (LOOPBACK.check(address, family)) return allowLoopback ? null : 'loopback';
  const refused = REFUSED.find(([, blocks]) => blocks.check(address, family))?.[0];
  if (refused) return refused;
  return family === 'ipv6' && NOT_GLOBAL_IPV6.check(address, family) ? 'not global unicast IPv6' : null;
}

export function isLoopback(address: string): boolean {
  const family = familyOf(address);
  return family !== undefined && LOOPBACK.check(address, family);
}

function familyOf(address: string): Family | undefined {
  const version = isIP(address);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : undefined;
}
