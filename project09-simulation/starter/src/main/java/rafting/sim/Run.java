package rafting.sim;

import java.util.List;
import rafting.sim.history.CheckResult;

/**
 * A finished simulated run: its scenario, the events it applied, the first violation (null when
 * every invariant held), when it checked recovery the ticks the cluster took to commit again, and
 * the verdict on its clients' history (null if the run failed before it was checked).
 */
public record Run(Scenario scenario, List<Event> events, Violation violation, int settleTicks, CheckResult history) {

    public Run {
        throw new UnsupportedOperationException("Part 6: write Run");
    }

    public boolean failed() {
        throw new UnsupportedOperationException("Part 6: write Run.failed");
    }

    /** True when the checker gave up on the clients' history: the run passed without that check. */
    public boolean historyUndecided() {
        throw new UnsupportedOperationException("Part 6: write Run.historyUndecided");
    }

    /**
     * {@code seed 7: ok, 2000 events, recovered in 23 ticks}, or the violation and the command that replays it.
     *
     * {@code seed N: } and the violation, then {@code "\n  replay: "} and the replay command; for a run
     * that passed, {@code seed N: ok, K events} and what it found of its recovery and history.
     */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 6: write Run.toString");
    }
}
