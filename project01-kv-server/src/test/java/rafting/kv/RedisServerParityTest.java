package rafting.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our server and a real {@code redis-server} side by side: the same commands, in the same order,
 * on two empty stores; every reply must be the same, errors word for word. Skipped where
 * redis-server is not installed, except in CI (the variable {@code CI} is set), where its absence
 * is a failure.
 */
@Tag("part7")
class RedisServerParityTest {

    /** Commands whose replies cannot depend on timing (no PTTL, TTLs far from a rounding edge). */
    static final List<List<String>> SCRIPT = List.of(
            List.of("SET", "s", "hello"), List.of("GET", "s"), List.of("APPEND", "s", " world"), List.of("STRLEN", "s"),
            List.of("STRLEN", "missing"), List.of("APPEND", "new", "abc"), List.of("GETDEL", "new"), List.of("GETDEL", "new"),
            List.of("GETSET", "s", "again"), List.of("GETSET", "fresh", "1"), List.of("SETNX", "s", "x"), List.of("SETNX", "nx", "y"),
            List.of("SET", "s", "v", "NX"), List.of("SET", "s", "v", "XX"), List.of("SET", "absent", "v", "XX"),
            List.of("SET", "s", "w", "GET"), List.of("SET", "s", "z", "NX", "GET"), List.of("SET", "none", "z", "XX", "GET"),
            List.of("SET", "s", "v", "NX", "XX"), List.of("SET", "s", "v", "EX"), List.of("SET", "s", "v", "EX", "0"),
            List.of("SET", "s", "v", "EX", "-5"), List.of("SET", "s", "v", "EX", "ten"), List.of("SET", "s", "v", "EX", "1", "PX", "5"),
            List.of("SET", "s", "v", "KEEPTTL", "EX", "5"), List.of("SET", "s", "v", "FOO"),
            List.of("SET", "s", "v", "EX", "9223372036854775807"), List.of("SET", "s", "v", "PX", "9223372036854775807"),
            List.of("SET", "t", "v", "EX", "100"), List.of("TTL", "t"), List.of("SET", "t", "w", "KEEPTTL"), List.of("TTL", "t"),
            List.of("SET", "t", "w"), List.of("TTL", "t"), List.of("TTL", "missing"), List.of("PTTL", "missing"), List.of("PTTL", "t"),
            List.of("EXPIRE", "t", "200"), List.of("TTL", "t"), List.of("EXPIRE", "t", "300", "NX"), List.of("EXPIRE", "t", "300", "XX"),
            List.of("EXPIRE", "t", "100", "GT"), List.of("EXPIRE", "t", "400", "GT"), List.of("EXPIRE", "t", "500", "LT"),
            List.of("EXPIRE", "t", "100", "LT"), List.of("TTL", "t"), List.of("EXPIRE", "t", "1", "NX", "XX"),
            List.of("EXPIRE", "t", "1", "GT", "LT"), List.of("EXPIRE", "t", "1", "FOO"), List.of("EXPIRE", "t", "x"),
            List.of("EXPIRE", "t", "99999999999999999"), List.of("PEXPIRE", "t", "9223372036854775807"),
            List.of("EXPIRE", "missing", "10"), List.of("PERSIST", "t"), List.of("PERSIST", "t"), List.of("TTL", "t"),
            List.of("PEXPIRE", "t", "100000"), List.of("TTL", "t"), List.of("EXPIRE", "t", "0"), List.of("EXISTS", "t"),
            List.of("SET", "t", "v"), List.of("EXPIRE", "t", "-1"), List.of("GET", "t"), List.of("SET", "t", "v"),
            List.of("EXPIRE", "t", "100", "LT"), List.of("TTL", "t"), List.of("PERSIST", "missing"),
            List.of("SET", "n", "10"), List.of("INCR", "n"), List.of("DECR", "n"), List.of("INCRBY", "n", "-20"),
            List.of("DECRBY", "n", "5"), List.of("INCR", "fresh-counter"), List.of("DECR", "fresh-down"),
            List.of("INCRBY", "n", "1.5"), List.of("INCRBY", "n", "+1"), List.of("INCRBY", "n", "01"),
            List.of("DECRBY", "n", "-9223372036854775808"), List.of("INCR", "s"), List.of("SET", "big", "9223372036854775807"),
            List.of("INCR", "big"), List.of("SET", "small", "-9223372036854775808"), List.of("DECR", "small"),
            List.of("SET", "huge", "99999999999999999999"), List.of("INCR", "huge"), List.of("SET", "spaced", " 1"),
            List.of("INCR", "spaced"), List.of("INCRBY", "n", "9223372036854775807"), List.of("INCRBY", "n", "x", "y"),
            List.of("MSET", "a", "1", "b", "2"), List.of("MGET", "a", "b", "nope", "a"), List.of("MSET", "a", "1", "b"),
            List.of("MSETNX", "a", "3", "c", "4"), List.of("MGET", "a", "c"), List.of("MSETNX", "c", "4", "d", "5"),
            List.of("MGET", "c", "d"), List.of("MSETNX", "e"), List.of("MGET"), List.of("DBSIZE"), List.of("DBSIZE", "x"),
            List.of("DEL", "a", "b", "a", "zz"), List.of("EXISTS", "a", "c", "c"), List.of("GET", "a", "b"),
            List.of("GETDEL"), List.of("STRLEN", "a", "b"), List.of("TTL"), List.of("SETNX", "k"), List.of("APPEND", "k"),
            List.of("PING"), List.of("PING", "hi"), List.of("PING", "a", "b"), List.of("SELECT", "0"),
            List.of("SELECT", "x"), List.of("NOSUCH"), List.of("NOSUCH", "a", "b"), List.of("HELLO", "3", "x"), List.of("HELLO", "4"), List.of("HELLO", "2", "SETNAME"),
            List.of("HELLO", "x"), List.of("COMMAND", "NOSUCH"), List.of("CLIENT", "NOSUCH"), List.of("DBSIZE"),
            List.of("SET", "at", "v", "EXAT", "1"), List.of("GET", "at"), List.of("SET", "at", "v", "PXAT", "1000"),
            List.of("EXISTS", "at"), List.of("SET", "at", "v", "EXAT", "0"), List.of("SET", "at", "v", "PXAT", "-1"),
            List.of("SET", "at", "v", "EXAT", "4102444800"), List.of("TTL", "at"), List.of("SET", "at", "v", "PXAT", "x"),
            List.of("SET", "at", "v", "EXAT", "5", "PXAT", "5"), List.of("SET", "at", "v", "EXAT", "9223372036854775807"),
            List.of("SET", "p", "v"), List.of("PEXPIRE", "p", "100000", "XX"), List.of("PEXPIRE", "p", "100000", "NX"),
            List.of("PEXPIRE", "p", "200000", "NX"), List.of("PEXPIRE", "p", "50000", "GT"), List.of("PEXPIRE", "p", "500000", "GT"),
            List.of("PEXPIRE", "p", "900000", "LT"), List.of("PEXPIRE", "p", "1", "NX", "GT"), List.of("PEXPIRE", "p", "-1"),
            List.of("EXISTS", "p"), List.of("PEXPIRE", "missing", "100"), List.of("PEXPIRE", "p"), List.of("PERSIST"),
            List.of("DBSIZE"));

