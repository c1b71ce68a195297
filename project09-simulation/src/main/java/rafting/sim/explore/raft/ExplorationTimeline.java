package rafting.sim.explore.raft;

import java.util.ArrayList;
import java.util.List;
import rafting.election.NodeState;
import rafting.log.LogEntry;
import rafting.replication.Message;
import rafting.sim.Event;
import rafting.sim.explore.Trace;
import rafting.sim.timeline.TraceEvent;

/**
 * The explorer's shortest counterexample as a trace for the timeline page: the time of an event
 * is its number in the story, and what changed between two states becomes the trace's events
 * (messages taken and put in flight, roles, logs, commit indexes, crashes), then the problem.
 */
public final class ExplorationTimeline {

    private ExplorationTimeline() {
    }

    public static List<TraceEvent> of(Trace<ClusterState, Event> trace) {
        var events = new ArrayList<TraceEvent>();
        var steps = trace.steps();
        var inFlight = new ArrayList<Message>();
        var ids = new ArrayList<Long>();
        long[] seq = {0};
        long messages = 0;
        var told = new Told();
        for (int i = 0; i < steps.size(); i++) {
            ClusterState after = steps.get(i).state();
            Event event = steps.get(i).event();
            Event cause = event instanceof Event.Lossy lossy ? lossy.cause() : event;
            if (cause instanceof Event.Crash crash) {
                events.add(TraceEvent.fault(i, ++seq[0], crash.node(), "crash", "keeps only what it synced"));
            } else if (cause instanceof Event.Restart restart) {
                events.add(TraceEvent.fault(i, ++seq[0], restart.node(), "restart", "starts again from its disk"));
            } else if (event != null && !(event instanceof Event.Deliver)) {
                events.add(TraceEvent.step(i, ++seq[0], event.node(), event.toString()));
            }
            var still = new ArrayList<>(after.inFlight());
            for (int m = 0; m < inFlight.size(); m++) {
                Message message = inFlight.get(m);
                if (still.remove(message)) {
                    continue;
                }
                boolean delivered = cause instanceof Event.Deliver deliver && deliver.message().equals(message);
                events.add(delivered ? TraceEvent.deliver(i, ++seq[0], message.to(), message.from(), ids.get(m), message.toString())
                        : TraceEvent.drop(i, ++seq[0], message.to(), message.from(), ids.get(m), message.toString(), "its server is down"));
                inFlight.remove(m);
                ids.remove(m);
                m--;
            }
            for (int id : after.ids()) {
                changes(events, seq, i, id, told, after);
            }
            for (Message message : still) {
                inFlight.add(message);
                ids.add(++messages);
                events.add(TraceEvent.send(i, ++seq[0], message.from(), message.to(), messages, message.toString()));
            }
        }
        events.add(TraceEvent.violation(steps.size() - 1, ++seq[0], trace.problem() + " after " + (steps.size() - 1) + " events",
                trace.problem()));
        return events;
    }

    /** What the page was last told of each server: its role and term (null after a crash), its log, its commit index. */
    private static final class Told {
        final java.util.Map<Integer, String> roles = new java.util.HashMap<>();
        final java.util.Map<Integer, List<LogEntry>> logs = new java.util.HashMap<>();
        final java.util.Map<Integer, Long> commits = new java.util.HashMap<>();
    }

    private static void changes(List<TraceEvent> events, long[] seq, long time, int id, Told told, ClusterState after) {
        if (!after.isUp(id)) {
            told.roles.remove(id);
            return;
        }
        NodeState now = after.node(id).state();
        String role = now.role() + " t=" + now.term();
        if (!role.equals(told.roles.put(id, role))) {
            events.add(TraceEvent.role(time, ++seq[0], id, now.role().toString(), now.term()));
        }
        List<LogEntry> old = told.logs.getOrDefault(id, List.of());
        List<LogEntry> log = after.log(id);
        int same = 0;
        while (same < old.size() && same < log.size() && old.get(same).equals(log.get(same))) {
            same++;
        }
        if (same < old.size()) {
            events.add(TraceEvent.truncate(time, ++seq[0], id, same + 1));
        }
        for (int index = same; index < log.size(); index++) {
            LogEntry entry = log.get(index);
            events.add(TraceEvent.append(time, ++seq[0], id, index + 1, entry.term(), entry.isNoop() ? "no-op" : entry.text()));
        }
        told.logs.put(id, List.copyOf(log));
        if (now.commitIndex() != told.commits.getOrDefault(id, 0L)) {
            told.commits.put(id, now.commitIndex());
            events.add(TraceEvent.commit(time, ++seq[0], id, now.commitIndex()));
        }
    }
}
