package rafting.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import rafting.sim.history.CheckResult;
import rafting.sim.history.Command;
import rafting.sim.history.History;
import rafting.sim.history.LinearizabilityChecker;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Jedis's {@code JedisCluster}, the Java client most applications use, against three node
 * processes: started at a follower, it learns the leader from {@code CLUSTER SLOTS}, runs the
 * everyday commands, and keeps writing and reading through a {@code kill -9} of the leader with
 * only its own retries; the history of its calls must be linearizable.
 */
class JedisClusterTest {

    private static final int CLIENTS = 3;

    @TempDir
    Path dir;

    private static JedisCluster client(NodeProcesses nodes, int startAt) {
        var config = DefaultJedisClientConfig.builder().connectionTimeoutMillis(1000).socketTimeoutMillis(5000).build();
        return new JedisCluster(Set.of(new HostAndPort("127.0.0.1", nodes.port(startAt))), config, 20,
                Duration.ofSeconds(20));
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void jedisClusterFollowsTheLeaderThroughAKillAndStaysLinearizable() throws Exception {
        try (var nodes = new NodeProcesses(3, dir)) {
            int leader = nodes.awaitLeader();
            int follower = leader % 3 + 1;
            try (JedisCluster jedis = client(nodes, follower)) {
                assertThat(jedis.set("j{t}s", "v", SetParams.setParams().ex(100))).isEqualTo("OK");
                assertThat(jedis.ttl("j{t}s")).isBetween(95L, 100L); // counted from the stamps of two entries
                assertThat(jedis.incrBy("j{t}n", 5)).isEqualTo(5);
                assertThat(jedis.decr("j{t}n")).isEqualTo(4);
                assertThat(jedis.append("j{t}n", "2")).isEqualTo(2);
                assertThat(jedis.mset("j{t}a", "1", "j{t}b", "2")).isEqualTo("OK");
                assertThat(jedis.mget("j{t}a", "j{t}b", "j{t}c")).containsExactly("1", "2", null);
                assertThat(jedis.msetnx("j{t}b", "x", "j{t}c", "y")).isZero();
                assertThat(jedis.getDel("j{t}a")).isEqualTo("1");
                assertThat(jedis.setnx("j{t}a", "again")).isEqualTo(1);
                assertThat(jedis.pexpire("j{t}a", 60_000)).isEqualTo(1);
                assertThat(jedis.persist("j{t}a")).isEqualTo(1);
                assertThat(jedis.strlen("j{t}a")).isEqualTo(5);
            }

            var history = new History();
            var stop = new AtomicBoolean();
            var afterKill = new AtomicIntegerArray(CLIENTS + 1);
            var killed = new AtomicBoolean();
            var failures = new AtomicInteger();
            var threads = new ArrayList<Thread>();
            for (int c = 1; c <= CLIENTS; c++) {
                int client = c;
                Thread thread = new Thread(() -> {
                    try (JedisCluster jedis = client(nodes, (client % 3) + 1)) {
                        for (int n = 1; !stop.get(); n++) {
                            String own = "j" + client;
                            String read = "j" + (1 + n % CLIENTS);
                            boolean write = n % 2 == 0;
                            String value = n + "-" + client;
                            History.Call call = history.invoke(client, write ? Command.set(own, value) : Command.get(read));
                            try {
                                String reply = write ? jedis.set(own, value) : jedis.get(read);
                                call.returned(reply);
                                if (killed.get()) {
                                    afterKill.incrementAndGet(client);
                                }
                            } catch (JedisException e) {
                                failures.incrementAndGet(); // its outcome is unknown: the call stays open
                            }
                        }
                    }
                }, "jedis-" + c);
                threads.add(thread);
                thread.start();
            }
            try {
                NodeProcesses.await("the clients to get going", () -> history.operations().size() > 300);
                nodes.kill(leader);
                killed.set(true);
                NodeProcesses.await("every client to do 50 calls after the kill", () -> {
                    for (int c = 1; c <= CLIENTS; c++) {
                        if (afterKill.get(c) < 50) {
                            return false;
                        }
                    }
                    return true;
                });
            } finally {
                stop.set(true);
                for (Thread thread : threads) {
                    thread.join(30_000);
                }
            }
            CheckResult result = LinearizabilityChecker.check(history.operations());
            assertThat(result.outcome()).as("%s; %d calls failed", result, failures.get())
                    .isEqualTo(CheckResult.Outcome.LINEARIZABLE);
        }
    }
}
