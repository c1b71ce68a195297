package rafting.sim.explore;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Visits every state a {@link Machine} can reach, breadth-first, each state once, and checks
 * every invariant in every state and every step property on every event.
 *
 * <pre>{@code
 * ExplorationResult<Light, Event> result = Explorer.of(machine)
 *         .invariant("never two greens", s -> !(s.ns().isGreen() && s.ew().isGreen()))
 *         .maxStates(1_000_000)
 *         .run();
 * }</pre>
 *
 * <p>It stops at the first problem and returns the shortest trace to it: the states are visited
 * level by level (all states one event away, then two, ...), the invariants of a whole level are
 * checked before any of its states is expanded, and a deadlock at one level is preferred to a
 * step property that fails on the way to the next. A state with no next state (no event, or none
 * that applies) is a deadlock unless the {@link #legalEnd} predicate accepts it.
 *
 * <p>Two states are the same if their {@link #key keys} are equal; by default the key is the
 * state itself. A smaller key (a canonical encoding of a node's state, say) saves memory, and may
 * merge states that differ in ways no check cares about (symmetry). The explorer keeps only the
 * keys of the states it has finished with, and rebuilds a trace by replaying its events from the
 * initial state; that is why the machine must be deterministic, and the explorer says so if it
 * finds it is not.
 *
 * <p>A bound (depth or number of states) makes the explorer skip states it would otherwise add;
 * the verdict is then {@link ExplorationResult.Verdict#BOUNDED BOUNDED}, never PASSED. A bound that the
 * machine never reaches changes nothing. A {@link #timeLimit time limit} stops the search between
 * two states, BOUNDED too.
 *
 * <p>The explorer counts the transitions of each kind of event ({@link #kindOf}, by default the
 * simple name of the event's class): {@link ExplorationResult#fired()}. A kind that never fires
 * where the model means it to is a check that passes for nothing ("sometimes" properties:
 * {@link ExplorationResult#neverFired}).
 */
public final class Explorer<S, E> {

    /** A property of one event: the state before, the event, and the state after. */
    @FunctionalInterface
    public interface StepProperty<S, E> {
        boolean holds(S before, E event, S after);
    }

    private Explorer(Machine<S, E> machine) {
        throw new UnsupportedOperationException("Part 1: write Explorer");
    }

    /** An explorer of {@code machine} with no checks and no bounds yet. */
    public static <S, E> Explorer<S, E> of(Machine<S, E> machine) {
        throw new UnsupportedOperationException("Part 1: write Explorer.of");
    }

    /** Checks {@code holds} in every reachable state, initial states included. */
    public Explorer<S, E> invariant(String name, Predicate<? super S> holds) {
        throw new UnsupportedOperationException("Part 1: write Explorer.invariant");
    }

    /** Checks {@code holds} on every event that leads somewhere (e.g. "commit index never goes back"). */
    public Explorer<S, E> stepProperty(String name, StepProperty<? super S, ? super E> holds) {
        throw new UnsupportedOperationException("Part 1: write Explorer.stepProperty");
    }

    /** States for which having no next state is fine (the program has finished), not a deadlock. */
    public Explorer<S, E> legalEnd(Predicate<? super S> isLegalEnd) {
        throw new UnsupportedOperationException("Part 1: write Explorer.legalEnd");
    }

    /**
     * What identifies a state in the visited set: two states with equal keys are visited once.
     * The key must have value equality ({@code String}, {@code List}, a record; not an array).
     */
    public Explorer<S, E> key(Function<? super S, ?> key) {
        throw new UnsupportedOperationException("Part 1: write Explorer.key");
    }

    /** The kind an event is counted under in {@link ExplorationResult#fired()}; by default its class's simple name. */
    public Explorer<S, E> kindOf(Function<? super E, String> kindOf) {
        throw new UnsupportedOperationException("Part 1: write Explorer.kindOf");
    }

    /**
     * Stop, BOUNDED, once the search has taken {@code limit} (checked between two states); the
     * states found by then are still checked. A limit of zero checks the initial states only.
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    public Explorer<S, E> timeLimit(Duration limit) {
        throw new UnsupportedOperationException("Part 1: write Explorer.timeLimit");
    }

    /**
     * Visit no state more than {@code maxDepth} events away from an initial state.
     *
     * @throws IllegalArgumentException if {@code maxDepth} is negative; the message names {@code maxDepth}
     */
    public Explorer<S, E> maxDepth(int maxDepth) {
        throw new UnsupportedOperationException("Part 1: write Explorer.maxDepth");
    }

    /**
     * Visit at most {@code maxStates} distinct states.
     *
     * @throws IllegalArgumentException if {@code maxStates} is below 1; the message names {@code maxStates}
     */
    public Explorer<S, E> maxStates(long maxStates) {
        throw new UnsupportedOperationException("Part 1: write Explorer.maxStates");
    }

    /**
     * Explores; call it again after changing the checks or bounds to explore afresh.
     *
     * <p>A problem's {@link Trace#problem()} reads {@code invariant "NAME" broken},
     * {@code step property "NAME" broken}, or starts with {@code deadlock}.
     *
     * @throws IllegalStateException whose message contains {@code not deterministic} when replaying the
     *         events of a trace does not reach the key recorded for it
     */
    public ExplorationResult<S, E> run() {
        throw new UnsupportedOperationException("Part 1: write Explorer.run");
    }

}
