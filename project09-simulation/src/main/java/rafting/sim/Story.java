package rafting.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import rafting.sim.history.Operation;

/**
 * A run told for a reader: one numbered line per event, with the message actually handled, and
 * under it every server whose role, term, vote, commit index or log changed and every client
 * answered; at the end the invariant that broke, or how the cluster recovered.
 */
public final class Story {

    private Story() {
    }

    /** The story of {@code events} replayed in {@code scenario}. */
    public static String of(Scenario scenario, List<Event> events) {
        var sim = new SimCluster(scenario);
        var text = new StringBuilder(scenario.toString()).append('\n');
        var seen = new ArrayList<String>();
        seen.add("");
        for (int id = 1; id <= sim.nodes(); id++) {
            seen.add(sim.describe(id));
            text.append("        ").append(seen.get(id)).append('\n');
        }
        var answered = new HashSet<Integer>();
        int number = 0;
        for (Event event : events) {
            if (sim.violation() != null) {
                break;
            }
            SimCluster.Outcome outcome = sim.apply(event);
            text.append(String.format("%4d  %s%s%n", ++number, line(event, sim.handled()), remark(outcome)));
            for (int id = 1; id <= sim.nodes(); id++) {
                String now = sim.describe(id);
                if (!now.equals(seen.get(id))) {
                    seen.set(id, now);
                    text.append("        ").append(now).append('\n');
                }
            }
            answers(sim, answered, text);
        }
        if (sim.violation() == null && scenario.liveness()) {
            int ticks = sim.settle(Scenario.LIVENESS_BOUND_TICKS);
            text.append("then the faults stop: the network heals, every server runs, every message arrives in order");
            if (ticks >= 0) {
                text.append("; a leader answers a read of every key after ").append(ticks).append(" ticks");
            }
            text.append(sim.states()).append('\n');
            answers(sim, answered, text);
        }
        var history = sim.violation() == null ? sim.checkHistory() : null;
        if (!scenario.structuralChecks() && sim.structuralViolation() != null) {
            text.append("(unchecked in this view, the servers' invariants broke first: ").append(sim.structuralViolation()).append(")\n");
        }
        Violation violation = sim.violation();
        if (violation != null) {
            text.append("VIOLATED ").append(violation);
        } else {
            text.append("every invariant held, and the clients' history of ").append(sim.history().operations().size())
                    .append(" operations is ").append(history.isLinearizable() ? "linearizable" : "undecided: " + history.explanation());
        }
        return text.append('\n').toString();
    }

    /** The clients answered since the last look: {@code answered c1 [1, 2] SET y 234 -> OK}. */
    private static void answers(SimCluster sim, Set<Integer> answered, StringBuilder text) {
        for (Operation operation : sim.history().operations()) {
            if (!operation.isOpen() && answered.add(operation.client())) {
                text.append("        answered ").append(operation).append('\n');
            }
        }
    }

    /** The event as it happened: a message event names the message it found in flight. */
    private static String line(Event event, rafting.replication.Message handled) {
        if (handled == null) {
            return event.toString();
        }
        if (event instanceof Event.Deliver deliver) {
            return new Event.Deliver(handled, deliver.flush()).toString();
        }
        if (event instanceof Event.Drop) {
            return new Event.Drop(handled).toString();
        }
        return new Event.Duplicate(handled).toString();
    }

    private static String remark(SimCluster.Outcome outcome) {
        return switch (outcome) {
            case DONE -> "";
            case LOST -> "  (lost: the link is cut or the server is down)";
            case SKIPPED -> "  (no longer applies)";
        };
    }
}
