package rafting.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The server over real loopback sockets. */
@Tag("part7")
class KvServerTest {

    private static final RespReader.Limits LIMITS = new RespReader.Limits(8, 1024, 256);

    private KvServer server;

    @BeforeEach
    void start() throws IOException {
        server = KvServer.start(0, new KvStore(), LIMITS);
    }

    @AfterEach
    void stop() {
        server.close();
        assertThat(Threads.alive("kv-")).as("threads left behind").isEmpty();
    }

    @Test
    void answersEveryCommand() throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            assertThat(client.call("PING")).isEqualTo(Reply.simple("PONG"));
            assertThat(client.call("SET", "foo", "hello")).isEqualTo(Reply.OK);
            assertThat(client.call("GET", "foo")).isEqualTo(Reply.bulk("hello"));
            assertThat(client.call("GET", "missing")).isEqualTo(Reply.NIL);
            assertThat(client.call("EXISTS", "foo", "missing", "foo")).isEqualTo(Reply.integer(2));
            assertThat(client.call("CAS", "foo", "nope", "x")).isEqualTo(Reply.integer(0));
            assertThat(client.call("CAS", "foo", "hello", "world")).isEqualTo(Reply.integer(1));
            assertThat(client.call("GET", "foo")).isEqualTo(Reply.bulk("world"));
            assertThat(client.call("DEL", "foo", "missing")).isEqualTo(Reply.integer(1));
            assertThat(client.call("GET", "foo")).isEqualTo(Reply.NIL);
        }
    }

    @Test
    void quitRepliesOkThenCloses() throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            assertThat(client.call("QUIT")).isEqualTo(Reply.OK);
            client.assertClosedByServer();
        }
    }

    @Test
    void storesBinaryKeysAndValues() throws IOException {
        StringBuilder everyByte = new StringBuilder();
        for (int b = 0; b < 256; b++) {
            everyByte.append((char) b);
        }
        try (RawClient client = new RawClient(server.port())) {
            assertThat(client.call("SET", "k\0\r\n", everyByte.toString())).isEqualTo(Reply.OK);
            assertThat(client.call("GET", "k\0\r\n")).isEqualTo(Reply.bulk(Bytes.of(
                    everyByte.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))));
        }
    }

    @Test
    void answersInlineCommandsAsTypedIntoTelnet() throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            assertThat(client.send("SET greeting hi\r\n").reply()).isEqualTo(Reply.OK);
            assertThat(client.send("get greeting\n").reply()).isEqualTo(Reply.bulk("hi"));
        }
    }

    @Test
    void answersPipelinedCommandsInOrder() throws IOException {
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            batch.append("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$").append(Integer.toString(i).length()).append("\r\n")
                    .append(i).append("\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n");
        }
        try (RawClient client = new RawClient(server.port())) {
            client.send(batch.toString());
            for (int i = 0; i < 100; i++) {
                assertThat(client.reply()).isEqualTo(Reply.OK);
                assertThat(client.reply()).isEqualTo(Reply.bulk(Integer.toString(i)));
            }
        }
    }

    @Test
    void keepsTheConnectionAfterAnInvalidCommand() throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            assertThat(client.call("FLUSHALL")).isEqualTo(Reply.error("ERR unknown command 'FLUSHALL'"));
            assertThat(client.call("GET")).isEqualTo(Reply.error("ERR wrong number of arguments for 'get' command"));
            assertThat(client.call("SET", "a", "b", "c"))
                    .isEqualTo(Reply.error("ERR wrong number of arguments for 'set' command"));
            assertThat(client.call("SET", "a", "b")).isEqualTo(Reply.OK);
        }
    }

    /** Malformed bytes and the error the server replies before closing that connection. */
    record Malformed(String name, String wire, String error) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Malformed> malformed() {
        return Stream.of(
                new Malformed("bad type byte", "*1\r\n+PING\r\n", "ERR Protocol error: expected '$', got \"+\""),
                new Malformed("non-numeric array length", "*x\r\n", "ERR Protocol error: invalid multibulk length \"x\""),
                new Malformed("array too long", "*9\r\n", "ERR Protocol error: multibulk length 9 above the limit of 8"),
                new Malformed("negative bulk length", "*1\r\n$-5\r\n", "ERR Protocol error: invalid bulk length -5"),
                new Malformed("bulk above the limit, declared but never sent", "*2\r\n$3\r\nSET\r\n$999999999999\r\n",
                        "ERR Protocol error: bulk length 999999999999 above the limit of 1024"),
                new Malformed("missing CR LF after a bulk string", "*1\r\n$4\r\nPINGPING\r\n",
                        "ERR Protocol error: expected CR LF after a bulk string of 4 bytes, got \"P\" \"I\""),
                new Malformed("inline command too long", "GET " + "k".repeat(300) + "\r\n",
                        "ERR Protocol error: inline command longer than 256 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void repliesToMalformedInputThenClosesOnlyThatConnection(Malformed m) throws IOException {
        try (RawClient good = new RawClient(server.port()); RawClient bad = new RawClient(server.port())) {
            assertThat(good.call("SET", "k", "before")).isEqualTo(Reply.OK);

            assertThat(bad.send(m.wire()).reply()).isEqualTo(Reply.error(m.error()));
            bad.assertClosedByServer();

            assertThat(good.call("GET", "k")).isEqualTo(Reply.bulk("before"));
            assertThat(good.call("SET", "k", "after")).isEqualTo(Reply.OK);
        }
    }

    @Test
    void aClientThatHangsUpMidCommandEndsOnlyItsOwnConnection() throws Exception {
        try (RawClient good = new RawClient(server.port())) {
            RawClient quitter = new RawClient(server.port());
            quitter.send("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nhal");
            Threads.awaitTrue("both connections are open", () -> server.openConnections() == 2);

            quitter.closeAbruptly();

            Threads.awaitTrue("the server dropped the half-sent command's connection",
                    () -> server.openConnections() == 1);
            assertThat(good.call("GET", "k")).as("the half-sent SET did nothing").isEqualTo(Reply.NIL);
            assertThat(good.call("PING")).isEqualTo(Reply.simple("PONG"));
        }
    }

    @Test
    void closeEndsEveryConnection() throws IOException {
        try (RawClient a = new RawClient(server.port()); RawClient b = new RawClient(server.port())) {
            assertThat(a.call("PING")).isEqualTo(Reply.simple("PONG"));
            b.send("*2\r\n$3\r\nGET"); // b is in the middle of a command

            server.close();

            a.assertClosedByServer();
            b.assertClosedByServer();
        }
    }
}
