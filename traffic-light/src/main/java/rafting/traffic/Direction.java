package rafting.traffic;

import java.util.Optional;

/** The two directions of traffic, each with its own light and its own pedestrian button. */
public enum Direction {
    EW, NS;

    public Direction other() {
        return this == EW ? NS : EW;
    }

    /** The direction a button's datagram names ("NS" or "EW", surrounding blanks ignored). */
    public static Optional<Direction> parse(String text) {
        return switch (text.strip()) {
            case "EW" -> Optional.of(EW);
            case "NS" -> Optional.of(NS);
            default -> Optional.empty();
        };
    }
}
