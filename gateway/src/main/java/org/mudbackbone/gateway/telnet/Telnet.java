package org.mudbackbone.gateway.telnet;

/** Telnet command and option bytes (RFC 854 and the MUD options' own documents). */
final class Telnet {

    static final int IAC = 255;
    static final int DONT = 254;
    static final int DO = 253;
    static final int WONT = 252;
    static final int WILL = 251;
    static final int SB = 250;
    static final int GA = 249;
    static final int SE = 240;
    static final int EOR_MARK = 239;

    static final int ECHO = 1;
    static final int SGA = 3;
    static final int TTYPE = 24;
    static final int EOR = 25;
    static final int NAWS = 31;
    static final int NEW_ENVIRON = 39;
    static final int CHARSET = 42;
    static final int MSSP = 70;
    static final int MCCP2 = 86;
    static final int MCCP3 = 87;
    static final int GMCP = 201;

    private Telnet() {}

    static byte[] command(int verb, int option) {
        return new byte[] {(byte) IAC, (byte) verb, (byte) option};
    }

    static String name(int option) {
        return switch (option) {
            case ECHO -> "ECHO";
            case SGA -> "SGA";
            case TTYPE -> "TTYPE";
            case EOR -> "EOR";
            case NAWS -> "NAWS";
            case NEW_ENVIRON -> "NEW-ENVIRON";
            case CHARSET -> "CHARSET";
            case MSSP -> "MSSP";
            case MCCP2 -> "MCCP2";
            case MCCP3 -> "MCCP3";
            case GMCP -> "GMCP";
            default -> Integer.toString(option);
        };
    }

}
