package rafting.system;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rafting.kv.Reply;

/** Part 4: a node started with a client password lets a connection in only after AUTH, as Redis's requirepass does. */
@Tag("part4")
class ClientAuthTest {

    @TempDir
    Path dir;

    @Test
    void withAPasswordOnlyAuthAndQuitPassUntilTheRightPasswordIsGiven() throws IOException, InterruptedException {
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, "open sesame\n", UTF_8);
        ClusterFile config = TestCluster.config("auth", 1);
        try (KvNode node = KvNode.start(1, config, dir.resolve("node-1"), dir.resolve("cluster.key"),
                KvNode.DEFAULT_TICK, KvNode.DEFAULT_RAFT, ClientAuth.read(passwordFile))) {
            try (var raw = new RawResp(config.addresses(1).client())) {
                assertThat(raw.call("SET", "x", "1")).isEqualTo(ClientAuth.NOAUTH);
                assertThat(raw.call("PING")).isEqualTo(ClientAuth.NOAUTH);
                assertThat(raw.call("AUTH", "guess")).isEqualTo(ClientAuth.WRONGPASS);
                assertThat(raw.call("AUTH", "admin", "open sesame")).as("only the default user").isEqualTo(ClientAuth.WRONGPASS);
                assertThat(raw.call("GET", "x")).isEqualTo(ClientAuth.NOAUTH);
                assertThat(raw.call("AUTH", "default", "open sesame")).isEqualTo(Reply.simple("OK"));
                TestCluster.await("a leader", () -> node.state().role() == rafting.election.Role.LEADER);
                assertThat(raw.call("SET", "x", "1")).isEqualTo(Reply.simple("OK"));
            }
            try (var raw = new RawResp(config.addresses(1).client())) {
                assertThat(raw.call("GET", "x")).as("each connection authenticates itself").isEqualTo(ClientAuth.NOAUTH);
            }
            try (var client = new ClusterClient(List.of(config.addresses(1).client()), Duration.ofSeconds(10))) {
                client.withPassword("open sesame".getBytes(UTF_8));
                assertThat(client.call("GET", "x")).isEqualTo(Reply.bulk("1"));
            }
            try (var client = new ClusterClient(List.of(config.addresses(1).client()), Duration.ofSeconds(10))) {
                client.withPassword("wrong".getBytes(UTF_8));
                assertThatThrownBy(() -> client.call("GET", "x")).isInstanceOf(IOException.class)
                        .hasMessageContaining("refused the password");
            }
        }
    }

    @Test
    void withoutAPasswordEveryoneIsInAndAuthSaysThereIsNone() {
        var open = new ClientAuth(null);
        assertThat(open.gate(List.of(rafting.kv.Bytes.of("GET"), rafting.kv.Bytes.of("x")))).isNull();
        assertThat(open.gate(List.of(rafting.kv.Bytes.of("AUTH"), rafting.kv.Bytes.of("x")))).isEqualTo(ClientAuth.NO_PASSWORD);
    }
}
