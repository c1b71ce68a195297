package rafting.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import rafting.election.RaftNode;
import rafting.election.Role;
import rafting.replication.Message;

/**
 * A state of a small simulated cluster for an exhaustive exploration of the real core: the
 * events that lead to it from the start, its {@link CanonicalKey canonical key}, the events that
 * may happen next within the bounds, and the invariant it broke, if any. It is a value; the
 * cluster itself is rebuilt by replaying the path, which is deterministic.
 *
 * <p>The events: a node's timer fires (below the term bound; for a leader, once no message from
 * or to it is in flight, so heartbeats and their answers do not pile up), a message in flight is
 * delivered or lost, a client proposes to a leader (up to a number of commands), a node crashes
 * (up to a number of crashes) or restarts. Every input is flushed at once.
 */
public record ClusterState(Scenario scenario, Bounds bounds, List<Event> path, String key, List<Event> events,
        Violation violation) {

    /**
     * How far an exploration goes: terms up to {@code maxTerm}, {@code maxProposals} commands,
     * {@code maxCrashes} crashes, and no timer fires while {@code maxInFlight} messages or more are in flight.
     */
    public record Bounds(int maxTerm, int maxProposals, int maxCrashes, int maxInFlight) {
    }

    public ClusterState {
        path = List.copyOf(path);
        events = List.copyOf(events);
    }

    /** The cluster before anything happened. */
    public static ClusterState initial(Scenario scenario, Bounds bounds) {
        return of(scenario, bounds, List.of(), new Simulation(scenario));
    }

    /** The state after {@code event}; empty when the event does not apply here. */
    public Optional<ClusterState> after(Event event) {
        var sim = new Simulation(scenario);
        for (Event earlier : path) {
            sim.apply(earlier);
        }
        if (sim.apply(event) == Simulation.Outcome.SKIPPED) {
            return Optional.empty();
        }
        var longer = new ArrayList<Event>(path);
        longer.add(event);
        return Optional.of(of(scenario, bounds, longer, sim));
    }

    private static ClusterState of(Scenario scenario, Bounds bounds, List<Event> path, Simulation sim) {
        return new ClusterState(scenario, bounds, path, sim.canonicalKey(), enabled(sim, bounds, path), sim.violation());
    }

    private static List<Event> enabled(Simulation sim, Bounds bounds, List<Event> path) {
        var events = new ArrayList<Event>();
        if (sim.violation() != null) {
            return events;
        }
        long proposals = path.stream().filter(Event.Propose.class::isInstance).count();
        long crashes = path.stream().filter(Event.Crash.class::isInstance).count();
        for (int id = 1; id <= sim.nodes(); id++) {
            if (!sim.isUp(id)) {
                events.add(new Event.Restart(id));
                continue;
            }
            RaftNode node = sim.node(id);
            int me = id;
            boolean quiet = sim.inFlight().stream().noneMatch(message -> message.from() == me || message.to() == me);
            // A leader's heartbeat only when its last ones and their answers were handled; an election only below the term bound.
            boolean room = sim.inFlight().size() < bounds.maxInFlight();
            if (room && (node.role() == Role.LEADER ? quiet : node.term() < bounds.maxTerm())) {
                events.add(new Event.Fire(id, true));
            }
            if (node.role() == Role.LEADER && proposals < bounds.maxProposals()) {
                events.add(new Event.Propose(id, "c" + (proposals + 1), true));
            }
            if (crashes < bounds.maxCrashes()) {
                events.add(new Event.Crash(id));
            }
        }
        Set<Message> distinct = new LinkedHashSet<>(sim.inFlight());
        for (Message message : distinct) {
            events.add(new Event.Deliver(message, true));
            events.add(new Event.Drop(message));
        }
        return events;
    }
}
