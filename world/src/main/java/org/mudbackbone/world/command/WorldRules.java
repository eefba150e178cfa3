package org.mudbackbone.world.command;

import org.mudbackbone.broker.message.HashParams;

/**
 * Settings the game rules read.
 *
 * @param startRoom  where new characters begin
 * @param hashParams how gateways hash a new account's password
 */
public record WorldRules(String startRoom, HashParams hashParams) {}
