package rafting.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Project 11's client sessions in the simulator (thesis §6.3): once the faults stop, every write a
 * crash left unanswered is sent again in its session, and must run once. The history check is
 * what tells: a state machine that runs a retry again fails it.
 */
@Tag("part8")
class RetriesTest {

    private static final int SEEDS = 300;

    @Test
    void aWriteCommittedTwiceInItsSessionRunsOnceAndIsAnsweredWithItsFirstReply() {
        var machine = new KvMachine();
        var forgetful = new KvMachine(false);
        String cas = KvMachine.inSession(4, "CAS x 1 2");
        for (KvMachine m : List.of(machine, forgetful)) {
            m.apply(1, "SET x 1".getBytes(StandardCharsets.UTF_8));
            assertThat(m.apply(2, cas.getBytes(StandardCharsets.UTF_8))).asString(StandardCharsets.UTF_8).isEqualTo("1");
        }

        assertThat(machine.apply(3, cas.getBytes(StandardCharsets.UTF_8))).asString(StandardCharsets.UTF_8).isEqualTo("1");
        assertThat(forgetful.apply(3, cas.getBytes(StandardCharsets.UTF_8))).asString(StandardCharsets.UTF_8).isEqualTo("0");
        assertThat(machine.query("GET x")).asString(StandardCharsets.UTF_8).isEqualTo("2");
    }

    @Test
    void aMachineThatRunsARetryAgainFailsTheHistoryCheckWhereSessionsPass() {
        var doubled = new ArrayList<Long>();
        for (long seed = 1; seed <= SEEDS && doubled.size() < 3; seed++) {
            Run run = Simulator.run(Scenario.of(seed, 3, 2000, Set.of(), "varied"), false);
            if (run.violation() != null && run.violation().invariant().equals(Invariants.LINEARIZABILITY)) {
                doubled.add(seed);
            }
        }

        assertThat(doubled).as("seeds of %d in which a retry ran twice and a client saw it", SEEDS).isNotEmpty();
        for (long seed : doubled) {
            Run run = Simulator.run(Scenario.of(seed, 3, 2000, Set.of(), "varied"));
            assertThat(run.violation()).as("seed %d with sessions", seed).isNull();
        }
    }
}
