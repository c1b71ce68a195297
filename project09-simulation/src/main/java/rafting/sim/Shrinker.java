package rafting.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Shrinks a failing run to a short one that breaks the same invariant, in rounds until a round
 * changes nothing: delta debugging over its events (Zeller's ddmin: leave out ever smaller chunks
 * while the run still fails); whole faults (a crash with its restart and the disk's write-backs
 * between them); all the activity of one node (its timers, proposals, crash events and the
 * messages it receives); one event at a time until no single event can go; and flushing every
 * input it can. A replay skips events that no longer apply, so any subsequence is a run.
 */
public final class Shrinker {

    private final Scenario scenario;
    private final String invariant;
    private int replays;

    private Shrinker(Scenario scenario, String invariant, boolean duringRecovery) {
        // A violation among the events needs no recovery phase, and replays are faster without it.
        this.scenario = duringRecovery ? scenario : scenario.withoutLiveness();
        this.invariant = invariant;
    }

    /** The shortest failing run found from {@code failing}, which breaks {@code failing.violation()}. */
    public static Shrunk shrink(Run failing) {
        Violation violation = failing.violation();
        boolean duringRecovery = violation.step() > failing.events().size();
        var shrinker = new Shrinker(failing.scenario(), violation.invariant(), duringRecovery);
        List<Event> events = shrinker.fails(failing.events());
        if (events == null) {
            throw new IllegalStateException("the run does not fail again when replayed: " + failing);
        }
        List<Event> before;
        do {
            before = events;
            events = shrinker.chunks(events);
            events = shrinker.withoutGroups(events, Shrinker.faults(events));
            events = shrinker.withoutGroups(events, Shrinker.nodeActivity(events));
            events = shrinker.oneByOne(events);
            events = shrinker.flushed(events);
        } while (!events.equals(before));
        return new Shrunk(Simulator.replay(shrinker.scenario, events), failing.events().size(), shrinker.replays);
    }

    /** A story of at most this many events is short enough: {@link #shortestOf} looks no further. */
    static final int SHORT = 30;
    /** How many failures {@link #shortestOf} shrinks at most. */
    static final int TRIES = 3;

    /**
     * The shortest story among the first failures of a search: shrinks {@code found}'s failure,
     * and while the shortest story so far has more than {@link #SHORT} events, the failures of the
     * next seeds of the search (at most {@link #TRIES} in all). Leaving events out keeps a story
     * near the way its run broke the rule, which may take long; another seed often breaks it more
     * simply.
     */
    public static Shrunk shortestOf(FlawSearch.Result found) {
        Run failure = found.failure();
        if (failure == null) {
            throw new IllegalArgumentException("the search found no failure to shrink");
        }
        Shrunk best = shrink(failure);
        FlawSearch.Options options = found.options();
        long last = options.firstSeed() + options.seeds() - 1;
        for (int tries = 1; tries < TRIES && best.run().events().size() > SHORT; tries++) {
            long next = failure.scenario().seed() + 1;
            if (next > last) {
                break;
            }
            failure = FlawSearch.run(options.withSeeds(next, (int) (last - next + 1))).failure();
            if (failure == null) {
                break;
            }
            Shrunk other = shrink(failure);
            if (other.run().events().size() < best.run().events().size()) {
                best = other;
            }
        }
        return best;
    }

    /** A shrunk run, how many events the original had, and how many replays shrinking took. */
    public record Shrunk(Run run, int originalEvents, int replays) {
    }

    private List<Event> chunks(List<Event> events) {
        int parts = 2;
        while (events.size() >= 2) {
            int size = (events.size() + parts - 1) / parts;
            List<Event> smaller = null;
            for (int start = 0; start < events.size() && smaller == null; start += size) {
                var without = new ArrayList<Event>(events.subList(0, start));
                without.addAll(events.subList(Math.min(events.size(), start + size), events.size()));
                smaller = fails(without);
            }
            if (smaller != null) {
                events = smaller;
                parts = Math.max(parts - 1, 2);
            } else if (parts >= events.size()) {
                break;
            } else {
                parts = Math.min(events.size(), parts * 2);
            }
        }
        return events;
    }

