package rafting.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Part 3: the upper-case server, built from communicating tasks, through the same scenarios. */
@Tag("part3")
class UppercaseServerTest {

    private static final EchoScenarios.Flavor FLAVOR = EchoScenarios.COMMUNICATING_TASKS;

    @Test
    void servesManyClientsAtOnce() throws Exception {
        EchoScenarios.servesManyClientsAtOnce(FLAVOR);
    }

    @Test
    void aClientStuckMidMessageDoesNotHoldUpAnother() throws Exception {
        EchoScenarios.aClientStuckMidMessageDoesNotHoldUpAnother(FLAVOR);
    }

    @Test
    void repliesToEveryMessageSentBeforeTheClientStoppedSending() throws Exception {
        EchoScenarios.repliesToEveryMessageSentBeforeTheClientStoppedSending(FLAVOR);
    }

    @Test
    void closeEndsEveryConnectionAndThread() throws Exception {
        EchoScenarios.closeEndsEveryConnectionAndThread(FLAVOR);
    }

    @Test
    void upperCasesAsciiLettersOnlyAndLeavesOtherBytesAlone() {
        byte[] input = "héllo, World 42".getBytes(UTF_8);

        assertThat(new String(UppercaseServer.upperCase(input), UTF_8)).isEqualTo("HéLLO, WORLD 42");
    }
}
