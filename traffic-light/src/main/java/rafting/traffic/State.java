package rafting.traffic;

/**
 * Everything the controller remembers. Finite and small: {@code elapsed} stays below the
 * phase's duration, so the explorer of Project 9 and TLC can visit every state.
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

    public static State of(Phase phase, int elapsed, boolean pending) {
        return new State(phase, elapsed, pending);
    }

    public Color color(Direction light) {
        return phase.color(light);
    }

    @Override
    public String toString() {
        return phase + " " + elapsed + "s" + (pending ? " pending" : "");
    }
}