    @TempDir
    static Path dir;

    private static Process redis;
    private static int redisPort;
    private static KvServer ours;

    @BeforeAll
    static void startBoth() throws Exception {
        Optional<Path> found = onPath("redis-server");
        if (System.getenv("CI") != null) {
            assertThat(found).as("CI must install redis-server (Debian package redis-server)").isPresent();
        }
        assumeTrue(found.isPresent(), "redis-server is not installed (Debian: apt-get install redis-server)");
        try (ServerSocket probe = new ServerSocket(0)) {
            redisPort = probe.getLocalPort();
        }
        redis = new ProcessBuilder(found.get().toString(), "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!answersPing(redisPort)) {
            assertThat(redis.isAlive()).as("redis-server runs; see " + dir.resolve("redis.log")).isTrue();
            assertThat(System.nanoTime()).as("redis-server answers within 20 s").isLessThan(deadline);
            Thread.sleep(20); // polling a condition, with a deadline
        }
        ours = KvServer.start(0);
    }

    @AfterAll
    static void stopBoth() throws InterruptedException {
        if (ours != null) {
            ours.close();
        }
        if (redis != null) {
            redis.destroyForcibly();
            redis.waitFor();
        }
    }

    @Test
    void everyCommandAnswersAsRedisDoes() throws IOException {
        var differences = new ArrayList<String>();
        try (RawClient theirs = new RawClient(redisPort); RawClient mine = new RawClient(ours.port())) {
            for (List<String> command : SCRIPT) {
                String[] words = command.toArray(String[]::new);
                Reply expected = theirs.call(words);
                Reply actual = mine.call(words);
                if (!expected.equals(actual)) {
                    differences.add(String.join(" ", command) + ": redis " + expected + ", ours " + actual);
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void helloTellsTheSameStoryExceptWhoWeAre() throws IOException {
        try (RawClient theirs = new RawClient(redisPort); RawClient mine = new RawClient(ours.port())) {
            List<Reply> expected = ((Reply.Array) theirs.call("HELLO", "2")).items();
            List<Reply> actual = ((Reply.Array) mine.call("HELLO", "2")).items();
            assertThat(names(actual)).isEqualTo(names(expected));
            assertThat(actual.get(5)).isEqualTo(Reply.integer(2));
            assertThat(mine.call("HELLO", "3")).isEqualTo(Reply.error("NOPROTO unsupported protocol version"));
        }
    }

    private static List<Reply> names(List<Reply> map) {
        var names = new ArrayList<Reply>();
        for (int i = 0; i < map.size(); i += 2) {
            names.add(map.get(i));
        }
        return names;
    }

    private static boolean answersPing(int port) {
        try (RawClient client = new RawClient(port)) {
            return Reply.simple("PONG").equals(client.call("PING"));
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator)).map(d -> Path.of(d, program)).filter(Files::isExecutable)
                .findFirst();
    }
}
