package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rafting.kv.Reply;

/** The client port of a one-node cluster: what clients see, and what bad input costs. */
@Tag("part4")
class ClientPortTest {

    @TempDir
    static Path dir;
    static TestCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = new TestCluster(1, dir);
        cluster.awaitLeader();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private RawResp connect() throws IOException {
        return new RawResp(cluster.config.addresses(1).client());
    }

    /** Sends raw bytes, closes our side, and returns everything the node answered before closing. */
    private String exchange(byte[] bytes) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(cluster.config.addresses(1).client(), 2000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(bytes);
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            var got = new ByteArrayOutputStream();
            in.transferTo(got);
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void theStoresCommandsWork() throws IOException {
        try (var client = connect()) {
            assertThat(client.call("PING")).isEqualTo(Reply.simple("PONG"));
            assertThat(client.call("SET", "a", "1")).isEqualTo(Reply.OK);
            assertThat(client.call("GET", "a")).isEqualTo(Reply.bulk("1"));
            assertThat(client.call("CAS", "a", "1", "2")).isEqualTo(Reply.integer(1));
            assertThat(client.call("CAS", "a", "1", "3")).isEqualTo(Reply.integer(0));
            assertThat(client.call("EXISTS", "a", "nothing")).isEqualTo(Reply.integer(1));
            assertThat(client.call("DEL", "a")).isEqualTo(Reply.integer(1));
            assertThat(client.call("GET", "a")).isEqualTo(Reply.NIL);
            assertThat(client.call("QUIT")).isEqualTo(Reply.OK);
        }
    }

    @Test
    void infoReportsTheRaftStateAsFieldValueLines() throws IOException {
        try (var client = connect()) {
            client.call("SET", "i", "1");
            String info = ((Reply.Bulk) client.call("INFO", "raft")).value().asString();
            assertThat(info).startsWith("# Raft\r\n").contains("node_id:1\r\n", "role:leader\r\n", "leader_id:1\r\n")
                    .containsPattern("term:[1-9]\\d*\r\n").containsPattern("commit_index:[1-9]\\d*\r\n")
                    .containsPattern("last_applied:[1-9]\\d*\r\n");
            assertThat(((Reply.Bulk) client.call("INFO")).value().asString()).startsWith("# Raft");
        }
    }

    @Test
    void pipelinedCommandsGetTheirOwnRepliesInOrder() throws IOException {
        var request = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            request.append("SET p").append(i).append(' ').append(i).append("\r\nGET p").append(i).append("\r\nPING\r\n");
        }
        String replies = exchange(request.toString().getBytes(StandardCharsets.US_ASCII));
        var expected = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            String value = Integer.toString(i);
            expected.append("+OK\r\n$").append(value.length()).append("\r\n").append(value).append("\r\n+PONG\r\n");
        }
        assertThat(replies).isEqualTo(expected.toString());
    }

    @Test
    void anUnknownCommandGetsAnErrorAndTheConnectionGoesOn() throws IOException {
        try (var client = connect()) {
            assertThat(client.call("FLUSHALL")).isEqualTo(Reply.error("ERR unknown command 'FLUSHALL'"));
            assertThat(client.call("GET")).isEqualTo(Reply.error("ERR wrong number of arguments for 'get' command"));
            assertThat(client.call("PING")).isEqualTo(Reply.simple("PONG"));
        }
    }

    @Test
    void malformedRespGetsAnErrorAndChangesNothing() throws IOException {
        try (var client = connect()) {
            client.call("SET", "m", "before");
        }
        String reply = exchange("*2\r\n$3\r\nSET\r\n$x\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(reply).startsWith("-ERR ").endsWith("\r\n");
        try (var client = connect()) {
            assertThat(client.call("GET", "m")).isEqualTo(Reply.bulk("before"));
        }
    }

    @Test
    void randomBytesNeverTakeTheNodeDown() throws IOException {
        var random = new Random(11);
        for (int i = 0; i < 50; i++) {
            byte[] junk = new byte[1 + random.nextInt(300)];
            random.nextBytes(junk);
            if (i % 2 == 0) {
                junk[0] = '*'; // look like an array, to go deeper into the parser
            }
            exchange(junk);
        }
        try (var client = connect()) {
            assertThat(client.call("SET", "still", "here")).isEqualTo(Reply.OK);
            assertThat(client.call("GET", "still")).isEqualTo(Reply.bulk("here"));
        }
    }
}
