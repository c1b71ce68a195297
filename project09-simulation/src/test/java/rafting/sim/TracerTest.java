package rafting.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.election.Flaw;
import rafting.log.LogEntry;
import rafting.sim.timeline.TraceEvent;
import rafting.sim.timeline.TraceEvent.Kind;

/** The trace of a simulated run says what the run did: replaying its events gives the servers' state. */
@Tag("part9")
class TracerTest {

    @Test
    void theTraceRebuildsEveryServersLogCommitRoleAndTerm() {
        Scenario scenario = Scenario.of(11, 3, 400, Set.of(), "chaos").withoutLiveness().withoutSnapshots();
        Run run = Simulator.run(scenario);

        SimCluster sim = replay(scenario, run.events());

        assertThat(sim.node(1).log().firstIndex()).isEqualTo(1);
        assertTheTraceRebuilds(sim, Tracer.of(scenario, run.events()));
    }

    @Test
    void afterSnapshotsTheTraceNumbersEntriesByTheirIndexesInTheLogNotByTheirPlaceInWhatIsLeft() {
        Scenario scenario = Scenario.of(12, 3, 2_000, Set.of(), "varied").withoutLiveness();
        assertThat(Scenario.snapshots(12).entries()).as("seed 12 takes snapshots").isPositive();
        Run run = Simulator.run(scenario);

        SimCluster sim = replay(scenario, run.events());

        assertThat(List.of(1, 2, 3)).as("some log was compacted behind a snapshot")
                .anyMatch(id -> sim.isUp(id) && sim.node(id).log().firstIndex() > 1);
        assertTheTraceRebuilds(sim, Tracer.of(scenario, run.events()));
    }

    /** The cluster after {@code events}. */
    private static SimCluster replay(Scenario scenario, List<Event> events) {
        var sim = new SimCluster(scenario);
        for (Event event : events) {
            sim.apply(event);
        }
        return sim;
    }

    /** Each running server's log (at its real indexes), commit index, role and term, rebuilt from the trace alone. */
    private static void assertTheTraceRebuilds(SimCluster sim, List<TraceEvent> trace) {
        Map<Integer, TreeMap<Long, String>> logs = new HashMap<>();
        Map<Integer, Long> commits = new HashMap<>();
        Map<Integer, String> roles = new HashMap<>();
        for (TraceEvent event : trace) {
            TreeMap<Long, String> log = logs.computeIfAbsent(event.node(), node -> new TreeMap<>());
            switch (event.kind()) {
                case TRUNCATE -> log.tailMap(event.index(), true).clear();
                case APPEND -> {
                    log.tailMap(event.index(), true).clear();
                    log.put(event.index(), event.term() + ":" + event.text());
                }
                case COMMIT -> commits.put(event.node(), event.index());
                case ROLE -> roles.put(event.node(), event.text() + " t=" + event.term());
                default -> {
                }
            }
        }
        assertThat(trace.stream().filter(e -> e.kind() == Kind.DELIVER).count()).isPositive();
        for (int id = 1; id <= 3; id++) {
            if (!sim.isUp(id)) {
                continue;
            }
            var node = sim.node(id);
            long first = node.log().firstIndex();
            var held = new ArrayList<String>();
            for (long index = first; index <= node.log().lastIndex(); index++) {
                held.add(logs.get(id).get(index));
            }
            assertThat(logs.get(id).isEmpty() ? 0 : logs.get(id).lastKey()).as("n%d's last index", id).isEqualTo(node.log().lastIndex());
            assertThat(held).as("n%d's log from %d", id, first).isEqualTo(node.log().entries().stream().map(LogEntry::toString).toList());
            assertThat(commits.getOrDefault(id, 0L)).as("n%d's commit", id).isEqualTo(node.commitIndex());
            assertThat(roles.get(id)).isEqualTo(node.role() + " t=" + node.term());
        }
    }

    @Test
    void everyDeliveryOrDropFollowsItsSendAndTimeNeverGoesBack() {
        Scenario scenario = Scenario.of(5, 3, 300, Set.of(), "lossy").withoutLiveness();
        List<TraceEvent> trace = Tracer.of(scenario, Simulator.run(scenario).events());

        Map<Long, TraceEvent> sent = new HashMap<>();
        long time = 0;
        for (TraceEvent event : trace) {
            assertThat(event.time()).isGreaterThanOrEqualTo(time);
            time = event.time();
            if (event.kind() == Kind.SEND) {
                assertThat(sent.put(event.id(), event)).isNull();
            }
            if (event.kind() == Kind.DELIVER || event.kind() == Kind.DROP) {
                TraceEvent send = sent.remove(event.id());
                assertThat(send).as("the send of %s", event).isNotNull();
                assertThat(send.text()).isEqualTo(event.text());
                assertThat(event.node()).isEqualTo(send.peer());
            }
        }
        assertThat(trace).anyMatch(e -> e.kind() == Kind.DROP);
    }

    @Test
    void theTraceOfABrokenRuleEndsWithItsViolation() {
        FlawSearch.Result result = FlawSearch.run(FlawSearch.Options.of(Set.of(Flaw.VOTE_TWICE_IN_A_TERM)).withSeeds(1, 50), line -> { });
        Run run = Shrinker.shrink(result.failure()).run();

        List<TraceEvent> trace = Tracer.of(run.scenario(), run.events());

        TraceEvent last = trace.get(trace.size() - 1);
        assertThat(trace.stream().filter(e -> e.kind() == Kind.VIOLATION)).hasSize(1);
        assertThat(trace).filteredOn(e -> e.kind() == Kind.VIOLATION).first()
                .matches(e -> e.text().equals(run.violation().toString()) && e.note().equals(RaftInvariants.ELECTION_SAFETY));
        assertThat(last.time()).isEqualTo(run.violation().step());
        assertThat(trace).filteredOn(e -> e.kind() == Kind.ROLE && e.text().equals("leader")).hasSizeGreaterThanOrEqualTo(2);
    }
}
