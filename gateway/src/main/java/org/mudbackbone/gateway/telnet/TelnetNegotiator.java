package org.mudbackbone.gateway.telnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.compression.JdkZlibEncoder;
import org.mudbackbone.gateway.proxy.RealAddress;
import org.mudbackbone.gateway.proxy.TrustedProxies;
import io.netty.handler.codec.compression.ZlibWrapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.NettyPipeline;

/**
 * The telnet options of one connection: what the server offers at connect, every answer to the
 * client (each option answered once: a request that confirms the current state gets no reply, as
 * RFC 1143 says), and the subnegotiations (TTYPE with the MTTS cycle, NAWS, CHARSET, NEW-ENVIRON with
 * MNES variables, GMCP, MSSP, MCCP2 and MCCP3). Runs on the connection's event loop only.
 */
final class TelnetNegotiator {

    private static final Logger LOG = LoggerFactory.getLogger(TelnetNegotiator.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Told what the negotiation learns. */
    interface Listener {
        /** Every question of the negotiation phase has been answered. */
        void negotiated();

        /** A client fact changed after the negotiation phase (a resize, a Core.Hello). */
        void factsChanged();

        /** A GMCP message for the world, its JSON already checked. */
        void gmcp(String pkg, String json);
    }

    /** Options the server performs, and those it asks the client to perform, at connect. */
    private static final List<Integer> OFFERED_LOCAL =
            List.of(Telnet.EOR, Telnet.CHARSET, Telnet.MCCP2, Telnet.MCCP3, Telnet.GMCP, Telnet.MSSP);
    private static final List<Integer> OFFERED_REMOTE = List.of(Telnet.TTYPE, Telnet.NAWS, Telnet.NEW_ENVIRON);
    /** Options the server agrees to perform when asked (ECHO only when it asked first). */
    private static final Set<Integer> LOCAL = Set.of(Telnet.SGA, Telnet.EOR, Telnet.CHARSET, Telnet.MCCP2,
            Telnet.MCCP3, Telnet.GMCP, Telnet.MSSP);
    private static final Set<Integer> REMOTE = Set.of(Telnet.TTYPE, Telnet.NAWS, Telnet.NEW_ENVIRON, Telnet.CHARSET);

    private static final int TTYPE_IS = 0;
    private static final int TTYPE_SEND = 1;
    private static final int CHARSET_REQUEST = 1;
    private static final int CHARSET_ACCEPTED = 2;
    private static final int CHARSET_REJECTED = 3;
    private static final int ENV_IS = 0;
    private static final int ENV_SEND = 1;
    private static final int ENV_INFO = 2;
    private static final int ENV_VAR = 0;
    private static final int ENV_VALUE = 1;
    private static final int ENV_ESC = 2;
    private static final int ENV_USERVAR = 3;
    private static final int MSSP_VAR = 1;
    private static final int MSSP_VAL = 2;
    private static final List<String> MNES = List.of("CLIENT_NAME", "CLIENT_VERSION", "CHARSET", "MTTS", "TERMINAL_TYPE",
            "IPADDRESS");

    private enum Q { NO, YES, WANT_YES }

    private final Channel channel;
    private final ClientProfile profile;
    private final Supplier<Map<String, String>> mssp;
    private Listener listener;
    private final Map<Integer, Q> local = new HashMap<>();
    private final Map<Integer, Q> remote = new HashMap<>();
    private final Set<String> pending = new HashSet<>();
    private boolean negotiated;
    private int ttypeRound;
    private String lastTtype;

    private final TrustedProxies proxies;

    /** @param proxies whose NEW-ENVIRON IPADDRESS (a web-to-telnet proxy's word for its client) is taken */
    TelnetNegotiator(Channel channel, ClientProfile profile, Supplier<Map<String, String>> mssp, TrustedProxies proxies) {
        this.channel = channel;
        this.profile = profile;
        this.mssp = mssp;
        this.proxies = proxies;
    }

    void listen(Listener listener) {
        this.listener = listener;
    }

    /** The negotiation phase: offers every option at once; the answers come as they come. */
    void offer() {
        for (int option : OFFERED_LOCAL) {
            local.put(option, Q.WANT_YES);
            pending.add("local " + option);
            send(Telnet.WILL, option);
        }
        for (int option : OFFERED_REMOTE) {
            remote.put(option, Q.WANT_YES);
            pending.add("remote " + option);
            send(Telnet.DO, option);
        }
    }

    /** Ends the negotiation phase now, with whatever was agreed (the phase's timeout). */
    void giveUpWaiting() {
        if (!negotiated) {
            LOG.debug("negotiation timed out waiting for {}", pending);
            pending.clear();
            done(null);
        }
    }

    boolean compressedInputAgreed() {
        return local.get(Telnet.MCCP3) == Q.YES;
    }

    void receive(int verb, int option) {
        switch (verb) {
            case Telnet.DO -> localRequested(option, true);
            case Telnet.DONT -> localRequested(option, false);
            case Telnet.WILL -> remoteOffered(option, true);
            default -> remoteOffered(option, false);
        }
    }

    private void localRequested(int option, boolean yes) {
        answer(local, LOCAL, option, yes, Telnet.WILL, Telnet.WONT, this::localEnabled, this::localDisabled);
        done("local " + option);
    }

    private void remoteOffered(int option, boolean yes) {
        answer(remote, REMOTE, option, yes, Telnet.DO, Telnet.DONT, this::remoteEnabled, o -> { });
        done("remote " + option);
    }

    /**
     * One side of RFC 1143's Q method, reduced to what this server asks for: a request that confirms
     * the current state gets no answer; one that changes it gets one answer, and only an option this
     * side supports (or asked for itself) is turned on.
     */
    private void answer(Map<Integer, Q> states, Set<Integer> supported, int option, boolean yes, int agree,
            int refuse, IntConsumer enabled, IntConsumer disabled) {
        Q state = states.getOrDefault(option, Q.NO);
        if (yes) {
            if (state == Q.YES) {
                return;
            }
            if (state == Q.WANT_YES || supported.contains(option)) {
                if (state == Q.NO) {
                    send(agree, option);
                }
                states.put(option, Q.YES);
                enabled.accept(option);
            } else {
                send(refuse, option);
            }
        } else {
            if (state == Q.YES) {
                send(refuse, option);
            }
            states.put(option, Q.NO);
            if (state != Q.NO) {
                disabled.accept(option);
            }
        }
    }

    private void localEnabled(int option) {
        switch (option) {
            case Telnet.EOR -> profile.eor = true;
            case Telnet.SGA -> profile.sga = true;
            case Telnet.GMCP -> profile.gmcp = true;
            case Telnet.CHARSET -> {
                pending.add("charset");
                subnegotiate(Telnet.CHARSET, bytes(CHARSET_REQUEST, ";UTF-8"));
            }
            case Telnet.MSSP -> sendMssp();
            case Telnet.MCCP2 -> startCompressedOutput();
            default -> { }
        }
    }

    private void localDisabled(int option) {
        switch (option) {
            case Telnet.EOR -> profile.eor = false;
            case Telnet.SGA -> profile.sga = false;
            case Telnet.GMCP -> profile.gmcp = false;
            case Telnet.CHARSET -> {
                if (profile.utf8Agreed == null) {
                    profile.utf8Agreed = false; // never agreed: ASCII, unless MTTS says UTF-8
                }
            }
            default -> { }
        }
    }

    private void remoteEnabled(int option) {
        switch (option) {
            case Telnet.TTYPE -> {
                pending.add("ttype");
                ttypeRound = 0;
                subnegotiate(Telnet.TTYPE, new byte[] {TTYPE_SEND});
            }
            case Telnet.NAWS -> pending.add("naws");
            case Telnet.NEW_ENVIRON -> {
                pending.add("environ");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(ENV_SEND);
                for (String name : MNES) {
                    out.write(ENV_VAR);
                    out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
                }
                subnegotiate(Telnet.NEW_ENVIRON, out.toByteArray());
            }
            default -> { }
        }
    }

    void subnegotiation(int option, byte[] payload) {
        try {
            switch (option) {
                case Telnet.TTYPE -> terminalType(payload);
                case Telnet.NAWS -> windowSize(payload);
                case Telnet.CHARSET -> charset(payload);
                case Telnet.NEW_ENVIRON -> environment(payload);
                case Telnet.GMCP -> gmcp(new String(payload, StandardCharsets.UTF_8));
                default -> LOG.debug("ignored subnegotiation of option {}", option);
            }
        } catch (RuntimeException e) {
            LOG.debug("bad {} subnegotiation ignored: {}", Telnet.name(option), e.toString());
        }
    }

    /** TTYPE, with the MTTS cycle: client name, then terminal type, then "MTTS n"; a repeat ends it. */
    private void terminalType(byte[] payload) {
        if (payload.length == 0 || payload[0] != TTYPE_IS) {
            return;
        }
        String value = new String(payload, 1, payload.length - 1, StandardCharsets.US_ASCII).strip();
        ttypeRound++;
        boolean repeat = value.equals(lastTtype);
        lastTtype = value;
        if (value.toUpperCase(Locale.ROOT).startsWith("MTTS ")) {
            profile.mtts = Integer.parseInt(value.substring(5).strip());
            finishTtype();
            return;
        }
        if (ttypeRound == 1) {
            profile.terminal = value; // a client without MTTS answers its terminal type every time
            if (profile.clientName == null) {
                profile.clientName = value;
            }
        } else if (!repeat) {
            profile.terminal = value;
        }
        if (repeat || ttypeRound >= 3) {
            finishTtype();
        } else {
            subnegotiate(Telnet.TTYPE, new byte[] {TTYPE_SEND});
        }
    }

    private void finishTtype() {
        if (profile.mtts != null && (profile.mtts & ClientProfile.MTTS_TLS) != 0 && !profile.tls()) {
            LOG.debug("client {} speaks TLS but connected in plaintext", profile.address());
        }
        changed("ttype");
    }

    private void windowSize(byte[] payload) {
        if (payload.length < 4) {
            return;
        }
        int width = (payload[0] & 0xff) << 8 | (payload[1] & 0xff);
        int height = (payload[2] & 0xff) << 8 | (payload[3] & 0xff);
        if (width > 0) {
            profile.width = width;
        }
        profile.height = height > 0 ? height : null;
        changed("naws");
    }

    private void charset(byte[] payload) {
        if (payload.length == 0) {
            return;
        }
        String rest = new String(payload, 1, payload.length - 1, StandardCharsets.US_ASCII);
        switch (payload[0]) {
            case CHARSET_ACCEPTED -> profile.utf8Agreed = rest.strip().equalsIgnoreCase("UTF-8");
            case CHARSET_REJECTED -> profile.utf8Agreed = false;
            case CHARSET_REQUEST -> {
                // the client asks: we take UTF-8 if it is offered
                String separator = rest.isEmpty() ? ";" : rest.substring(0, 1);
                boolean offered = List.of(rest.substring(Math.min(1, rest.length())).split(java.util.regex.Pattern.quote(separator)))
                        .stream().anyMatch(c -> c.strip().equalsIgnoreCase("UTF-8"));
                subnegotiate(Telnet.CHARSET, offered ? bytes(CHARSET_ACCEPTED, "UTF-8") : new byte[] {CHARSET_REJECTED});
                profile.utf8Agreed = offered;
            }
            default -> { }
        }
        changed("charset");
    }

    /** NEW-ENVIRON IS or INFO with MNES variables. */
    private void environment(byte[] payload) {
        if (payload.length == 0 || (payload[0] != ENV_IS && payload[0] != ENV_INFO)) {
            return;
        }
        Map<String, String> vars = new LinkedHashMap<>();
        StringBuilder name = null;
        StringBuilder value = null;
        for (int i = 1; i < payload.length; i++) {
            int b = payload[i] & 0xff;
            if (b == ENV_VAR || b == ENV_USERVAR) {
                put(vars, name, value);
                name = new StringBuilder();
                value = null;
            } else if (b == ENV_VALUE) {
                value = new StringBuilder();
            } else {
                if (b == ENV_ESC && i + 1 < payload.length) {
                    b = payload[++i] & 0xff;
                }
                (value != null ? value : name != null ? name : new StringBuilder()).append((char) b);
            }
        }
        put(vars, name, value);
        if (vars.containsKey("IPADDRESS") && proxies.trusts(channel.remoteAddress())) {
            RealAddress.set(channel, vars.get("IPADDRESS").strip());
            profile.address = RealAddress.of(channel);
        }
        if (vars.containsKey("CLIENT_NAME")) {
            profile.clientName = vars.get("CLIENT_NAME");
        }
        if (vars.containsKey("CLIENT_VERSION")) {
            profile.clientVersion = vars.get("CLIENT_VERSION");
        }
        if (vars.containsKey("TERMINAL_TYPE")) {
            profile.terminal = vars.get("TERMINAL_TYPE");
        }
        if (vars.containsKey("MTTS")) {
            profile.mtts = Integer.parseInt(vars.get("MTTS").strip());
        }
        if ("UTF-8".equalsIgnoreCase(vars.get("CHARSET"))) {
            profile.utf8Agreed = true;
        }
        changed("environ");
    }

    private static void put(Map<String, String> vars, StringBuilder name, StringBuilder value) {
        if (name != null && !name.isEmpty() && value != null) {
            vars.put(name.toString(), value.toString());
        }
    }

    /** A GMCP message: Core.* is the gateway's business; the rest goes to the world. */
    private void gmcp(String message) {
        int space = message.indexOf(' ');
        String pkg = (space < 0 ? message : message.substring(0, space)).strip();
        String json = space < 0 ? "" : message.substring(space + 1).strip();
        JsonNode body;
        try {
            body = json.isEmpty() ? null : JSON.readTree(json);
        } catch (java.io.IOException e) {
            LOG.debug("malformed GMCP {} ignored: {}", pkg, e.getMessage());
            return; // an error for this message only
        }
        switch (pkg.toLowerCase(Locale.ROOT)) {
            case "core.hello" -> {
                if (body != null && body.hasNonNull("client")) {
                    profile.clientName = body.get("client").asText();
                    profile.clientVersion = body.hasNonNull("version") ? body.get("version").asText() : null;
                    changed("gmcp");
                }
            }
            case "core.supports.set" -> profile.setGmcpModules(modules(body));
            case "core.supports.add" -> {
                Set<String> now = profile.gmcpModules == null ? new HashSet<>() : new HashSet<>(profile.gmcpModules);
                for (String module : modules(body)) {
                    if (now.size() < ClientProfile.MAX_GMCP_MODULES) { // those it has stay; new ones beyond the cap do not
                        now.add(module);
                    }
                }
                profile.setGmcpModules(now);
            }
            case "core.supports.remove" -> {
                if (profile.gmcpModules != null) {
                    Set<String> now = new HashSet<>(profile.gmcpModules);
                    now.removeAll(modules(body));
                    profile.setGmcpModules(now);
                }
            }
            case "core.ping" -> sendGmcp("Core.Ping", "");
            default -> {
                if (listener != null) {
                    listener.gmcp(pkg, body == null ? "null" : body.toString());
                }
            }
        }
    }

    /** ["Room 1", "Comm.Channel 1"] to {Room, Comm.Channel}. */
    private static Set<String> modules(JsonNode list) {
        Set<String> modules = new HashSet<>();
        if (list != null && list.isArray()) {
            list.forEach(entry -> modules.add(entry.asText().strip().split("\\s+")[0]));
        }
        return modules;
    }

    void sendGmcp(String pkg, String json) {
        byte[] body = (json.isEmpty() ? pkg : pkg + " " + json).getBytes(StandardCharsets.UTF_8);
        subnegotiate(Telnet.GMCP, body);
    }

    private void sendMssp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mssp.get().forEach((name, value) -> {
            out.write(MSSP_VAR);
            out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            out.write(MSSP_VAL);
            out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        });
        subnegotiate(Telnet.MSSP, out.toByteArray());
    }

