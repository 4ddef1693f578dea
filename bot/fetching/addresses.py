"""Which addresses a member's link may reach: public unicast only, never the host's own networks.

The ranges are listed here rather than taken from `ipaddress`'s is_private/is_global alone, because those flags
changed between Python releases (3.11.x vs 3.13) and miss some ranges (IPv4 multicast counts as "global"); the
flags are still consulted afterwards, so a range Python learns to call special is refused too."""

from __future__ import annotations

from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address

IPAddress = IPv4Address | IPv6Address

# Cloud instance-metadata endpoints. Most fall inside ranges refused below anyway; Azure's WireServer does not (it is
# a public address that every Azure VM reaches), so it must be listed, and naming them all gives a clear reason code.
METADATA_ADDRESSES: frozenset[IPAddress] = frozenset(
    ip_address(text)
    for text in (
        "169.254.169.254",  # AWS, GCP, Azure, DigitalOcean, OpenStack
        "169.254.170.2",  # AWS ECS task metadata
        "fd00:ec2::254",  # AWS over IPv6
        "100.100.100.200",  # Alibaba Cloud
        "168.63.129.16",  # Azure WireServer
    )
)
# Names refused before any lookup (defence in depth: what they resolve to would be refused anyway).
METADATA_NAMES = frozenset({"metadata.google.internal", "metadata.goog", "metadata"})

_V4: tuple[tuple[IPv4Network, str], ...] = tuple(
    (IPv4Network(net), reason)
    for net, reason in (
        ("0.0.0.0/8", "unspecified"),  # "this network"; 0.0.0.0 reaches the local host on Linux
        ("10.0.0.0/8", "private"),
        ("100.64.0.0/10", "cgnat"),
        ("127.0.0.0/8", "loopback"),
        ("169.254.0.0/16", "link_local"),
        ("172.16.0.0/12", "private"),
        ("192.0.0.0/24", "reserved"),  # IETF protocol assignments (Oracle Cloud metadata is 192.0.0.192)
        ("192.0.2.0/24", "reserved"),  # documentation
        ("192.88.99.0/24", "reserved"),  # deprecated 6to4 relay anycast
        ("192.168.0.0/16", "private"),
        ("198.18.0.0/15", "reserved"),  # benchmarking
        ("198.51.100.0/24", "reserved"),  # documentation
        ("203.0.113.0/24", "reserved"),  # documentation
        ("224.0.0.0/4", "multicast"),
        ("255.255.255.255/32", "broadcast"),
        ("240.0.0.0/4", "reserved"),
    )
)
_V6: tuple[tuple[IPv6Network, str], ...] = tuple(
    (IPv6Network(net), reason)
    for net, reason in (
        ("::/128", "unspecified"),
        ("::1/128", "loopback"),
        ("64:ff9b:1::/48", "private"),  # local-use NAT64
        ("100::/64", "reserved"),  # discard-only
        # IETF protocol assignments, Teredo (2001::/32) among them: Teredo's embedded IPv4 is obfuscated and reached
        # through a UDP tunnel, and 6to4 is deprecated (RFC 7526); refusing both outright is simpler than trusting
        # whatever relay or tunnel the host might have.
        ("2001::/23", "reserved"),
        ("2001:db8::/32", "reserved"),  # documentation
        ("2002::/16", "reserved"),  # 6to4
        ("3fff::/20", "reserved"),  # documentation (RFC 9637)
        ("fc00::/7", "private"),  # unique local
        ("fe80::/10", "link_local"),
        ("fec0::/10", "private"),  # deprecated site-local
        ("ff00::/8", "multicast"),
    )
)
_NAT64 = IPv6Network("64:ff9b::/96")
# Only 2000::/3 is allocated as global unicast; everything else outside it is special-purpose or unassigned.
_GLOBAL_UNICAST = IPv6Network("2000::/3")


def refusal_reason(address: IPAddress) -> str | None:
    """None when `address` is public unicast; otherwise why it is refused: "loopback", "private", "link_local",
    "metadata", "cgnat", "unspecified", "multicast", "broadcast" or "reserved"."""
    if address in METADATA_ADDRESSES:
        return "metadata"
    if isinstance(address, IPv6Address):
        # An IPv4-mapped address (::ffff:127.0.0.1) connects to its IPv4 part on a dual-stack socket, and a NAT64
        # address reaches its IPv4 part through the gateway: judge the IPv4 part. NAT64 stays allowed because on an
        # IPv6-only host every ordinary website resolves to one.
        if address.ipv4_mapped is not None:
            return refusal_reason(address.ipv4_mapped)
        if address in _NAT64:
            return refusal_reason(IPv4Address(int(address) & 0xFFFF_FFFF))
        if address.scope_id:
            return "link_local"
        for v6_net, reason in _V6:
            if address in v6_net:
                return reason
        if address not in _GLOBAL_UNICAST:
            return "reserved"
    else:
        for v4_net, reason in _V4:
            if address in v4_net:
                return reason
    if (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    ):
        return "reserved"
    return None
