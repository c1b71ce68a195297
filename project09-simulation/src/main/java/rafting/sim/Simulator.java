package rafting.sim;

import java.util.ArrayList;
import java.util.List;
import rafting.sim.history.CheckResult;

/** Runs scenarios: from a seed, recording the events the scheduler chose, or from a list of events. */
public final class Simulator {

    private Simulator() {
    }

    /** The run of {@code scenario}: its steps of faults, then (if asked) the recovery check, then the check of the clients' history. */
    public static Run run(Scenario scenario) {
        return run(scenario, true);
    }

    /** {@link #run(Scenario)}, with state machines that run a retried write again unless {@code exactlyOnce}. */
    static Run run(Scenario scenario, boolean exactlyOnce) {
        return run(scenario, exactlyOnce, true);
    }

    /** {@link #run(Scenario, boolean)}, whose leaders answer even reads that could see a value expire at the read index unless {@code readsMindExpiry}. */
    static Run run(Scenario scenario, boolean exactlyOnce, boolean readsMindExpiry) {
        return run(new SimCluster(scenario, exactlyOnce, readsMindExpiry), scenario);
    }

    /** The run of {@code scenario} on {@code sim}, a cluster built for it, which the caller may look into after. */
    static Run run(SimCluster sim, Scenario scenario) {
        var scheduler = new Scheduler(sim, scenario);
        var events = new ArrayList<Event>(scenario.steps());
        for (int i = 0; i < scenario.steps() && sim.violation() == null; i++) {
            Event event = scheduler.next();
            long sentBefore = sim.sent();
            sim.apply(event);
            events.add(event);
            scheduler.sent(sim.sent() - sentBefore);
        }
        return finish(sim, scenario, events);
    }

    /** Applies {@code events} in order, each that still applies, then (if asked) the recovery check, then the history check. */
    public static Run replay(Scenario scenario, List<Event> events) {
        var sim = new SimCluster(scenario);
        var applied = new ArrayList<Event>(events.size());
        for (Event event : events) {
            if (sim.violation() != null) {
                break;
            }
            sim.apply(event);
            applied.add(event);
        }
        return finish(sim, scenario, applied);
    }

    private static Run finish(SimCluster sim, Scenario scenario, List<Event> events) {
        int ticks = 0;
        if (sim.violation() == null && scenario.liveness()) {
            ticks = sim.settle(Scenario.LIVENESS_BOUND_TICKS);
        }
        CheckResult history = sim.violation() == null ? sim.checkHistory() : null;
        return new Run(scenario, events, sim.violation(), ticks, history);
    }
}
