/**
 * What a load player reads: telnet bytes turned into lines of plain text (commands refused, ANSI
 * colours removed) and the echo of its own numbered {@code say} lines found in them.
 */
package org.mudbackbone.bench.telnet;
