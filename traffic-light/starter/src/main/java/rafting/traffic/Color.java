package rafting.traffic;

import java.util.Optional;

/** Part 1: a light's color, and the one-letter message that tells a light device to show it. */
public enum Color {
    GREEN("G"), YELLOW("Y"), RED("R");

    private final String message;

    Color(String message) {
        this.message = message;
    }

    /** The datagram a light device understands: {@code G}, {@code Y} or {@code R}. */
    public String message() {
        throw new UnsupportedOperationException("Part 1: the one-letter message");
    }

    /** The color a datagram names ({@code G}, {@code Y}, {@code R}), surrounding blanks (such as a newline) ignored; else empty. */
    public static Optional<Color> parse(String text) {
        throw new UnsupportedOperationException("Part 3: read a light's datagram");
    }
}
