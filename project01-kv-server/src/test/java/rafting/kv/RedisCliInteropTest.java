package rafting.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our server driven by the real {@code redis-cli}. Skipped where redis-cli is not installed,
 * except in CI (the environment variable {@code CI} is set), where its absence is a failure.
 */
@Tag("part7")
class RedisCliInteropTest {

    private Path redisCli;

    @TempDir
    Path dir;

    private KvServer server;

    @BeforeEach
    void findRedisCliAndStartTheServer() throws IOException {
        Optional<Path> found = onPath("redis-cli");
        if (System.getenv("CI") != null) {
            assertThat(found).as("CI must install redis-cli (Debian package redis-tools)").isPresent();
        }
        assumeTrue(found.isPresent(), "redis-cli is not installed (Debian: apt-get install redis-tools)");
        redisCli = found.get();
        server = KvServer.start(0);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void setGetDelAsTheIssueShows() throws Exception {
        assertThat(cli("set", "foo", "hello")).isEqualTo("OK");
        assertThat(cli("get", "foo")).isEqualTo("\"hello\"");
        assertThat(cli("exists", "foo", "bar")).isEqualTo("(integer) 1");
        assertThat(cli("del", "foo", "bar")).isEqualTo("(integer) 1");
        assertThat(cli("get", "foo")).isEqualTo("(nil)");
    }

    @Test
    void casAndPing() throws Exception {
        cli("set", "k", "v1");

        assertThat(cli("cas", "k", "v0", "v2")).isEqualTo("(integer) 0");
        assertThat(cli("cas", "k", "v1", "v2")).isEqualTo("(integer) 1");
        assertThat(cli("get", "k")).isEqualTo("\"v2\"");
        assertThat(cli("ping")).isEqualTo("PONG");
    }

    @Test
    void errorsComeBackAsRedisErrors() throws Exception {
        assertThat(cli("flushall")).isEqualTo("(error) ERR unknown command 'flushall'");
        assertThat(cli("get")).isEqualTo("(error) ERR wrong number of arguments for 'get' command");
    }

    @Test
    void binaryValuesSurviveTheRoundTrip() throws Exception {
        byte[] value = new byte[256];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) i;
        }
        Path input = Files.write(dir.resolve("value.bin"), value);

        // -x: the last argument is read from standard input, byte for byte.
        assertThat(cliWithInput(input, "-x", "set", "bin")).isEqualTo("OK");

        assertThat(server.store().get(Bytes.of("bin"))).contains(Bytes.of(value));
    }

    @Test
    void repeatedCommandsOnOneConnection() throws Exception {
        assertThat(cli("-r", "50", "set", "k", "v").lines()).hasSize(50).containsOnly("OK");
    }

    private String cli(String... args) throws Exception {
        return cliWithInput(null, args);
    }

    /** Runs redis-cli against our server and returns what it printed, without the final newline. */
    private String cliWithInput(Path input, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(redisCli.toString(), "--no-raw", "-h", "127.0.0.1",
                "-p", Integer.toString(server.port())));
        command.addAll(Arrays.asList(args));
        Path output = dir.resolve("out.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.redirectInput(input == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                : ProcessBuilder.Redirect.from(input.toFile()));
        Process process = builder.start();
        try {
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("redis-cli finished in time").isTrue();
        } finally {
            process.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("redis-cli exit status; it printed: " + printed).isZero();
        return printed.stripTrailing();
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .map(directory -> Path.of(directory, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
