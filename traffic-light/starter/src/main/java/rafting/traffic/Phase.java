package rafting.traffic;

/**
 * Part 1: which light is not red, and how: the controller cycles through these four phases in
 * order. In every phase one light is red, which is the safety rule: never two directions not red
 * at once. The constants and their fields are given.
 */
public enum Phase {
    EW_GREEN(Direction.EW, Color.GREEN),
    EW_YELLOW(Direction.EW, Color.YELLOW),
    NS_GREEN(Direction.NS, Color.GREEN),
    NS_YELLOW(Direction.NS, Color.YELLOW);

    private final Direction open;
    private final Color color;

    Phase(Direction open, Color color) {
        this.open = open;
        this.color = color;
    }

    /** The direction whose light is not red in this phase. */
    public Direction open() {
        throw new UnsupportedOperationException("Part 1: the direction not red");
    }

    /** Whether the open light is green (not yellow). */
    public boolean isGreen() {
        throw new UnsupportedOperationException("Part 1: whether this is a green phase");
    }

    /** The color of one light in this phase: the open light's color, red for the other. */
    public Color color(Direction light) {
        throw new UnsupportedOperationException("Part 1: the color of a light");
    }

    /** The phase that follows this one: green to yellow, yellow to the other direction's green (NS_YELLOW to EW_GREEN). */
    public Phase next() {
        throw new UnsupportedOperationException("Part 1: the next phase, cyclically");
    }

    /** The green phase of a direction. */
    public static Phase greenFor(Direction direction) {
        throw new UnsupportedOperationException("Part 1: the green phase of a direction");
    }
}
