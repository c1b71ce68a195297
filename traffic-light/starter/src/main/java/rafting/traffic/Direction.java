package rafting.traffic;

import java.util.Optional;

/** Part 1: the two directions of traffic, each with its own light and its own pedestrian button. */
public enum Direction {
    EW, NS;

    /** The other direction: {@code EW.other()} is {@code NS}. */
    public Direction other() {
        throw new UnsupportedOperationException("Part 1: the other direction");
    }

    /** The direction a button's datagram names ({@code "NS"} or {@code "EW"}, surrounding blanks ignored), or empty. */
    public static Optional<Direction> parse(String text) {
        throw new UnsupportedOperationException("Part 3: read a button's datagram");
    }
}
