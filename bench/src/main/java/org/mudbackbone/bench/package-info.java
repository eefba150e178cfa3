/**
 * A telnet load generator for any running stack ({@code ./mud load}): many players log in, say
 * numbered lines on a fixed schedule, and the round trip of each line to its echo is measured.
 */
package org.mudbackbone.bench;
