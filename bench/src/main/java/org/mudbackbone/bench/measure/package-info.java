/**
 * What a load run measures: round-trip latency from each line's scheduled send time, the counts of
 * what was sent, answered, lost and doubled, and the client's own CPU use and lateness, so that a
 * saturated client is never read as a slow server.
 */
package org.mudbackbone.bench.measure;
