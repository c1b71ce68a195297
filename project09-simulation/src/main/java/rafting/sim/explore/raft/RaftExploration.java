package rafting.sim.explore.raft;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import rafting.election.Settings;
import rafting.sim.Event;
import rafting.sim.RaftInvariants;
import rafting.sim.explore.ExplorationResult;
import rafting.sim.explore.Explorer;
import rafting.sim.explore.Trace;

/**
 * Project 9 on Raft: every state that a few real {@link rafting.election.RaftNode}s can reach
 * within some {@link Bounds}, explored breadth-first, with the checks of {@link RaftInvariants}
 * in every state. With no flaw it passes; with a flaw it finds the shortest run that breaks a
 * rule, which {@link #story} tells one event a line.
 */
public final class RaftExploration {

    private RaftExploration() {
    }

    /**
     * The nodes' settings explored: an election after 2 quiet ticks, a heartbeat every tick,
     * one entry per request, plain Raft (no pre-vote, no check-quorum).
     *
     * <p>The timeout is fixed, so a node's state decides its reactions. Election and heartbeat
     * events tick a node until it acts, so the tick counts add no states. One entry per request
     * lets a leader hear that an entry of an earlier term is on a majority before its own no-op
     * is, which Figure 8 needs with three servers. Pre-vote and check-quorum depend on how long
     * ago a leader was heard from; with time reduced to "time out" and "heartbeat" events, they
     * would be explored only in part, so they are off.
     */
    public static Settings exploredSettings() {
        return Settings.defaults().withHeartbeatTicks(1).withElectionTicks(2, 2).withMaxBatch(1)
                .withPreVote(false).withCheckQuorum(false);
    }

    /** Explores {@code bounds} with nodes configured by {@code settings}, symmetric servers merged, up to {@code maxStates}. */
    public static ExplorationResult<ClusterState, Event> explore(Settings settings, Bounds bounds, long maxStates) {
        return explore(settings, bounds, true, maxStates);
    }

    /** As above; with {@code symmetry} off, states that differ only in the servers' names count apart. */
    public static ExplorationResult<ClusterState, Event> explore(Settings settings, Bounds bounds, boolean symmetry, long maxStates) {
        return explore(settings, bounds, symmetry, maxStates, Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L));
    }

    /** As above, and stopping (BOUNDED) once the search has taken {@code timeLimit}. */
    public static ExplorationResult<ClusterState, Event> explore(Settings settings, Bounds bounds, boolean symmetry, long maxStates,
                                                                 Duration timeLimit) {
        var key = new CanonicalKey(bounds.nodes(), symmetry, settings);
        // A real node can always tick: a state with no event left is one where the bounds stop everything.
        return checking(Explorer.of(new RaftCoreMachine(settings, bounds)))
                .key(key::of)
                .legalEnd(state -> true)
                .kindOf(RaftExploration::kindOf)
                .maxStates(maxStates)
                .timeLimit(timeLimit)
                .run();
    }

    /**
     * The kind an event is counted under: {@code Fire}, {@code Deliver}, {@code Propose},
     * {@code Crash}, {@code Restart}, {@code Duplicate}; an event that loses what it sends is
     * {@code Lossy} and its cause's kind, {@code Lossy Fire}, say.
     */
    static String kindOf(Event event) {
        return event instanceof Event.Lossy lossy ? "Lossy " + kindOf(lossy.cause()) : event.getClass().getSimpleName();
    }

    /**
     * The kinds of event that {@code bounds} allow ({@link Bounds#eventKinds()}) but that never
     * fired in {@code result}: "sometimes" properties that failed, where the checks passed for
     * nothing. A kind fires whether or not the network loses what it sends ({@code Fire} counts
     * {@code Lossy Fire}: with one message in flight, a timer can only fire losing one of the two
     * messages it sends), and {@code Lossy} fires if any lossy event does.
     */
    public static List<String> neverFired(ExplorationResult<ClusterState, Event> result, Bounds bounds) {
        var fired = result.fired();
        return bounds.eventKinds().stream()
                .filter(kind -> kind.equals("Lossy")
                        ? fired.keySet().stream().noneMatch(k -> k.startsWith("Lossy "))
                        : fired.getOrDefault(kind, 0L) + fired.getOrDefault("Lossy " + kind, 0L) == 0)
                .toList();
    }

    /** {@code explorer} checking every property of {@link RaftInvariants}: the invariants in every state, the step properties on every event. */
    static Explorer<ClusterState, Event> checking(Explorer<ClusterState, Event> explorer) {
        RaftInvariants.INVARIANTS.forEach((name, invariant) -> explorer.invariant(name, invariant::test));
        RaftInvariants.STEP_PROPERTIES.forEach((name, property) ->
                explorer.stepProperty(name, (before, event, after) -> property.test(before, after)));
        return explorer;
    }

    /**
     * The trace as a story: one line per event, with the servers it changed, then the last state
     * in full and what the checks remember.
     */
    public static String story(Trace<ClusterState, Event> trace) {
        var lines = new ArrayList<String>();
        lines.add(trace.problem() + " after " + trace.events().size() + " events:");
        var steps = trace.steps();
        for (int i = 1; i < steps.size(); i++) {
            ClusterState before = steps.get(i - 1).state();
            ClusterState after = steps.get(i).state();
            String changed = after.ids().stream()
                    .filter(id -> !after.describe(id).equals(before.describe(id)))
                    .map(after::describe)
                    .collect(Collectors.joining("; "));
            lines.add(String.format("%3d  %-50s %s", i, steps.get(i).event(), changed).stripTrailing());
        }
        ClusterState last = trace.lastState();
        lines.add("at the end:");
        last.ids().forEach(id -> lines.add("     " + last.describe(id)));
        lines.add("     in flight: " + last.inFlight().stream().map(Event::describe).collect(Collectors.joining("; ", "[", "]")));
        lines.add("     leaders so far: " + last.leaders().entrySet().stream()
                .map(e -> "t=" + e.getKey() + " n" + e.getValue()).collect(Collectors.joining(", ")));
        lines.add("     committed so far: " + last.committed().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")));
        return String.join(System.lineSeparator(), lines);
    }

}
