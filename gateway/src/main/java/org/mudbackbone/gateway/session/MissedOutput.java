package org.mudbackbone.gateway.session;

import java.util.List;
import org.mudbackbone.broker.message.GameOutput;

/**
 * Where a session that comes back through another gateway finds what its client missed: the output
 * the world sent to the gateway that held the session before (which may have crashed since).
 */
public interface MissedOutput {

    /**
     * The session's outputs numbered above {@code lastSeen} that the world sent to {@code gateway},
     * in order, searching from {@code since} (epoch ms) to what is committed now.
     */
    List<GameOutput> after(String gateway, String session, long lastSeen, long since);
}
