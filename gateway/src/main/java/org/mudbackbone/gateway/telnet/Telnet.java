package org.mudbackbone.gateway.telnet;

/** Telnet command and option bytes (RFC 854, 857, 858). */
final class Telnet {

    static final int IAC = 255;
    static final int DONT = 254;
    static final int DO = 253;
    static final int WONT = 252;
    static final int WILL = 251;
    static final int SB = 250;
    static final int GA = 249;
    static final int SE = 240;

    static final int ECHO = 1;

    private Telnet() {}

    static byte[] command(int verb, int option) {
        return new byte[] {(byte) IAC, (byte) verb, (byte) option};
    }
}
