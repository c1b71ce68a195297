package rafting.traffic;

import java.util.List;

/**
 * The traffic-light controller as a pure state machine: {@link #next(State, Event)} computes the
 * state after one event, and does nothing else (no clock, no thread, no socket). It has the same
 * shape as the Raft core later on, and the same consequence: tests step it exactly, and a program
 * can explore every state it can reach.
 *
 * <p>The rules:
 * <ol>
 * <li>A green light stays green for its duration ({@link Timings#ewGreen()}, {@link Timings#nsGreen()}),
 *     then turns yellow.
 * <li>A yellow light turns red after {@link Timings#yellow()}, and at that moment the other light
 *     turns green.
 * <li>A press of the button that concerns the green light turns it yellow at once if it has been
 *     green for at least {@link Timings#minGreen()}; otherwise the press is remembered and the light
 *     turns yellow as soon as it has been green that long. A second press changes nothing.
 * <li>A press that concerns a yellow or red light is ignored: a yellow light is already on its
 *     way to red, a red one already is red. Nothing is remembered for the next green.
 * </ol>
 */
public final class Controller {

    private static final List<Event> EVENTS = List.of(Event.TICK, Event.press(Direction.NS), Event.press(Direction.EW));

    private final Timings timings;

    private Controller(Timings timings) {
        this.timings = java.util.Objects.requireNonNull(timings, "timings");
    }

    public static Controller of(Timings timings) {
        return new Controller(timings);
    }

    /** The workshop's controller: {@link Timings#DEFAULT}. */
    public static Controller standard() {
        return new Controller(Timings.DEFAULT);
    }

    public Timings timings() {
        return timings;
    }

    public State initial() {
        return State.INITIAL;
    }

    /** Every event; each one can happen in every state, so no state is ever stuck. */
    public List<Event> events() {
        return EVENTS;
    }

    /** The state after {@code event}. */
    public State next(State state, Event event) {
        if (event instanceof Event.Press press) {
            return press(state, press.light());
        }
        return tick(state);
    }

    private State tick(State state) {
        Phase phase = state.phase();
        int elapsed = state.elapsed() + 1;
        boolean timeUp = elapsed >= timings.duration(phase);
        boolean pressServed = state.pending() && elapsed >= timings.minGreen();
        if (timeUp || pressServed) {
            return new State(phase.next(), 0, false);
        }
        return new State(phase, elapsed, state.pending());
    }

    private State press(State state, Direction light) {
        if (state.phase() != Phase.greenFor(light)) {
            return state; // yellow: already turning red; red: already red
        }
        if (state.elapsed() >= timings.minGreen()) {
            return new State(state.phase().next(), 0, false);
        }
        return new State(state.phase(), state.elapsed(), true);
    }

    @Override
    public String toString() {
        return "Controller(" + timings + ")";
    }
}
