package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.kv.Reply;

/**
 * Part 5, the cluster client, against scripted nodes: which replies mean "not run, send it
 * elsewhere" and which go back to the caller.
 */
@Tag("part5")
class ClusterClientTest {

    private static final Reply OK = Reply.simple("OK");

    @Test
    void aFollowersMovedLeadsTheClientToTheLeader() throws Exception {
        try (var leader = new ScriptedNode(command -> OK);
                var follower = new ScriptedNode(command -> Reply.error("MOVED 9842 " + ClusterFile.hostPort(leader.address())));
                var client = new ClusterClient(List.of(follower.address()))) {
            assertThat(client.call("SET", "x", "1")).isEqualTo(OK);
            assertThat(follower.received()).containsExactly(List.of("SET", "x", "1"));
            assertThat(leader.received()).containsExactly(List.of("SET", "x", "1"));
        }
    }

    @Test
    void duringAnElectionTheClientWaitsAndTriesAgain() throws Exception {
        var asked = new AtomicInteger();
        try (var node = new ScriptedNode(command -> asked.incrementAndGet() <= 2
                        ? Reply.error("CLUSTERDOWN no leader yet; try again in a moment") : OK);
                var client = new ClusterClient(List.of(node.address()))) {
            assertThat(client.call("SET", "x", "1")).isEqualTo(OK);
            assertThat(node.received()).hasSize(3);
        }
    }

    @Test
    void aBrokenConnectionGoesBackToTheCallerWithoutASecondTry() throws Exception {
        try (var node = new ScriptedNode(command -> ScriptedNode.HANG_UP);
                var client = new ClusterClient(List.of(node.address()))) {
            assertThatThrownBy(() -> client.call("INCR", "n"))
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(ClusterClient.Unavailable.class);
            assertThat(node.received()).as("an INCR of unknown outcome is not sent again").hasSize(1);
        }
    }

    @Test
    void noNodeListeningIsUnavailableAndSaysHowToStartOne() throws Exception {
        InetSocketAddress nobody;
        try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
        }
        try (var client = new ClusterClient(List.of(nobody), Duration.ofMillis(300))) {
            assertThatThrownBy(() -> client.call("GET", "x"))
                    .isInstanceOf(ClusterClient.Unavailable.class)
                    .hasMessageContaining("is the cluster running?");
        }
    }

    @Test
    void anotherErrorIsAReplyLikeAnyOther() throws Exception {
        Reply wrongType = Reply.error("WRONGTYPE Operation against a key holding the wrong kind of value");
        try (var node = new ScriptedNode(command -> wrongType);
                var client = new ClusterClient(List.of(node.address()))) {
            assertThat(client.call("INCR", "x")).isEqualTo(wrongType);
            assertThat(node.received()).hasSize(1);
        }
    }
}
