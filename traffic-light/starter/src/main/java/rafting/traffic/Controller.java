package rafting.traffic;

import java.util.List;

/**
 * Part 1: the traffic-light controller as a pure state machine: {@link #next(State, Event)}
 * computes the state after one event, and does nothing else (no clock, no thread, no socket).
 *
 * <p>The rules (the README's "The machine"):
 * <ul>
 * <li>{@code Tick}: {@code elapsed} goes up by one. If it reaches the phase's duration
 *     ({@link Timings#duration}), or a press is pending and it reaches {@link Timings#minGreen()},
 *     the machine moves to the next phase with {@code elapsed = 0} and no press pending.
 * <li>{@code Press(button)} concerns the light {@code button.other()}. If that light's green
 *     phase is the current phase: with {@code elapsed >= minGreen} the machine moves to its yellow
 *     phase at once ({@code elapsed = 0}), otherwise {@code pending} becomes true (a second press
 *     changes nothing). In any other phase nothing changes.
 * </ul>
 */
public final class Controller {

    private Controller() {}

    /** A controller with these timings. */
    public static Controller of(Timings timings) {
        throw new UnsupportedOperationException("Part 1: a controller with these timings");
    }

    /** The workshop's controller: {@link Timings#DEFAULT}. */
    public static Controller standard() {
        throw new UnsupportedOperationException("Part 1: the controller with the default timings");
    }

    /** Its timings. */
    public Timings timings() {
        throw new UnsupportedOperationException("Part 1: the timings");
    }

    /** {@link State#INITIAL}: East-West green, nobody waiting. */
    public State initial() {
        throw new UnsupportedOperationException("Part 1: the initial state");
    }

    /** Every event, {@code [Tick, Press NS, Press EW]}; each one can happen in every state. */
    public List<Event> events() {
        throw new UnsupportedOperationException("Part 1: every event");
    }

    /** The state after {@code event}. */
    public State next(State state, Event event) {
        throw new UnsupportedOperationException("Part 1: the transition function");
    }

    /** {@code Controller(EW green 30s, NS green 60s, yellow 5s, min green 15s)}. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: Controller and its timings");
    }
}
