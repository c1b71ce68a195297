package rafting.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line, run in-process against a real server. */
@Tag("part8")
class KvClientTest {

    /** What one run of the command line did. */
    record Run(int status, String out, String err) {}

    private KvServer server;

    @BeforeEach
    void start() throws IOException {
        server = KvServer.start(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void setGetDeleteAsInTheWorkshop() {
        assertThat(kv("set", "foo", "hello")).isEqualTo(new Run(0, "ok\n", ""));
        assertThat(kv("get", "foo")).isEqualTo(new Run(0, "hello\n", ""));
        assertThat(kv("delete", "foo")).isEqualTo(new Run(0, "ok\n", ""));
        assertThat(kv("get", "foo")).isEqualTo(new Run(0, "(nil)\n", ""));
        assertThat(kv("delete", "foo")).isEqualTo(new Run(0, "(nil)\n", ""));
    }

    @Test
    void existsCasAndPing() {
        kv("set", "k", "v1");

        assertThat(kv("exists", "k")).isEqualTo(new Run(0, "1\n", ""));
        assertThat(kv("exists", "nope")).isEqualTo(new Run(0, "0\n", ""));
        assertThat(kv("cas", "k", "wrong", "v2")).isEqualTo(new Run(0, "0\n", ""));
        assertThat(kv("cas", "k", "v1", "v2")).isEqualTo(new Run(0, "1\n", ""));
        assertThat(kv("get", "k")).isEqualTo(new Run(0, "v2\n", ""));
        assertThat(kv("ping")).isEqualTo(new Run(0, "PONG\n", ""));
    }

    @Test
    void valuesKeepTheirSpacesAndUnicode() {
        kv("set", "greeting", "grüß dich, welt");

        assertThat(kv("get", "greeting").out()).isEqualTo("grüß dich, welt\n");
        assertThat(server.store().get(Bytes.of("greeting"))).contains(Bytes.of("grüß dich, welt"));
    }

    @Test
    void anUnreachableServerIsOneLineOnStderrAndStatusOne() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }

        Run run = run("--port", Integer.toString(closedPort), "get", "foo");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("KvClient: cannot connect to 127.0.0.1:" + closedPort + ": ")
                .endsWith("\n").hasLineCount(1);
    }

    @Test
    void anErrorReplyGoesToStderrWithStatusOne() throws IOException {
        try (KvServer strict = KvServer.start(0, new KvStore(), new RespReader.Limits(8, 4, 64))) {
            Run run = run("--port", Integer.toString(strict.port()), "set", "k", "too long");

            assertThat(run).isEqualTo(new Run(1, "",
                    "KvClient: ERR Protocol error: bulk length 8 above the limit of 4\n"));
        }
    }

    static Stream<List<String>> wrongArguments() {
        return Stream.of(List.of(), List.of("get"), List.of("get", "a", "b"), List.of("set", "k"),
                List.of("cas", "k", "v"), List.of("frobnicate", "k"), List.of("--port", "x", "get", "k"),
                List.of("--port", "70000", "get", "k"), List.of("--verbose", "1", "get", "k"), List.of("--port"));
    }

    @ParameterizedTest
    @MethodSource("wrongArguments")
    void wrongArgumentsPrintTheUsageLineWithStatusTwo(List<String> args) {
        Run run = run(args.toArray(String[]::new));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("usage: KvClient [--host H] [--port N] get KEY").hasLineCount(1);
    }

    private Run kv(String... command) {
        String[] args = Stream.concat(Stream.of("--port", Integer.toString(server.port())), Stream.of(command))
                .toArray(String[]::new);
        return run(args);
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = KvClient.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
