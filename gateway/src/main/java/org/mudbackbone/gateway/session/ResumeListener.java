package org.mudbackbone.gateway.session;

/** How a protocol learns the outcome of a client's resume (at once, or once the world has answered). */
public interface ResumeListener {

    /** The client has its session back; {@code nextToken} is for the next time (never log it). */
    void resumed(Session session, String nextToken);

    /** No session holds that token (ended, expired, spent or never issued): the client logs in afresh. */
    void refused();
}
