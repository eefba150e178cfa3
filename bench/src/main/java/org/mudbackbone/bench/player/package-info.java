/**
 * The load players: their names, the source addresses they connect from, and each player's
 * connection, login and numbered lines with the answers they got.
 */
package org.mudbackbone.bench.player;
