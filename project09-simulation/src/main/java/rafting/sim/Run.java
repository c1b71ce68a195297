package rafting.sim;

import java.util.List;

/**
 * A finished simulated run: its scenario, the events it applied, the first violation (null when
 * every invariant held) and, when it checked recovery, the ticks the cluster took to commit again.
 */
public record Run(Scenario scenario, List<Event> events, Violation violation, int settleTicks) {

    public Run {
        events = List.copyOf(events);
    }

    public boolean failed() {
        return violation != null;
    }

    /** {@code seed 7: ok, 2000 events, recovered in 23 ticks}, or the violation and the command that replays it. */
    @Override
    public String toString() {
        if (violation == null) {
            return "seed " + scenario.seed() + ": ok, " + events.size() + " events"
                    + (scenario.liveness() ? ", recovered in " + settleTicks + " ticks" : "");
        }
        return "seed " + scenario.seed() + ": " + violation + "\n  replay: " + scenario.replayCommand();
    }
}
