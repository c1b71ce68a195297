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
        events = List.copyOf(events);
    }

    public boolean failed() {
        return violation != null;
    }

    /** True when the checker gave up on the clients' history: the run passed without that check. */
    public boolean historyUndecided() {
        return history != null && history.outcome() == CheckResult.Outcome.UNKNOWN;
    }

    /** {@code seed 7: ok, 2000 events, recovered in 23 ticks}, or the violation and the command that replays it. */
    @Override
    public String toString() {
        if (violation == null) {
            return "seed " + scenario.seed() + ": ok, " + events.size() + " events"
                    + (scenario.liveness() ? ", recovered in " + settleTicks + " ticks" : "")
                    + (historyUndecided() ? ", history undecided: " + history.explanation() : ", history linearizable");
        }
        return "seed " + scenario.seed() + ": " + violation + "\n  replay: " + scenario.replayCommand();
    }
}
