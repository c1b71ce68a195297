package rafting.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The simulated servers' key-value machine answers each command as a store would. */
@Tag("part5")
class KvMachineTest {

    /** A command and the reply it must get, in order, on one machine; "" is a GET that found nothing. */
    record Step(String command, String reply) {
    }

    @Test
    void answersEachCommandAsTheHistoryExpects() {
        var machine = new KvMachine();
        List<Step> steps = List.of(
                new Step("GET x", ""),
                new Step("EXISTS x", "0"),
                new Step("DEL x", "0"),
                new Step("CAS x 1 2", "0"),
                new Step("SET x 1", "OK"),
                new Step("GET x", "1"),
                new Step("CAS x 7 2", "0"),
                new Step("CAS x 1 2", "1"),
                new Step("GET x", "2"),
                new Step("EXISTS x", "1"),
                new Step("GET y", ""),
                new Step("DEL x", "1"),
                new Step("GET x", ""),
                new Step("set x 1", "ERR unknown command"),
                new Step("SET x", "ERR unknown command"),
                new Step("GET x", ""));
        long index = 0;
        for (Step step : steps) {
            byte[] reply = machine.apply(++index, step.command().getBytes(StandardCharsets.UTF_8));
            assertThat(new String(reply, StandardCharsets.UTF_8)).as(step.command()).isEqualTo(step.reply());
        }
    }
}
