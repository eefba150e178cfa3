package org.mudbackbone.gateway.render;

/** How many colours a client shows. */
public enum ColourDepth {
    NONE(0), ANSI16(16), XTERM256(256), TRUECOLOR(16_777_216);

    private final int colours;

    ColourDepth(int colours) {
        this.colours = colours;
    }

    public int colours() {
        return colours;
    }

    /** The depth for a colour count as a player or client states it (0, 16, 256, 16777216). */
    public static ColourDepth of(int colours) {
        if (colours >= TRUECOLOR.colours) {
            return TRUECOLOR;
        }
        if (colours >= XTERM256.colours) {
            return XTERM256;
        }
        return colours >= ANSI16.colours ? ANSI16 : NONE;
    }
}
