package org.mudbackbone.world.command;

import org.mudbackbone.broker.message.HashParams;
import org.mudbackbone.world.account.LoginThrottle;

/**
 * Settings the game rules read.
 *
 * @param startRoom  where new characters begin
 * @param hashParams how gateways hash a new account's password
 * @param logins     the waits after failed logins
 */
public record WorldRules(String startRoom, HashParams hashParams, LoginThrottle logins) {

    public WorldRules(String startRoom, HashParams hashParams) {
        this(startRoom, hashParams, new LoginThrottle());
    }
}
