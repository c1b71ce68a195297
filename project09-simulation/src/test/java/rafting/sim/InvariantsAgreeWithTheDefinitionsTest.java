package rafting.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import rafting.election.Flaw;
import rafting.election.NodeKey;
import rafting.log.LogEntry;

/**
 * The simulator checks the properties of {@link RaftInvariants} incrementally ({@link Invariants});
 * the explorer evaluates their definitions on whole states. Here both judge the same runs: after
 * every event at which no server has unflushed inputs, the definitions are evaluated on the
 * simulated cluster, and whenever one of them is broken, the incremental checks must already have
 * reported a violation. With a flaw, the definitions must be broken in some run, or the comparison
 * would prove nothing. The definitions read every log whole from index 1, as the explorer keeps
 * them, so these runs take no snapshots; the snapshot's flaw is left to the simulator's search.
 */
@Tag("part7")
class InvariantsAgreeWithTheDefinitionsTest {

    private static final int SEEDS = 60;
    private static final int STEPS = 2_000;

    @ParameterizedTest(name = "{0}")
    @NullSource
    // A stale read, and a retry run twice, break no property of the cluster's state, only the clients' history.
    @EnumSource(value = Flaw.class, names = {"READ_WITHOUT_CONFIRMING_LEADERSHIP", "KEEP_LOG_ON_SNAPSHOT",
            "SESSIONS_LEFT_OUT_OF_SNAPSHOT"}, mode = EnumSource.Mode.EXCLUDE)
    void whateverTheDefinitionsSeeBrokenTheIncrementalChecksHaveReported(Flaw flaw) {
        int broken = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Scenario scenario = Scenario.of(seed, 3, STEPS, flaw == null ? Set.of() : Set.of(flaw), "varied").withoutSnapshots();
            String seen = run(scenario);
            broken += seen == null ? 0 : 1;
        }
        if (flaw == null) {
            assertThat(broken).as("healthy runs in which a definition is broken").isZero();
        } else {
            assertThat(broken).as("runs of %d in which the definitions see %s", SEEDS, flaw).isPositive();
        }
    }

    /**
     * Runs {@code scenario}; returns what the definitions first saw broken, having checked that the
     * incremental checks saw it too. The run's events come from the simulator, which goes on past
     * a broken invariant when told to check only what clients see (the incremental checks still
     * note the first one); they are then replayed here one by one, the definitions judging each.
     */
    private static String run(Scenario scenario) {
        Scenario past = scenario.withoutLiveness().withoutStructuralChecks();
        List<Event> events = Simulator.run(past).events();
        var sim = new SimCluster(past);
        var leaders = new TreeMap<Long, Integer>();
        var committed = new TreeMap<Long, ClusterView.Committed>();
        ClusterView.Snapshot before = view(sim, leaders, committed);
        for (Event event : events) {
            sim.apply(event);
            if (anyPending(sim)) {
                continue; // a batch is open: its state is not one the driver has made durable and acted on
            }
            ClusterView.Snapshot after = view(sim, leaders, committed);
            // Events with a batch open are skipped, so a crash and a restart may both fall between two views.
            String brokenNow = RaftInvariants.firstBroken(before.beforeLivesOf(after), after);
            if (brokenNow != null) {
                assertThat(sim.structuralViolation()).as("%s: after event %d the definition of '%s' is broken; the"
                        + " simulator's checks saw nothing. The cluster: %s", scenario, sim.step(), brokenNow, sim.states())
                        .isNotNull();
                return brokenNow;
            }
            before = after;
        }
        return null;
    }

    private static boolean anyPending(SimCluster sim) {
        for (int id = 1; id <= sim.nodes(); id++) {
            if (sim.isUp(id) && sim.server(id).pending) {
                return true;
            }
        }
        return false;
    }

    /** The cluster now; the histories learn from every running server first. */
    private static ClusterView.Snapshot view(SimCluster sim, SortedMap<Long, Integer> leaders, SortedMap<Long, ClusterView.Committed> committed) {
        var keys = new ArrayList<NodeKey>();
        var logs = new ArrayList<List<LogEntry>>();
        var terms = new ArrayList<Long>();
        var lives = new ArrayList<Integer>();
        for (int id = 1; id <= sim.nodes(); id++) {
            SimServer server = sim.server(id);
            lives.add(server.incarnation);
            if (server.up) {
                NodeKey key = server.node.key();
                ClusterView.learn(key, leaders, committed);
                keys.add(key);
                logs.add(key.log());
            } else {
                keys.add(null);
                var durable = new ArrayList<LogEntry>();
                for (long index = 1; index <= server.disk.durableLastIndex(); index++) {
                    durable.add(server.disk.durable(index));
                }
                logs.add(durable);
            }
            terms.add(server.term());
        }
        return new ClusterView.Snapshot(keys, logs, terms, lives, leaders, committed);
    }
}
