import { addressRefusal, isLoopback } from '../../../shared/webhooks/address-policy';

const refused = (address: string, allowLoopback = false) => addressRefusal(address, { allowLoopback });

describe('webhook address policy', () => {
  it.each([
    ['169.254.169.254', /link-local .*metadata/],
    ['169.254.170.2', /link-local/], // the ECS task metadata endpoint
    ['fe80::1', /link-local/],
    ['fd00:ec2::254', /private/], // EC2's IPv6 metadata endpoint
    ['10.0.0.5', /private/],
    ['172.16.0.1', /private/],
    ['172.31.255.255', /private/],
    ['192.168.1.10', /private/],
    ['fc00::1', /private/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['0.0.0.0', /unspecified/],
    ['::', /unspecified/],
    ['224.0.0.251', /multicast/],
    ['ff02::1', /multicast/],
    ['255.255.255.255', /reserved/],
    ['192.0.2.1', /reserved/],
    ['198.18.0.1', /reserved/],
    ['2001:db8::1', /reserved/],
    ['2002:a9fe:a9fe::1', /reserved/], // 6to4 of 169.254.169.254
    ['64:ff9b::a9fe:a9fe', /not global unicast/], // NAT64 of 169.254.169.254
    ['::ffff:8.8.8.8', /not global unicast/],
  ])('refuses %s', (address, reason) => {
    expect(refused(address)).toMatch(reason);
    expect(refused(address, true)).toMatch(reason);
  });

  it('sees through IPv4-mapped IPv6 forms of internal addresses', () => {
    expect(refused('::ffff:169.254.169.254')).toMatch(/metadata/);
    expect(refused('::ffff:a9fe:a9fe')).toMatch(/metadata/);
    expect(refused('::ffff:10.1.2.3')).toMatch(/private/);
  });

  it('refuses loopback unless explicitly allowed, and then allows nothing else internal', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
      expect(refused(address)).toBe('loopback');
      expect(refused(address, true)).toBeNull();
      expect(isLoopback(address)).toBe(true);
    }
    expect(isLoopback('10.0.0.1')).toBe(false);
  });

  it('allows public unicast addresses', () => {
    for (const address of ['8.8.8.8', '52.95.110.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2a05:d018::1']) expect(refused(address)).toBeNull();
  });

  it('refuses what is not an IP address', () => {
    expect(refused('example.com')).toBe('not an IP address');
  });
});
