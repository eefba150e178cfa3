package org.mudbackbone.gateway.proxy;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

/** Which peers may say who the client really is (Netty's subnet rules for the CIDR matching). */
public final class TrustedProxies {

    private final boolean proxyProtocol;
    private final List<IpSubnetFilterRule> rules;

    /** @param proxyProtocol whether listeners take a PROXY protocol header (from trusted peers only) */
    public TrustedProxies(boolean proxyProtocol, List<String> trusted) {
        this.proxyProtocol = proxyProtocol;
        this.rules = trusted.stream().map(String::trim).filter(t -> !t.isEmpty()).map(TrustedProxies::rule).toList();
    }

    /** Nobody is trusted and no PROXY header is taken. */
    public static TrustedProxies none() {
        return new TrustedProxies(false, List.of());
    }

    private static IpSubnetFilterRule rule(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        int bits = slash >= 0 ? Integer.parseInt(cidr.substring(slash + 1)) : address.contains(":") ? 128 : 32;
        return new IpSubnetFilterRule(address, bits, IpFilterRuleType.ACCEPT);
    }

    public boolean proxyProtocol() {
        return proxyProtocol;
    }

    /** Whether {@code peer} is one of the trusted proxies. */
    public boolean trusts(SocketAddress peer) {
        return peer instanceof InetSocketAddress inet && inet.getAddress() != null
                && rules.stream().anyMatch(rule -> rule.matches(inet));
    }
}
