package org.mudbackbone.gateway.proxy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * Load balancers in front of the gateway ({@code mud.gateway.proxy.*}).
 *
 * @param enabled whether a PROXY protocol header (v1 or v2) is taken on every listener
 * @param trusted the addresses or CIDR ranges of the proxies whose word about a client's address is
 *                taken: their PROXY header, their {@code Forwarded}/{@code X-Forwarded-For}, and a
 *                web-to-telnet proxy's NEW-ENVIRON {@code IPADDRESS}
 */
@ConfigurationProperties("mud.gateway.proxy")
public record ProxyConfig(
        @Bindable(defaultValue = "false") boolean enabled,
        @Bindable(defaultValue = "") List<String> trusted) {}
