package rafting.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        Scenario scenario = Scenario.of(11, 3, 400, Set.of(), "chaos").withoutLiveness();
        Run run = Simulator.run(scenario);
        List<TraceEvent> trace = Tracer.of(scenario, run.events());

        var sim = new SimCluster(scenario);
        long delivered = 0;
        for (Event event : run.events()) {
            if (sim.apply(event) == SimCluster.Outcome.DONE && event instanceof Event.Deliver) {
                delivered++;
            }
        }
        assertThat(trace.stream().filter(e -> e.kind() == Kind.DELIVER).count()).isEqualTo(delivered).isPositive();
        Map<Integer, List<String>> logs = new HashMap<>();
        Map<Integer, Long> commits = new HashMap<>();
        Map<Integer, String> roles = new HashMap<>();
        for (TraceEvent event : trace) {
            List<String> log = logs.computeIfAbsent(event.node(), node -> new ArrayList<>());
            switch (event.kind()) {
                case TRUNCATE -> log.subList((int) event.index() - 1, log.size()).clear();
                case APPEND -> {
                    assertThat(event.index()).isEqualTo(log.size() + 1);
                    log.add(event.term() + ":" + event.text());
                }
                case COMMIT -> commits.put(event.node(), event.index());
                case ROLE -> roles.put(event.node(), event.text() + " t=" + event.term());
                default -> {
                }
            }
        }
        for (int id = 1; id <= 3; id++) {
            var node = sim.node(id);
            assertThat(logs.get(id)).as("n%d's log", id).isEqualTo(node.log().entries().stream().map(LogEntry::toString).toList());
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
