package org.mudbackbone.broker.markup;

/** One piece of parsed markup: text, the start of a style, or the end of the innermost style. */
public sealed interface MarkupToken {

    /** Literal text: may hold anything a player typed, so a renderer treats it as data only. */
    record Text(String text) implements MarkupToken {}

    /** A named colour from {@link Markup#COLOURS}, or {@code #rrggbb}. */
    record Colour(String name) implements MarkupToken {}

    /** bold, underline or italic. */
    record Emphasis(String name) implements MarkupToken {}

    /** Text that sends {@code command} when chosen. */
    record Link(String command) implements MarkupToken {}

    /** Closes the innermost open style. */
    record End() implements MarkupToken {}
}
