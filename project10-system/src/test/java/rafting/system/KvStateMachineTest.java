package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.kv.KvCommand;

@Tag("part3")
class KvStateMachineTest {

    private final KvStateMachine machine = new KvStateMachine();

    private String apply(String... words) throws Exception {
        return applyAt(0, words);
    }

    private String applyAt(long millis, String... words) throws Exception {
        return new String(machine.apply(1, KvStateMachine.encode(KvCommand.of(words), millis)), StandardCharsets.UTF_8);
    }

    @Test
    void keysExpireByTheTimeInTheLogNotByThisMachinesClock() throws Exception {
        assertThat(applyAt(1_000, "SET", "k", "v", "PX", "500")).isEqualTo("+OK\r\n");
        assertThat(applyAt(1_500, "GET", "k")).isEqualTo("$1\r\nv\r\n");
        assertThat(applyAt(1_500, "PTTL", "k")).isEqualTo(":0\r\n");
        assertThat(applyAt(1_501, "GET", "k")).isEqualTo("$-1\r\n");
    }

    @Test
    void logTimeNeverGoesBackEvenIfALeadersClockDoes() throws Exception {
        applyAt(10_000, "SET", "k", "v", "PX", "100");
        assertThat(applyAt(9_000, "PTTL", "k")).isEqualTo(":100\r\n");
        assertThat(machine.logTime()).isEqualTo(10_000);
        assertThat(applyAt(10_200, "EXISTS", "k")).isEqualTo(":0\r\n");
    }

    @Test
    void twoReplicasApplyingTheSameEntriesExpireTheSameKeysAtTheSameIndex() throws Exception {
        var other = new KvStateMachine();
        long time = 50_000;
        for (int i = 0; i < 200; i++) {
            time += i % 7;
            byte[] entry = KvStateMachine.encode(i % 3 == 0 ? KvCommand.of("SET", "k" + i % 10, "v", "PX", "" + (1 + i % 11))
                    : KvCommand.of("DBSIZE"), time);
            assertThat(machine.apply(i + 1, entry)).as("entry %d", i + 1).isEqualTo(other.apply(i + 1, entry));
        }
    }

    @Test
    void anEntryWrittenBeforeStampingRunsAtTheTimeOfTheEntryBeforeIt() throws Exception {
        applyAt(5_000, "SET", "k", "v", "PX", "10");
        byte[] unstamped = {0, 0, 0, 2, 0, 0, 0, 4, 'P', 'T', 'T', 'L', 0, 0, 0, 1, 'k'};
        assertThat(new String(machine.apply(2, unstamped), StandardCharsets.UTF_8)).isEqualTo(":10\r\n");
    }

    @Test
    void commandsRunOnTheStoreAndAnswerInResp() throws Exception {
        assertThat(apply("SET", "x", "hello")).isEqualTo("+OK\r\n");
        assertThat(apply("GET", "x")).isEqualTo("$5\r\nhello\r\n");
        assertThat(apply("CAS", "x", "hello", "bye")).isEqualTo(":1\r\n");
        assertThat(apply("CAS", "x", "hello", "again")).isEqualTo(":0\r\n");
        assertThat(apply("EXISTS", "x", "y")).isEqualTo(":1\r\n");
        assertThat(apply("DEL", "x")).isEqualTo(":1\r\n");
        assertThat(apply("GET", "x")).isEqualTo("$-1\r\n");
    }

    @Test
    void binaryArgumentsSurviveTheLog() throws Exception {
        KvCommand set = KvCommand.parse(java.util.List.of(rafting.kv.Bytes.of("SET"),
                rafting.kv.Bytes.of(new byte[] {0, 13, 10, -1}), rafting.kv.Bytes.of(new byte[0])));
        assertThat(KvStateMachine.decode(KvStateMachine.encode(set, 42))).isEqualTo(new KvStateMachine.Stamped(42, set));
    }

    @Test
    void anEntryThatIsNotACommandGetsAnErrorAndChangesNothing() {
        byte[] reply = machine.apply(1, new byte[] {0, 0, 0, 9, 1});
        assertThat(new String(reply, StandardCharsets.UTF_8)).startsWith("-ERR");
        assertThat(machine.store().size()).isZero();
    }
}
