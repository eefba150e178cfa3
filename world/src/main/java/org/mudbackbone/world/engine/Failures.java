package org.mudbackbone.world.engine;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/** What a failure in the world loop says about what to do next. */
final class Failures {

    private Failures() {}

    /**
     * Failures that no retry in this process can cure (a wrong password or ACL for the broker, a broker
     * too old): the process exits non-zero, so that its supervisor restarts it and an operator sees it.
     */
    static boolean fatal(Throwable e) {
        return e instanceof Error || has(e, AuthenticationException.class) || has(e, AuthorizationException.class)
                || has(e, UnsupportedVersionException.class);
    }

    /** A broker that is slow or away: the same work is done again later, and nobody is to blame. */
    static boolean retriable(Throwable e) {
        return has(e, RetriableException.class);
    }

    /** The records a batch made are refused by the broker itself: some input in it makes them. */
    static boolean causedByInput(Throwable e) {
        return has(e, RecordTooLargeException.class) || has(e, RecordBatchTooLargeException.class)
                || has(e, InvalidRecordException.class);
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