    /** MCCP2: announce, then compress everything after; zlib sits just inside TLS, if there is TLS. */
    private void startCompressedOutput() {
        subnegotiate(Telnet.MCCP2, new byte[0]);
        JdkZlibEncoder zlib = new JdkZlibEncoder(ZlibWrapper.ZLIB, 6);
        if (channel.pipeline().get(TelnetServer.TRANSPORT) != null) {
            channel.pipeline().addAfter(TelnetServer.TRANSPORT, "mccp2", zlib);
        } else if (channel.pipeline().get(NettyPipeline.SslHandler) != null) {
            channel.pipeline().addAfter(NettyPipeline.SslHandler, "mccp2", zlib);
        } else {
            channel.pipeline().addFirst("mccp2", zlib);
        }
    }

    /** Asks the client to stop (or start again) echoing what the player types. Call on the event loop. */
    void hideInput(boolean hidden) {
        Q state = local.getOrDefault(Telnet.ECHO, Q.NO);
        if (hidden && state == Q.NO) {
            local.put(Telnet.ECHO, Q.WANT_YES);
            send(Telnet.WILL, Telnet.ECHO);
        } else if (!hidden && state != Q.NO) {
            local.put(Telnet.ECHO, Q.NO);
            send(Telnet.WONT, Telnet.ECHO);
        }
    }

