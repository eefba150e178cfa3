package org.mudbackbone.gateway.telnet;

import org.mudbackbone.gateway.render.Printable;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mudbackbone.broker.message.ClientFacts;
import org.mudbackbone.gateway.render.ColourDepth;

/**
 * What one telnet client told us, and what follows from it: colour depth, charset, width, how to
 * mark prompts, which GMCP packages it takes. Written on the connection's event loop, read by
 * whichever thread renders output.
 */
final class ClientProfile {

    // MTTS bits (the Mud Terminal Type Standard)
    static final int MTTS_ANSI = 1;
    static final int MTTS_UTF8 = 4;
    static final int MTTS_256 = 8;
    static final int MTTS_TRUECOLOR = 256;
    static final int MTTS_TLS = 2048;

    /** The client's real address (a trusted proxy may say so after the connection opened). */
    volatile String address;
    private final boolean tls;
    volatile String clientName;
    volatile String clientVersion;
    volatile String terminal;
    volatile Integer mtts;
    volatile int width = 80;
    volatile Integer height;
    volatile Boolean utf8Agreed;
    volatile boolean eor;
    volatile boolean sga;
    volatile boolean gmcp;
    /** GMCP modules the client asked for with Core.Supports ("Room", "Comm.Channel"); null until it does. */
    volatile Set<String> gmcpModules;
    volatile Integer colourOverride;

    ClientProfile(String address, boolean tls) {
        this.address = address;
        this.tls = tls;
    }

    ColourDepth colourDepth() {
        Integer override = colourOverride;
        if (override != null) {
            return ColourDepth.of(override);
        }
        Integer bits = mtts;
        if (bits != null) {
            if ((bits & MTTS_TRUECOLOR) != 0) {
                return ColourDepth.TRUECOLOR;
            }
            if ((bits & MTTS_256) != 0) {
                return ColourDepth.XTERM256;
            }
            return (bits & MTTS_ANSI) != 0 ? ColourDepth.ANSI16 : ColourDepth.NONE;
        }
        String term = terminal == null ? "" : terminal.toUpperCase(Locale.ROOT);
        if (term.contains("TRUECOLOR") || term.contains("24BIT") || term.contains("DIRECT")) {
            return ColourDepth.TRUECOLOR;
        }
        if (term.contains("256")) {
            return ColourDepth.XTERM256;
        }
        return term.equals("DUMB") ? ColourDepth.NONE : ColourDepth.ANSI16;
    }

    /** UTF-8 unless the client turned it down and never claimed it otherwise: then ASCII. */
    boolean utf8() {
        Integer bits = mtts;
        if (bits != null && (bits & MTTS_UTF8) != 0) {
            return true;
        }
        Boolean agreed = utf8Agreed;
        return agreed == null || agreed;
    }

    boolean wantsGmcp(String pkg) {
        if (!gmcp) {
            return false;
        }
        Set<String> modules = gmcpModules;
        if (modules == null || pkg.startsWith("Core.")) {
            return true; // a client that never said what it takes gets everything
        }
        for (int dot = pkg.indexOf('.'); dot > 0; dot = pkg.indexOf('.', dot + 1)) {
            if (modules.contains(pkg.substring(0, dot))) {
                return true;
            }
        }
        return modules.contains(pkg);
    }

    /** Beyond this many GMCP modules a client's further {@code Core.Supports} names are ignored: a real client takes a dozen. */
    static final int MAX_GMCP_MODULES = 64;

    void setGmcpModules(Set<String> modules) {
        Set<String> copy = ConcurrentHashMap.newKeySet();
        modules.stream().limit(MAX_GMCP_MODULES).forEach(copy::add);
        gmcpModules = copy;
    }

    /** The longest client or terminal name passed on: real ones are a few words. */
    static final int MAX_NAME = 64;

    /** What the world is told; what the client said of itself is cleaned to printable text (TTYPE, NEW-ENVIRON, GMCP). */
    ClientFacts facts() {
        String client = clientName == null ? null : clientVersion == null ? clientName : clientName + " " + clientVersion;
        return new ClientFacts("telnet", Printable.clean(client, MAX_NAME), Printable.clean(terminal, MAX_NAME), mtts, width, height, colourDepth().colours(),
                utf8() ? "UTF-8" : "US-ASCII", tls, address);
    }

    boolean tls() {
        return tls;
    }

    String address() {
        return address;
    }
}
