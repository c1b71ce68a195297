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
        return new String(machine.apply(1, KvStateMachine.encode(KvCommand.of(words))), StandardCharsets.UTF_8);
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
        assertThat(KvStateMachine.decode(KvStateMachine.encode(set))).isEqualTo(set);
    }

    @Test
    void anEntryThatIsNotACommandGetsAnErrorAndChangesNothing() {
        byte[] reply = machine.apply(1, new byte[] {0, 0, 0, 9, 1});
        assertThat(new String(reply, StandardCharsets.UTF_8)).startsWith("-ERR");
        assertThat(machine.store().size()).isZero();
    }
}
