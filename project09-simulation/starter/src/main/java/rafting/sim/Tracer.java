package rafting.sim;

import java.util.List;
import rafting.sim.timeline.TraceEvent;

/**
 * The trace of a simulated run, for the timeline page: replays its events in a fresh
 * {@link SimCluster}, like {@link Story}, and after each one writes down what changed. The time of
 * every trace event is the step of the simulator that caused it (so times never go back), and
 * {@code seq} counts the trace's events from 1.
 *
 * <p>What the tests check ({@code TracerTest}): first each server's role and term ({@code role}
 * events, the text {@code RaftNode.role()}'s string: {@code follower}, {@code candidate}, ...), then per
 * event: a {@code send} for every message put in flight (id numbering messages from 1; the text the
 * message's {@code toString}), a {@code deliver} or {@code drop} with the same id and text for every
 * message taken (delivered, or lost: the note says why), an {@code append} per entry a log gained
 * (its index, its term, and as text the entry's text or {@code no-op}, so that {@code term + ":" + text}
 * is {@code LogEntry.toString()}; replaying appends and truncates rebuilds every log exactly, each
 * append at the log's end), a
 * {@code truncate} from the first index a log lost, a {@code commit} per commit index change, a
 * {@code role} per role or term change, {@code request}/{@code reply} per client call, a {@code fault}
 * per crash ({@code crash}), restart ({@code restart}), partition ({@code partition}, the cut in the
 * note) and heal ({@code heal}), a {@code step} for what else the event did (a timer, a proposal:
 * the event's {@code toString}); and, if the run breaks an invariant, one {@code violation} last, at
 * the violation's step, its text the violation's {@code toString} and its note the invariant's name.
 */
public final class Tracer {

    private Tracer() {
    }

    /** The trace of {@code events} replayed in {@code scenario}, with the recovery after them when the scenario checks it. */
    public static List<TraceEvent> of(Scenario scenario, List<Event> events) {
        throw new UnsupportedOperationException("Part 9: write Tracer.of");
    }
}
