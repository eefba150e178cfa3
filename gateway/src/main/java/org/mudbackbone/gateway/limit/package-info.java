/**
 * What one client may cost the gateway: connections per address and in all, lines and out-of-band
 * messages per second, output waiting for a client that does not read, time to log in. Each limit
 * is configurable ({@code mud.gateway.limits.*}), tells the offender why, and counts in
 * {@code mud.gateway.limit.refused} by the limit's name.
 */
package org.mudbackbone.gateway.limit;
