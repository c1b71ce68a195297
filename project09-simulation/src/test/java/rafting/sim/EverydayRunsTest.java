package rafting.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.sim.history.Command;
import rafting.sim.history.Operation;

/**
 * Issue 19's everyday commands in the simulated runs: values that expire by the log's time,
 * counters, and commands of several keys, all under the history check.
 */
@Tag("part12")
class EverydayRunsTest {

    private static final int SEEDS = 150;

    private static byte[] entry(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] reply) {
        return new String(reply, StandardCharsets.UTF_8);
    }

    @Test
    void aValueExpiresByTheStampsOfTheEntriesNeverByAClock() {
        var machine = new KvMachine();
        machine.apply(1, entry(KvMachine.stamped(100, "PSETEX t 30 7")));
        assertThat(machine.nextExpiry()).isEqualTo(130);

        assertThat(text(machine.apply(2, entry(KvMachine.stamped(130, "PTTL t"))))).isEqualTo("0");
        assertThat(text(machine.query("GET t"))).as("at 130, not past its expiry").isEqualTo("7");
        assertThat(text(machine.apply(3, entry(KvMachine.stamped(125, "GET t"))))).as("a stamp never takes the time back")
                .isEqualTo("7");
        assertThat(text(machine.apply(4, entry(KvMachine.stamped(131, "PTTL t"))))).isEqualTo("-2");
        assertThat(machine.query("GET t")).isEmpty();
        assertThat(machine.nextExpiry()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void commandsOfSeveralKeysRunWholeInOneEntry() {
        var machine = new KvMachine();
        assertThat(text(machine.apply(1, entry("MSET x 1 y 2")))).isEqualTo("OK");
        assertThat(text(machine.apply(2, entry("MSETNX y 3 z 4")))).as("y is there: none is set").isEqualTo("0");
        assertThat(text(machine.query("MGET x y z"))).isEqualTo("1\n2\n");
        assertThat(text(machine.apply(3, entry("MSETNX z 4 w 5")))).isEqualTo("1");
        assertThat(text(machine.apply(4, entry("INCRBY z -6")))).isEqualTo("-2");
        assertThat(text(machine.apply(5, entry("DECRBY z 3")))).isEqualTo("-5");
    }

    @Test
    void inHealthyRunsEveryHistoryWithTheEverydayCommandsIsLinearizableAndValuesDoExpire() {
        int expired = 0;
        int timeLeft = 0;
        int counted = 0;
        int severalKeys = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Scenario scenario = Scenario.of(seed, 3, 2000, Set.of(), "varied").withEverydayCommands();
            var sim = new SimCluster(scenario);
            Run run = Simulator.run(sim, scenario);
            assertThat(run.violation()).as("%s", run).isNull();
            assertThat(run.history().isLinearizable() || run.history().outcome().name().equals("UNKNOWN"))
                    .as("seed %d: %s", seed, run.history()).isTrue();
            long lastPsetex = Long.MAX_VALUE;
            for (Operation op : sim.history().operations()) {
                Command c = op.command();
                if (c.kind() == Command.Kind.PSETEX && !op.isOpen()) {
                    lastPsetex = Math.min(lastPsetex, op.completed());
                }
                if (c.key().equals("t") && c.kind() == Command.Kind.GET && !op.isOpen() && op.reply() == null
                        && op.invoked() > lastPsetex) {
                    expired++;
                }
                if (c.kind() == Command.Kind.PTTL && !op.isOpen() && !op.reply().startsWith("-")) {
                    timeLeft++;
                }
                if (c.kind() == Command.Kind.INCRBY || c.kind() == Command.Kind.DECRBY || c.kind() == Command.Kind.DECR) {
                    counted++;
                }
                if (c.kind() == Command.Kind.SET && !c.key().equals("t") && c.value().length() > 6) {
                    severalKeys++; // the second value of an MSET is its number plus 1,000,000
                }
            }
        }
        assertThat(expired).as("reads of t that found its value gone after a PSETEX").isPositive();
        assertThat(timeLeft).as("PTTLs that gave a time left").isPositive();
        assertThat(counted).as("counter commands").isPositive();
        assertThat(severalKeys).as("MSETs, key by key").isPositive();
    }

    @Test
    void aLeaderThatAnswersAtItsReadIndexAReadThatCouldSeeAValueExpireIsCaughtByTheHistoryCheck() {
        var stale = new ArrayList<Long>();
        for (long seed = 1; seed <= SEEDS && stale.size() < 2; seed++) {
            Scenario scenario = Scenario.of(seed, 3, 2000, Set.of(), "varied").withEverydayCommands();
            Run run = Simulator.run(scenario, true, false);
            if (run.violation() != null && run.violation().invariant().equals(Invariants.LINEARIZABILITY)) {
                stale.add(seed);
            }
        }

        assertThat(stale).as("seeds of %d in which a read saw a value the log's time had not yet expired", SEEDS).isNotEmpty();
        for (long seed : stale) {
            Run run = Simulator.run(Scenario.of(seed, 3, 2000, Set.of(), "varied").withEverydayCommands());
            assertThat(run.violation()).as("seed %d with reads through the log when a value could expire", seed).isNull();
        }
    }
}
