package org.mudbackbone.gateway.render;

import java.util.List;

/**
 * Colours as terminals number them, and the nearest one a lesser client has: an RGB colour is
 * downsampled to the xterm-256 cube and grey ramp, or to the 16 ANSI colours, never dropped.
 */
final class Palette {

    /** The 16 ANSI colours in xterm's default RGB, in SGR order. */
    static final List<String> NAMES = List.of("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
            "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue", "bright-magenta",
            "bright-cyan", "bright-white");
    private static final int[][] ANSI = {
        {0, 0, 0}, {205, 0, 0}, {0, 205, 0}, {205, 205, 0}, {0, 0, 238}, {205, 0, 205}, {0, 205, 205}, {229, 229, 229},
        {127, 127, 127}, {255, 0, 0}, {0, 255, 0}, {255, 255, 0}, {92, 92, 255}, {255, 0, 255}, {0, 255, 255},
        {255, 255, 255},
    };
    private static final int[] CUBE = {0, 95, 135, 175, 215, 255};

    private Palette() {}

    /** The SGR foreground parameters for a colour (a name or {@code #rrggbb}) at a depth above NONE. */
    static String foreground(String colour, ColourDepth depth) {
        int named = NAMES.indexOf(colour);
        if (named >= 0) {
            return Integer.toString(named < 8 ? 30 + named : 90 + named - 8);
        }
        int r = Integer.parseInt(colour.substring(1, 3), 16);
        int g = Integer.parseInt(colour.substring(3, 5), 16);
        int b = Integer.parseInt(colour.substring(5, 7), 16);
        return switch (depth) {
            case TRUECOLOR -> "38;2;" + r + ";" + g + ";" + b;
            case XTERM256 -> "38;5;" + nearest256(r, g, b);
            default -> {
                int ansi = nearest16(r, g, b);
                yield Integer.toString(ansi < 8 ? 30 + ansi : 90 + ansi - 8);
            }
        };
    }

    static int nearest16(int r, int g, int b) {
        int best = 0;
        for (int i = 1; i < ANSI.length; i++) {
            if (distance(ANSI[i], r, g, b) < distance(ANSI[best], r, g, b)) {
                best = i;
            }
        }
        return best;
    }

    /** The nearest of xterm's 6×6×6 cube (16–231) and grey ramp (232–255); 0–15 are left to themes. */
    static int nearest256(int r, int g, int b) {
        int cube = 16 + 36 * level(r) + 6 * level(g) + level(b);
        int[] cubeRgb = {CUBE[level(r)], CUBE[level(g)], CUBE[level(b)]};
        int grey = Math.min(23, Math.max(0, Math.round(((r + g + b) / 3f - 8) / 10f)));
        int greyValue = 8 + 10 * grey;
        int[] greyRgb = {greyValue, greyValue, greyValue};
        return distance(greyRgb, r, g, b) < distance(cubeRgb, r, g, b) ? 232 + grey : cube;
    }

    private static int level(int v) {
        int best = 0;
        for (int i = 1; i < CUBE.length; i++) {
            if (Math.abs(CUBE[i] - v) < Math.abs(CUBE[best] - v)) {
                best = i;
            }
        }
        return best;
    }

    private static int distance(int[] rgb, int r, int g, int b) {
        int dr = rgb[0] - r;
        int dg = rgb[1] - g;
        int db = rgb[2] - b;
        return dr * dr + dg * dg + db * db;
    }
}
