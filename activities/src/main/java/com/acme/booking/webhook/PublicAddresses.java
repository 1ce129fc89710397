package com.acme.booking.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether an endpoint's host is a public internet address. A request may only go to the
 * configured URLs, and not to the service's own network: loopback, private (RFC 1918,
 * IPv6 unique local), link-local (cloud metadata), carrier-grade NAT, unspecified,
 * multicast, documentation and benchmark ranges are refused.
 */
final class PublicAddresses {

	private PublicAddresses() {
	}

	/**
	 * Resolves {@code host} and returns why it is refused, or null when every address it
	 * resolves to is public.
	 * @throws UnknownHostException when it does not resolve
	 */
	static String refusal(String host) throws UnknownHostException {
		for (InetAddress address : InetAddress.getAllByName(host)) {
			if (!isPublic(address)) {
				return host + " resolves to " + address.getHostAddress()
						+ ", not a public address (booking.webhooks.allow-private-addresses=true allows it)";
			}
		}
		return null;
	}

	static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			return !(first == 0 || (first == 100 && second >= 64 && second < 128)
					|| (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
					|| (first == 192 && second == 0 && (bytes[2] & 0xff) == 2)
					|| (first == 198 && second >= 18 && second < 20)
					|| (first == 198 && second == 51 && (bytes[2] & 0xff) == 100)
					|| (first == 203 && second == 0 && (bytes[2] & 0xff) == 113) || first >= 240);
		}
		if (address instanceof Inet6Address) {
			int first = bytes[0] & 0xff;
			// fc00::/7 unique local, 2001:db8::/32 documentation, and IPv4-mapped or
			// NAT64 forms of a refused IPv4 address.
			if ((first & 0xfe) == 0xfc || (first == 0x20 && (bytes[1] & 0xff) == 0x01 && (bytes[2] & 0xff) == 0x0d
					&& (bytes[3] & 0xff) == 0xb8)) {
				return false;
			}
			if (embedsIpv4(bytes)) {
				try {
					return isPublic(
							InetAddress.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] }));
				}
				catch (UnknownHostException impossible) {
					return false;
				}
			}
		}
		return true;
	}

	/** ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible) or 64:ff9b::a.b.c.d (NAT64). */
	private static boolean embedsIpv4(byte[] bytes) {
		boolean nat64 = bytes[0] == 0 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
				&& (bytes[3] & 0xff) == 0x9b;
		for (int i = nat64 ? 4 : 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return nat64 || (bytes[10] == 0 && bytes[11] == 0)
				|| ((bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff);
	}

}
