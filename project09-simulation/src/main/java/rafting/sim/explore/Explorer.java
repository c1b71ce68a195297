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
import java.util.SortedMap;
import java.util.TreeMap;
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
 * event's class): {@link ExplorationResult#fired()}. A kind that never fires where the model means
 * it to is a check that passes for nothing ("sometimes" properties: {@link ExplorationResult#neverFired}).
 */
public final class Explorer<S, E> {

    private static final System.Logger LOG = System.getLogger(Explorer.class.getName());

    /** A property of one event: the state before, the event, and the state after. */
    @FunctionalInterface
    public interface StepProperty<S, E> {
        boolean holds(S before, E event, S after);
    }

    private record Named<P>(String name, P check) {}

    private final Machine<S, E> machine;
    private final List<Named<Predicate<? super S>>> invariants = new ArrayList<>();
    private final List<Named<StepProperty<? super S, ? super E>>> stepProperties = new ArrayList<>();
    private Function<? super S, ?> key = Function.identity();
    private Predicate<? super S> legalEnd = s -> false;
    private Function<? super E, String> kindOf = event -> event.getClass().getSimpleName();
    private int maxDepth = Integer.MAX_VALUE;
    private long maxStates = Long.MAX_VALUE;
    private long maxNanos = Long.MAX_VALUE;

    private Explorer(Machine<S, E> machine) {
        this.machine = Objects.requireNonNull(machine, "machine");
    }

    /** An explorer of {@code machine} with no checks and no bounds yet. */
    public static <S, E> Explorer<S, E> of(Machine<S, E> machine) {
        return new Explorer<>(machine);
    }

    /** Checks {@code holds} in every reachable state, initial states included. */
    public Explorer<S, E> invariant(String name, Predicate<? super S> holds) {
        invariants.add(new Named<>(name, Objects.requireNonNull(holds, "holds")));
        return this;
    }

    /** Checks {@code holds} on every event that leads somewhere (e.g. "commit index never goes back"). */
    public Explorer<S, E> stepProperty(String name, StepProperty<? super S, ? super E> holds) {
        stepProperties.add(new Named<>(name, Objects.requireNonNull(holds, "holds")));
        return this;
    }

    /** States for which having no next state is fine (the program has finished), not a deadlock. */
    public Explorer<S, E> legalEnd(Predicate<? super S> isLegalEnd) {
        this.legalEnd = Objects.requireNonNull(isLegalEnd, "isLegalEnd");
        return this;
    }

    /**
     * What identifies a state in the visited set: two states with equal keys are visited once.
     * The key must have value equality ({@code String}, {@code List}, a record; not an array).
     */
    public Explorer<S, E> key(Function<? super S, ?> key) {
        this.key = Objects.requireNonNull(key, "key");
        return this;
    }

    /** The kind an event is counted under in {@link ExplorationResult#fired()}; by default its class's simple name. */
    public Explorer<S, E> kindOf(Function<? super E, String> kindOf) {
        this.kindOf = Objects.requireNonNull(kindOf, "kindOf");
        return this;
    }

    /** Stop, BOUNDED, once the search has taken {@code limit} (checked between two states). */
    public Explorer<S, E> timeLimit(Duration limit) {
        if (limit.isNegative()) {
            throw new IllegalArgumentException("timeLimit must be zero or more, not " + limit);
        }
        this.maxNanos = limit.toNanos();
        return this;
    }

    /** Visit no state more than {@code maxDepth} events away from an initial state. */
    public Explorer<S, E> maxDepth(int maxDepth) {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must be 0 or more, not " + maxDepth);
        }
        this.maxDepth = maxDepth;
        return this;
    }

    /** Visit at most {@code maxStates} distinct states. */
    public Explorer<S, E> maxStates(long maxStates) {
        if (maxStates < 1) {
            throw new IllegalArgumentException("maxStates must be 1 or more, not " + maxStates);
        }
        this.maxStates = maxStates;
        return this;
    }

    /**
     * How the explorer reached a state: from which state, by which event. Only the initial states'
     * nodes keep the state itself; the others are rebuilt by replay when a trace is needed.
     */
    private record Node<S, E>(Node<S, E> parent, E event, S initialState, int depth) {}

    private record Frontier<S, E>(Node<S, E> node, S state) {}

    /** A step property that failed: the event {@code event} taken from the state of {@code from}. */
    private record FailedStep<S, E>(String name, Node<S, E> from, E event) {}

    /** Explores; call it again after changing the checks or bounds to explore afresh. */
    public ExplorationResult<S, E> run() {
        long start = System.nanoTime();
        Map<Object, Node<S, E>> visited = new HashMap<>();
        Map<String, long[]> fired = new HashMap<>();
        List<Frontier<S, E>> level = new ArrayList<>();
        boolean bounded = false;
        for (S initial : machine.initialStates()) {
            if (visited.containsKey(key.apply(initial))) {
                continue;
            }
            if (visited.size() >= maxStates) {
                bounded = true;
                continue;
            }
            Node<S, E> node = new Node<>(null, null, initial, 0);
            visited.put(key.apply(initial), node);
            level.add(new Frontier<>(node, initial));
        }

        long transitions = 0;
        int depth = 0;
        boolean outOfTime = false;
        while (!level.isEmpty()) {
            depth = level.get(0).node().depth();
            LOG.log(System.Logger.Level.DEBUG, "depth {0}: {1} new states, {2} in all",
                    depth, level.size(), visited.size());
            for (Frontier<S, E> f : level) {
                for (Named<Predicate<? super S>> invariant : invariants) {
                    if (!invariant.check().test(f.state())) {
                        return failed(ExplorationResult.Verdict.VIOLATION, visited, transitions, depth, fired,
                                trace("invariant \"" + invariant.name() + "\" broken", f.node(), visited));
                    }
                }
            }

            if (outOfTime) {
                break;
            }
            List<Frontier<S, E>> nextLevel = new ArrayList<>();
            FailedStep<S, E> failedStep = null;
            for (Frontier<S, E> f : level) {
                if (System.nanoTime() - start >= maxNanos) {
                    outOfTime = true; // the states found so far are checked next, then the search stops
                    bounded = true;
                    break;
                }
                boolean moved = false;
                for (E event : machine.events(f.state())) {
                    Optional<S> next = machine.next(f.state(), event);
                    if (next.isEmpty()) {
                        continue;
                    }
                    moved = true;
                    transitions++;
                    fired.computeIfAbsent(kindOf.apply(event), k -> new long[1])[0]++;
                    S after = next.get();
                    if (failedStep == null) {
                        failedStep = firstFailedStep(f, event, after);
                    }
                    Object afterKey = key.apply(after);
                    if (visited.containsKey(afterKey)) {
                        continue;
                    }
                    if (depth >= maxDepth || visited.size() >= maxStates) {
                        bounded = true;
                        continue;
                    }
                    Node<S, E> child = new Node<>(f.node(), event, null, depth + 1);
                    visited.put(afterKey, child);
                    nextLevel.add(new Frontier<>(child, after));
                }
                if (!moved && !legalEnd.test(f.state())) {
                    return failed(ExplorationResult.Verdict.DEADLOCK, visited, transitions, depth, fired,
                            trace("deadlock: no event can happen", f.node(), visited));
                }
            }
            if (failedStep != null) {
                Trace<S, E> upTo = trace("step property \"" + failedStep.name() + "\" broken",
                        failedStep.from(), visited);
                return failed(ExplorationResult.Verdict.VIOLATION, visited, transitions, depth, fired,
                        withOneMoreStep(upTo, failedStep.event()));
            }
            level = nextLevel;
        }
        return new ExplorationResult<>(bounded ? ExplorationResult.Verdict.BOUNDED : ExplorationResult.Verdict.PASSED,
                visited.size(), transitions, depth, counts(fired), null);
    }

    private static SortedMap<String, Long> counts(Map<String, long[]> fired) {
        var counts = new TreeMap<String, Long>();
        fired.forEach((kind, n) -> counts.put(kind, n[0]));
        return counts;
    }

    private FailedStep<S, E> firstFailedStep(Frontier<S, E> from, E event, S after) {
        for (Named<StepProperty<? super S, ? super E>> property : stepProperties) {
            if (!property.check().holds(from.state(), event, after)) {
                return new FailedStep<>(property.name(), from.node(), event);
            }
        }
        return null;
    }

    private ExplorationResult<S, E> failed(ExplorationResult.Verdict verdict, Map<Object, Node<S, E>> visited,
                                     long transitions, int depth, Map<String, long[]> fired, Trace<S, E> trace) {
        return new ExplorationResult<>(verdict, visited.size(), transitions, depth, counts(fired), trace);
    }

    /** Rebuilds the states on the way to {@code end} by replaying its events from its initial state. */
    private Trace<S, E> trace(String problem, Node<S, E> end, Map<Object, Node<S, E>> visited) {
        Deque<Node<S, E>> path = new ArrayDeque<>();
        for (Node<S, E> n = end; n != null; n = n.parent()) {
            path.addFirst(n);
        }
        List<Trace.Step<S, E>> steps = new ArrayList<>();
        S state = path.removeFirst().initialState();
        steps.add(new Trace.Step<>(null, state));
        for (Node<S, E> n : path) {
            S before = state;
            state = machine.next(before, n.event()).orElseThrow(() -> notDeterministic(n.event(), before));
            if (visited.get(key.apply(state)) != n) {
                throw notDeterministic(n.event(), before);
            }
            steps.add(new Trace.Step<>(n.event(), state));
        }
        return new Trace<>(problem, steps);
    }

    private Trace<S, E> withOneMoreStep(Trace<S, E> trace, E event) {
        S before = trace.lastState();
        S after = machine.next(before, event).orElseThrow(() -> notDeterministic(event, before));
        List<Trace.Step<S, E>> steps = new ArrayList<>(trace.steps());
        steps.add(new Trace.Step<>(event, after));
        return new Trace<>(trace.problem(), steps);
    }

    private static IllegalStateException notDeterministic(Object event, Object state) {
        return new IllegalStateException("the machine is not deterministic: replaying " + event
                + " in " + state + " did not lead where it led before");
    }
}
