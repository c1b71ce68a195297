package rafting.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import rafting.election.RaftNode;
import rafting.log.LogEntry;
import rafting.sim.history.Operation;
import rafting.sim.timeline.TraceEvent;

/**
 * The trace of a simulated run: replays its events, like {@link Story}, and after each one writes
 * down what changed (messages taken and put in flight, roles and terms, log appends and
 * truncations, commit indexes, client calls and replies, faults, the first violation). The time
 * of every event is the step of the simulator that caused it.
 */
public final class Tracer {

    private final SimCluster sim;
    private final List<TraceEvent> trace = new ArrayList<>();
    private final Map<SimCluster.Flight, Long> ids = new IdentityHashMap<>();
    private final Map<Long, Long> operations = new HashMap<>();
    private final Set<Long> replied = new HashSet<>();
    private final String[] roles;
    private final long[] terms;
    private final long[] commits;
    private final List<List<LogEntry>> logs = new ArrayList<>();
    private final long[] firsts;
    private long seq;
    private long messages;
    private boolean violated;

    private Tracer(Scenario scenario) {
        this.sim = new SimCluster(scenario);
        int nodes = sim.nodes();
        roles = new String[nodes + 1];
        terms = new long[nodes + 1];
        commits = new long[nodes + 1];
        firsts = new long[nodes + 1];
        Arrays.fill(firsts, 1);
        logs.add(List.of());
        for (int id = 1; id <= nodes; id++) {
            logs.add(List.of());
        }
        look(0);
    }

    /** The trace of {@code events} replayed in {@code scenario}, with the recovery after them when the scenario checks it. */
    public static List<TraceEvent> of(Scenario scenario, List<Event> events) {
        var tracer = new Tracer(scenario);
        for (Event event : events) {
            if (tracer.sim.violation() != null) {
                break;
            }
            tracer.apply(event);
        }
        if (tracer.sim.violation() == null && scenario.liveness()) {
            tracer.settle();
        }
        return List.copyOf(tracer.trace);
    }

    private void apply(Event event) {
        List<SimCluster.Flight> before = flights();
        SimCluster.Outcome outcome = sim.apply(event);
        long time = sim.step();
        if (outcome != SimCluster.Outcome.SKIPPED) {
            fault(time, event);
            if (event instanceof Event.Fire || event instanceof Event.Propose || event instanceof Event.Writeback) {
                add(TraceEvent.step(time, ++seq, event.node(), event.toString()));
            }
        }
        List<SimCluster.Flight> after = flights();
        for (SimCluster.Flight flight : before) {
            if (!contains(after, flight)) {
                Long id = ids.remove(flight);
                var message = flight.message;
                if (event instanceof Event.Deliver && outcome == SimCluster.Outcome.DONE) {
                    add(TraceEvent.deliver(time, ++seq, message.to(), message.from(), id, message.toString()));
                } else {
                    String why = event instanceof Event.Drop ? "the network lost it" : "the link is cut or the server is down";
                    add(TraceEvent.drop(time, ++seq, message.to(), message.from(), id, message.toString(), why));
                }
            }
        }
        look(time);
        for (SimCluster.Flight flight : after) {
            if (!ids.containsKey(flight)) {
                ids.put(flight, ++messages);
                var message = flight.message;
                add(TraceEvent.send(time, ++seq, message.from(), message.to(), messages, message.toString()));
            }
        }
    }

    private void settle() {
        ids.clear();
        sim.settle(Scenario.LIVENESS_BOUND_TICKS);
        long time = sim.step();
        add(TraceEvent.fault(time, ++seq, 0, "heal", "the faults stop: every server runs, every message arrives in order"));
        look(time);
    }

    private void fault(long time, Event event) {
        if (event instanceof Event.Crash crash) {
            roles[crash.node()] = null; // so that the role after the restart is written down
            add(TraceEvent.fault(time, ++seq, crash.node(), "crash", "loses its volatile state and every unsynced write"));
        } else if (event instanceof Event.Restart restart) {
            add(TraceEvent.fault(time, ++seq, restart.node(), "restart", "starts again from its disk"));
        } else if (event instanceof Event.Partition partition) {
            add(partition.cut().isEmpty() ? TraceEvent.fault(time, ++seq, 0, "heal", "the network heals")
                    : TraceEvent.fault(time, ++seq, 0, "partition", partition.cut().toString()));
        }
    }

    /** Writes down every change of the servers and the clients since the last look. */
    private void look(long time) {
        for (int id = 1; id <= sim.nodes(); id++) {
            if (!sim.isUp(id)) {
                continue; // its last life's state is gone; the restart shows what its disk kept
            }
            RaftNode node = sim.node(id);
            String role = node.role().toString();
            if (!role.equals(roles[id]) || node.term() != terms[id]) {
                roles[id] = role;
                terms[id] = node.term();
                add(TraceEvent.role(time, ++seq, id, role, node.term()));
            }
            logChanges(time, id, node.log().firstIndex(), node.log().entries());
            if (node.commitIndex() != commits[id]) {
                commits[id] = node.commitIndex();
                add(TraceEvent.commit(time, ++seq, id, node.commitIndex()));
            }
        }
        for (Operation operation : sim.history().operations()) {
            Long id = operations.get(operation.invoked());
            if (id == null) {
                id = (long) operations.size() + 1;
                operations.put(operation.invoked(), id);
                add(TraceEvent.request(time, ++seq, 0, operation.client(), id, operation.command().toString()));
            }
            if (!operation.isOpen() && replied.add(id)) {
                add(TraceEvent.reply(time, ++seq, 0, operation.client(), id, operation.reply() == null ? "nil" : operation.reply()));
            }
        }
        if (!violated && sim.violation() != null) {
            violated = true;
            add(TraceEvent.violation(time, ++seq, sim.violation().toString(), sim.violation().invariant()));
        }
    }

    /**
     * Appends and truncations since the last look, at the log's real indexes: after a snapshot
     * (§7) the log holds {@code first..}, and the entries compacted away are neither removed nor
     * replaced, only no longer held.
     */
    private void logChanges(long time, int id, long first, List<LogEntry> now) {
        List<LogEntry> was = logs.get(id);
        long wasFirst = firsts[id];
        long wasLast = wasFirst + was.size() - 1;
        long last = first + now.size() - 1;
        long same = Math.max(wasFirst, first);
        while (same <= wasLast && same <= last && was.get((int) (same - wasFirst)).equals(now.get((int) (same - first)))) {
            same++;
        }
        if (same <= wasLast) {
            add(TraceEvent.truncate(time, ++seq, id, same));
        }
        for (long index = Math.max(same, first); index <= last; index++) {
            LogEntry entry = now.get((int) (index - first));
            add(TraceEvent.append(time, ++seq, id, index, entry.term(), entry.isNoop() ? "no-op" : entry.text()));
        }
        if (same <= wasLast || same <= last || first != wasFirst) {
            logs.set(id, List.copyOf(now));
            firsts[id] = first;
        }
    }

    private List<SimCluster.Flight> flights() {
        var flights = new ArrayList<SimCluster.Flight>(sim.flightCount());
        for (int i = 0; i < sim.flightCount(); i++) {
            flights.add(sim.flight(i));
        }
        return flights;
    }

    private static boolean contains(List<SimCluster.Flight> flights, SimCluster.Flight flight) {
        for (SimCluster.Flight each : flights) {
            if (each == flight) {
                return true;
            }
        }
        return false;
    }

    private void add(TraceEvent event) {
        trace.add(event);
    }
}
