package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster driven by the real {@code redis-cli}; skipped where it is not installed (required on CI). */
@Tag("part5")
class RedisCliTest {

    @TempDir
    Path dir;

    private static Optional<Path> redisCli() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(p -> Path.of(p, "redis-cli")).filter(Files::isExecutable).findFirst();
    }

    private static String run(Path redisCli, int port, String... args) throws Exception {
        var command = new ArrayList<>(List.of(redisCli.toString(), "-p", Integer.toString(port)));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("redis-cli finished").isTrue();
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void redisCliFollowsAFollowersRedirectToTheLeader() throws Exception {
        Optional<Path> found = redisCli();
        if (System.getenv("CI") != null) {
            assertThat(found).as("CI must install redis-cli (Debian package redis-tools)").isPresent();
        }
        assumeTrue(found.isPresent(), "redis-cli is not installed (Debian: apt-get install redis-tools)");
        try (var cluster = new TestCluster(3, dir)) {
            KvNode leader = cluster.awaitLeader();
            TestCluster.await("every node to know the leader", () -> cluster.running.values().stream()
                    .allMatch(n -> n.state().leaderId() == leader.id()));
            int follower = cluster.config.addresses(leader.id() % 3 + 1).client().getPort();
            assertThat(run(found.get(), follower, "-c", "set", "greeting", "hello")).isEqualTo("OK");
            assertThat(run(found.get(), follower, "-c", "get", "greeting")).isEqualTo("hello");
            assertThat(run(found.get(), follower, "get", "greeting")).startsWith("MOVED 0 127.0.0.1:");
            assertThat(run(found.get(), follower, "info", "raft")).contains("role:follower", "leader_id:" + leader.id());
        }
    }
}
