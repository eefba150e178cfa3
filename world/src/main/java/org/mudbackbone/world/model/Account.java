package org.mudbackbone.world.model;

import org.mudbackbone.broker.message.HashParams;

/**
 * A login. The world never sees the password: the gateway sends an Argon2id hash made with
 * {@code salt} and {@code params}, and the account keeps only a SHA-256 digest of that hash.
 */
public record Account(String id, String name, String salt, HashParams params, String digest, String character)
        implements WorldObject {

    public static String idFor(String name) {
        return "account:" + name.toLowerCase(java.util.Locale.ROOT);
    }
}
