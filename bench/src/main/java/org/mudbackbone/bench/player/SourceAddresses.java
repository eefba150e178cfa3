package org.mudbackbone.bench.player;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The local addresses players connect from. One source address gives at most about 28,000
 * connections to one server port (the ephemeral port range), so on loopback the players are spread
 * over 127.0.0.2, 127.0.0.3, ... (all of 127/8 is the loopback interface on Linux).
 */
public final class SourceAddresses {

    /** Connections per source address: well under the ~28k ephemeral ports, leaving room for others. */
    static final int CONNECTIONS_PER_ADDRESS = 20_000;

    private final List<InetSocketAddress> addresses;

    private SourceAddresses(List<InetSocketAddress> addresses) {
        this.addresses = List.copyOf(addresses);
    }

    /**
     * @param count how many addresses; 0 chooses: enough for {@code players} if the target is on
     *              loopback, none (the system picks) otherwise
     */
    public static SourceAddresses forTarget(String host, int players, int count) {
        boolean loopback;
        try {
            loopback = InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback && count == 0) {
            return new SourceAddresses(List.of());
        }
        if (!loopback) {
            throw new IllegalArgumentException("--source-addresses spreads over 127.0.0.x and needs a loopback target, not " + host);
        }
        int n = count > 0 ? count : Math.max(1, (players + CONNECTIONS_PER_ADDRESS - 1) / CONNECTIONS_PER_ADDRESS);
        if (n > 250) {
            throw new IllegalArgumentException("at most 250 source addresses (127.0.0.2 to 127.0.0.251): " + n);
        }
        List<InetSocketAddress> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(new InetSocketAddress("127.0.0." + (2 + i), 0));
        }
        return new SourceAddresses(list);
    }

    /** The address player {@code index} binds to, or null to let the system choose. */
    public InetSocketAddress forPlayer(int index) {
        return addresses.isEmpty() ? null : addresses.get(index % addresses.size());
    }

    public List<InetSocketAddress> all() {
        return addresses;
    }
}
