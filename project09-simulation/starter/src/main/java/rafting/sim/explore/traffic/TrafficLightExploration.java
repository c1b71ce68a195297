package rafting.sim.explore.traffic;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import rafting.sim.explore.ExplorationResult;
import rafting.sim.explore.Explorer;
import rafting.sim.explore.Machine;
import rafting.sim.explore.Machine.Observed;
import rafting.traffic.Color;
import rafting.traffic.Controller;
import rafting.traffic.Direction;
import rafting.traffic.Event;
import rafting.traffic.State;
import rafting.traffic.Timings;

/**
 * Project 9: every state of the traffic-light controller of {@code traffic-light}, explored.
 *
 * <p>{@link #explore} visits every reachable state and checks the safety rule (never two
 * directions not red at once) and that no state is stuck. {@link #exploreResponse} checks that
 * every button press is served within {@link #responseBound} ticks. A press is <em>served</em>
 * when the light it concerns ({@link Event.Press#light()}, the other direction's) is red, so the
 * pedestrian may cross. The controller's rules give the bound: a press concerning a green light
 * turns it yellow after at most {@code minGreen} ticks, and the yellow turns red {@code yellow}
 * ticks later. To check it, an observer rides along and counts, for each button, the ticks since
 * its oldest press not yet served ({@link Waiting}).
 */
public final class TrafficLightExploration {

    static final String SAFETY = "never two directions not red at once";

    /** The kinds of event the explorer counts ({@link ExplorationResult#fired()}): each must fire in every exploration of the light. */
    public static final List<String> EVENT_KINDS = List.of("Tick", "Press");

    private TrafficLightExploration() {
    }

    /** The controller as a machine for the explorer: one initial state, every event in every state. */
    public static Machine<State, Event> machine(Controller controller) {
        throw new UnsupportedOperationException("Part 3: write TrafficLightExploration.machine");
    }

    /** A controller given by its transition function: to explore one that is deliberately wrong. */
    public static Machine<State, Event> machine(State initial, List<Event> events, BiFunction<State, Event, State> next) {
        throw new UnsupportedOperationException("Part 3: write TrafficLightExploration.machine");
    }

    /**
     * Given: the controller broken on purpose: a second press of a button while a press is
     * remembered cancels it, and the pedestrian may wait for ever. {@link #exploreResponse} finds
     * the shortest such wait; {@code ExploreCommand traffic --html FILE} draws it.
     */
    public static Machine<State, Event> forgetful(Controller controller) {
        return machine(controller.initial(), controller.events(), (state, event) -> {
            State next = controller.next(state, event);
            return state.pending() && next.equals(state) && event instanceof Event.Press
                    ? State.of(state.phase(), state.elapsed(), false)
                    : next;
        });
    }

    /** Ticks within which every press is served: the longest a green may still last, then the yellow. */
    public static int responseBound(Timings timings) {
        throw new UnsupportedOperationException("Part 3: write TrafficLightExploration.responseBound");
    }

    /** Every reachable state, each checked for the safety rule; a state with no next state is a deadlock. */
    public static ExplorationResult<State, Event> explore(Machine<State, Event> machine) {
        throw new UnsupportedOperationException("Part 3: write TrafficLightExploration.explore");
    }

    /**
     * Every reachable pair (state, {@link Waiting}): the safety rule again, and no press waiting
     * {@code bound} ticks or more unserved.
     */
    public static ExplorationResult<Observed<State, Waiting>, Event> exploreResponse(Machine<State, Event> machine, int bound) {
        throw new UnsupportedOperationException("Part 3: write TrafficLightExploration.exploreResponse");
    }

    static boolean atMostOneNotRed(State state) {
        throw new UnsupportedOperationException("Part 3: write TrafficLightExploration.atMostOneNotRed");
    }

    /**
     * For each button, the ticks its oldest press not yet served has waited, or -1 when no press
     * of it waits. Counting stops at the bound, so that the pairs stay finitely many.
     */
    public record Waiting(int ew, int ns) {

        static final Waiting NONE = new Waiting(-1, -1);

        /** The longest wait of the two buttons. */
        public int longest() {
        throw new UnsupportedOperationException("Part 3: write Waiting.longest");
    }

        Waiting after(Event event, State after, int cap) {
        throw new UnsupportedOperationException("Part 3: write Waiting.after");
    }

        /** {@code waiting: NS 3 ticks}, or {@code nobody waits}. */
        @Override
        public String toString() {
        throw new UnsupportedOperationException("Part 3: write Waiting.toString");
    }

    }
}
