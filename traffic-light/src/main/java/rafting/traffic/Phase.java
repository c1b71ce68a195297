package rafting.traffic;

/**
 * Which light is not red, and how: the controller cycles through these four phases in order.
 * In every phase one light is red, which is the safety rule: never two directions not red at once.
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
        return open;
    }

    public boolean isGreen() {
        return color == Color.GREEN;
    }

    /** The color of one light in this phase. */
    public Color color(Direction light) {
        return light == open ? color : Color.RED;
    }

    /** The phase that follows this one: green to yellow, yellow to the other direction's green. */
    public Phase next() {
        return values()[(ordinal() + 1) % values().length];
    }

    /** The green phase of a direction. */
    public static Phase greenFor(Direction direction) {
        return direction == Direction.EW ? EW_GREEN : NS_GREEN;
    }
}
