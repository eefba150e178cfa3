package org.mudbackbone.broker.message;

/**
 * What a gateway knows about a client. Absent facts are {@code null}.
 *
 * @param protocol   "telnet", "websocket" or "http"
 * @param client     the client's own name and version, such as "TinTin++ 2.02"
 * @param terminal   the terminal type the client reported
 * @param mtts       the client's MTTS bits (Mud Terminal Type Standard), if it sent them
 * @param width      window width in characters
 * @param height     window height in lines
 * @param colours    colours the client shows: 0, 16, 256 or 16777216
 * @param charset    the negotiated character set, such as "UTF-8"
 * @param tls        whether the connection is encrypted
 * @param address    the player's real address (from the socket or the PROXY protocol)
 */
public record ClientFacts(
        String protocol,
        String client,
        String terminal,
        Integer mtts,
        Integer width,
        Integer height,
        Integer colours,
        String charset,
        Boolean tls,
        String address) {}