    private void changed(String answered) {
        if (!done(answered) && negotiated && listener != null) {
            listener.factsChanged();
        }
    }

    /** Marks a question answered; true if that ended the negotiation phase. */
    private boolean done(String answered) {
        if (answered != null) {
            pending.remove(answered);
        }
        if (!negotiated && pending.isEmpty()) {
            negotiated = true;
            if (listener != null) {
                listener.negotiated();
            }
            return true;
        }
        return false;
    }

    private void send(int verb, int option) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(Telnet.command(verb, option)));
    }

    /** IAC SB option payload IAC SE, with any 255 in the payload doubled. */
    private void subnegotiate(int option, byte[] payload) {
        ByteBuf out = Unpooled.buffer(payload.length + 6);
        out.writeByte(Telnet.IAC).writeByte(Telnet.SB).writeByte(option);
        for (byte b : payload) {
            out.writeByte(b);
            if ((b & 0xff) == Telnet.IAC) {
                out.writeByte(b);
            }
        }
        out.writeByte(Telnet.IAC).writeByte(Telnet.SE);
        channel.writeAndFlush(out);
    }

    private static byte[] bytes(int first, String rest) {
        byte[] text = rest.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[text.length + 1];
        out[0] = (byte) first;
        System.arraycopy(text, 0, out, 1, text.length);
        return out;
    }
}
