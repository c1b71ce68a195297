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
        throw new UnsupportedOperationException("Part 6: write Simulator.run");
    }

    /** Part 8: {@link #run(Scenario)}, with state machines that run a retried write again unless {@code exactlyOnce} ({@code new KvMachine(false)}). */
    static Run run(Scenario scenario, boolean exactlyOnce) {
        throw new UnsupportedOperationException("Part 8: write Simulator.run with or without sessions");
    }

    /**
     * Part 12: {@link #run(Scenario, boolean)}, whose leaders answer at the read index even a read
     * that could see a value expire that the log's time has not reached, unless {@code readsMindExpiry}.
     */
    static Run run(Scenario scenario, boolean exactlyOnce, boolean readsMindExpiry) {
        throw new UnsupportedOperationException("Part 12: write Simulator.run with or without the expiry rule for reads");
    }

    /** Part 12: the run of {@code scenario} on {@code sim}, a cluster built for it, which the caller may look into after. */
    static Run run(SimCluster sim, Scenario scenario) {
        throw new UnsupportedOperationException("Part 12: write Simulator.run on a given cluster");
    }

    /** Applies {@code events} in order, each that still applies, then (if asked) the recovery check, then the history check. */
    public static Run replay(Scenario scenario, List<Event> events) {
        throw new UnsupportedOperationException("Part 6: write Simulator.replay");
    }

}
