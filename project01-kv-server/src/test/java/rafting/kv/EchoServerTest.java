package rafting.kv;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Part 2: the echo server, a thread per connection, through the scenarios both warmup servers share. */
@Tag("part2")
class EchoServerTest {

    private static final EchoScenarios.Flavor FLAVOR = EchoScenarios.THREAD_PER_CONNECTION;

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
}
