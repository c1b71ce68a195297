package rafting.sim.explore.raft;

import java.util.List;
import rafting.sim.Event;
import rafting.sim.explore.Trace;
import rafting.sim.timeline.TraceEvent;

/**
 * The explorer's shortest counterexample as a trace for the timeline page: the time of an event
 * is its number in the story (0 the initial state), and what changed between two states becomes
 * the trace's events: messages taken ({@code deliver}, or {@code drop} noted {@code its server is
 * down}) and put in flight ({@code send}, ids from 1, text the message's {@code toString}), roles and
 * terms ({@code role}), log appends (text the entry's text or {@code no-op}) and truncations, commit
 * indexes, crashes and restarts ({@code fault} {@code crash} / {@code restart}), other events as a
 * {@code step} with the event's {@code toString}; then one {@code violation} at the last event's
 * number, its text {@code <problem> after <N> events} and its note the problem.
 */
public final class ExplorationTimeline {

    private ExplorationTimeline() {
    }

    /** The trace events of {@code trace}, in order. */
    public static List<TraceEvent> of(Trace<ClusterState, Event> trace) {
        throw new UnsupportedOperationException("Part 9: write ExplorationTimeline.of");
    }
}
