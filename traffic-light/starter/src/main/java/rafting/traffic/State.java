package rafting.traffic;

/**
 * Part 1: everything the controller remembers. Finite and small: {@code elapsed} stays below
 * the phase's duration, so the explorer of Project 9 and TLC can visit every state. The compact
 * constructor (null phase, negative elapsed, a press pending outside a green phase: an
 * {@link IllegalArgumentException}) and {@link #INITIAL} are given.
 *
 * @param phase   which light is not red, and its color
 * @param elapsed whole seconds spent in this phase so far
 * @param pending a button press that arrived before the minimum green and waits for it
 */
public record State(Phase phase, int elapsed, boolean pending) {

    /** East-West green, just turned on, nobody waiting. */
    public static final State INITIAL = new State(Phase.EW_GREEN, 0, false);

    public State {
        java.util.Objects.requireNonNull(phase, "phase");
        if (elapsed < 0) {
            throw new IllegalArgumentException("elapsed cannot be negative: " + elapsed);
        }
        if (pending && !phase.isGreen()) {
            throw new IllegalArgumentException("only a green light has a press waiting: " + phase);
        }
    }

    /** {@code new State(phase, elapsed, pending)}. */
    public static State of(Phase phase, int elapsed, boolean pending) {
        throw new UnsupportedOperationException("Part 1: a state");
    }

    /** The color of one light in this state. */
    public Color color(Direction light) {
        throw new UnsupportedOperationException("Part 1: the phase's color of the light");
    }

    /** {@code NS_GREEN 14s pending}, or {@code EW_YELLOW 0s} without a pending press. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: phase, elapsed seconds, pending");
    }
}