    /**
     * Leaves out each group of event positions in turn (in {@code events} as they were when the
     * groups were made), keeping every removal after which the run still fails.
     */
    private List<Event> withoutGroups(List<Event> events, List<List<Integer>> groups) {
        List<Event> current = events;
        Set<Integer> removed = new HashSet<>();
        for (List<Integer> group : groups) {
            var without = new ArrayList<Event>();
            for (int i = 0; i < events.size(); i++) {
                if (!removed.contains(i) && !group.contains(i)) {
                    without.add(events.get(i));
                }
            }
            List<Event> smaller = fails(without);
            if (smaller != null && smaller.size() == without.size()) {
                current = smaller;
                removed.addAll(group);
            }
        }
        return current;
    }

    /** Each crash with the write-backs of its node up to its restart, and that restart. */
    static List<List<Integer>> faults(List<Event> events) {
        List<List<Integer>> faults = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof Event.Crash crash) {
                List<Integer> fault = new ArrayList<>(List.of(i));
                for (int j = i + 1; j < events.size(); j++) {
                    Event later = events.get(j);
                    if (later instanceof Event.Writeback w && w.node() == crash.node()) {
                        fault.add(j);
                    } else if (later instanceof Event.Restart r && r.node() == crash.node()) {
                        fault.add(j);
                        break;
                    }
                }
                faults.add(fault);
            }
        }
        return faults;
    }

    /** For each node, every event that is its own: its timers, proposals, faults and the messages it receives. */
    static List<List<Integer>> nodeActivity(List<Event> events) {
        Map<Integer, List<Integer>> byNode = new TreeMap<>();
        for (int i = 0; i < events.size(); i++) {
            int node = events.get(i).node();
            if (node != NO_NODE) {
                byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(i);
            }
        }
        return new ArrayList<>(byNode.values());
    }

    private static final int NO_NODE = 0; // what Event.node() says of a partition, which concerns several

    private List<Event> oneByOne(List<Event> events) {
        boolean shrank = true;
        while (shrank) {
            shrank = false;
            for (int i = events.size() - 1; i >= 0; i--) {
                var without = new ArrayList<Event>(events);
                without.remove(i);
                List<Event> smaller = fails(without);
                if (smaller != null) {
                    events = smaller;
                    shrank = true;
                    i = Math.min(i, events.size());
                }
            }
        }
        return events;
    }

    /** Inputs the driver left unflushed are flushed at once where the run still fails: a simpler story. */
    private List<Event> flushed(List<Event> events) {
        for (int i = 0; i < events.size(); i++) {
            Event flushedNow = flushedVersion(events.get(i));
            if (flushedNow != null) {
                var candidate = new ArrayList<Event>(events);
                candidate.set(i, flushedNow);
                List<Event> still = fails(candidate);
                if (still != null && still.size() == events.size()) {
                    events = still;
                }
            }
        }
        return events;
    }

    /** The same input, flushed at once; null if it is not an unflushed input. */
    private static Event flushedVersion(Event event) {
        if (event instanceof Event.Fire fire && !fire.flush()) {
            return new Event.Fire(fire.node(), true);
        }
        if (event instanceof Event.Deliver deliver && !deliver.flush()) {
            return new Event.Deliver(deliver.message(), true);
        }
        if (event instanceof Event.Propose propose && !propose.flush()) {
            return new Event.Propose(propose.node(), propose.command(), true);
        }
        return null;
    }

    /** The events the replay of {@code events} applied before breaking the invariant, or null if it does not break it. */
    private List<Event> fails(List<Event> events) {
        replays++;
        Run run = Simulator.replay(scenario, events);
        return run.failed() && run.violation().invariant().equals(invariant) ? run.events() : null;
    }
}
