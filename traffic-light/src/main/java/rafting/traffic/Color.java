package rafting.traffic;

import java.util.Optional;

/** A light's color, and the one-letter message that tells a light device to show it. */
public enum Color {
    GREEN("G"), YELLOW("Y"), RED("R");

    private final String message;

    Color(String message) {
        this.message = message;
    }

    /** The datagram a light device understands: {@code G}, {@code Y} or {@code R}. */
    public String message() {
        return message;
    }

    /** The color a datagram names, surrounding blanks (such as a newline) ignored. */
    public static Optional<Color> parse(String text) {
        String code = text.strip();
        for (Color color : values()) {
            if (color.message.equals(code)) {
                return Optional.of(color);
            }
        }
        return Optional.empty();
    }
}
