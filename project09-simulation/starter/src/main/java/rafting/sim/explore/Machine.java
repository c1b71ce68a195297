package rafting.sim.explore;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A machine that the {@link Explorer} can walk: states of type {@code S}, changed by events of
 * type {@code E}.
 *
 * <p>The machine must be deterministic: the same event in the same state always leads to the same
 * next state. Where the real system has a choice (which message arrives first, which node times
 * out), make each choice an event of its own; the explorer then tries every one. States should be
 * values (records, immutable collections), because the explorer keeps them and compares them.
 *
 * @param <S> the state
 * @param <E> the event
 */
public interface Machine<S, E> {

    /** The states the machine may start in: usually one. */
    List<S> initialStates();

    /**
     * The events that may happen in {@code state}, in the order the explorer should try them.
     * It may list events that turn out not to apply: {@link #next} then returns nothing.
     */
    List<E> events(S state);

    /** The state after {@code event} happens in {@code state}, or nothing if it cannot happen. */
    Optional<S> next(S state, E event);

    /** A machine from three functions, handy in tests and in jshell. */
    static <S, E> Machine<S, E> of(List<S> initialStates, Function<S, List<E>> events,
                                   BiFunction<S, E, Optional<S>> next) {
        throw new UnsupportedOperationException("Part 1: write Machine.of");
    }

    /**
     * This machine with an observer riding along: after every event the observer sees the state
     * before, the event and the state after, and updates its own small state. The explorer then
     * walks pairs (machine state, observation), so an invariant can speak about the past: a
     * bounded-response property such as "every button press is served within 30 ticks" becomes the
     * invariant {@code o -> o.observation().waitingTicks() <= 30} over an observer that counts the
     * ticks since the oldest press not yet served.
     *
     * <p>Keep the observation small and bounded (stop counting once past the bound), or the pairs
     * make the state space grow without end.
     */
    default <O> Machine<Observed<S, O>, E> observed(O initialObservation, Observer<S, E, O> observer) {
        throw new UnsupportedOperationException("Part 1: write Machine.observed");
    }

    /** Updates an observation after one event; see {@link #observed}. */
    @FunctionalInterface
    interface Observer<S, E, O> {
        O observe(O observation, S before, E event, S after);
    }

    /** A state of the machine together with what an observer has recorded on the way to it. */
    record Observed<S, O>(S state, O observation) {
        /**
         * The state, {@code " | "}, the observation.
         */
        @Override
        public String toString() {
        throw new UnsupportedOperationException("Part 1: write Observed.toString");
    }
    }
}
