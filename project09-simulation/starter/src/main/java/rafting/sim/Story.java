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
 * <p>The tests read: a line per event with the servers it changed under it ({@code n1}, ...),
 * {@code         answered CALL} for each call answered there, a line starting {@code then the faults stop}
 * where the recovery begins, and at the end {@code VIOLATED } and the violation.
 */
public final class Story {

    private Story() {
    }

    /** The story of {@code events} replayed in {@code scenario}. */
    public static String of(Scenario scenario, List<Event> events) {
        throw new UnsupportedOperationException("Part 8: write Story.of");
    }

}
