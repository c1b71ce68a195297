package rafting.sim.explore.raft;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import rafting.election.Settings;
import rafting.sim.Event;
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
        throw new UnsupportedOperationException("Part 4: write RaftExploration.exploredSettings");
    }

    /** Explores {@code bounds} with nodes configured by {@code settings}, symmetric servers merged, up to {@code maxStates}. */
    public static ExplorationResult<ClusterState, Event> explore(Settings settings, Bounds bounds, long maxStates) {
        throw new UnsupportedOperationException("Part 4: write RaftExploration.explore");
    }

    /** As above; with {@code symmetry} off, states that differ only in the servers' names count apart. */
    public static ExplorationResult<ClusterState, Event> explore(Settings settings, Bounds bounds, boolean symmetry, long maxStates) {
        throw new UnsupportedOperationException("Part 4: write RaftExploration.explore");
    }

    /** As above, and stopping (BOUNDED) once the search has taken {@code timeLimit}. */
    public static ExplorationResult<ClusterState, Event> explore(Settings settings, Bounds bounds, boolean symmetry, long maxStates,
                                                                 Duration timeLimit) {
        throw new UnsupportedOperationException("Part 4: write RaftExploration.explore");
    }

    /**
     * The kinds of event that {@code bounds} allow ({@link Bounds#eventKinds()}) but that never
     * fired in {@code result}: "sometimes" properties that failed, where the checks passed for
     * nothing. A kind fires whether or not the network loses what it sends (count an
     * {@link Event.Lossy} under {@code Lossy} and its cause's kind, {@code Lossy Fire}: with one
     * message in flight, a timer can only fire losing one of the two messages it sends), and
     * {@code Lossy} fires if any lossy event does.
     */
    public static List<String> neverFired(ExplorationResult<ClusterState, Event> result, Bounds bounds) {
        throw new UnsupportedOperationException("Part 4: write RaftExploration.neverFired");
    }

    /**
     * The trace as a story: one line per event, with the servers it changed, then the last state
     * in full and what the checks remember.
     */
    public static String story(Trace<ClusterState, Event> trace) {
        throw new UnsupportedOperationException("Part 4: write RaftExploration.story");
    }

}
