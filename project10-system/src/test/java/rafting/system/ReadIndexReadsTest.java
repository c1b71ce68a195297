package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rafting.kv.Reply;

/**
 * Project 11, reads without the log (thesis §6.4): the leader answers a command that only reads
 * at its read index, after one round of heartbeats, with no log entry and no fsync.
 */
@Tag("part8")
class ReadIndexReadsTest {

    @TempDir
    Path dir;

    @Test
    void readsOnTheLeaderSeeTheLastWriteAndWriteNothingToAnyLog() throws Exception {
        try (var cluster = new TestCluster(3, dir)) {
            KvNode leader = cluster.awaitLeader();
            try (var raw = new RawResp(leader.clientAddress())) {
                assertThat(raw.call("SET", "x", "1")).isEqualTo(Reply.OK);
                assertThat(raw.call("MSET", "y", "2", "z", "3")).isEqualTo(Reply.OK);
                long logged = leader.state().lastLogIndex();

                for (int i = 0; i < 50; i++) {
                    assertThat(raw.call("GET", "x")).isEqualTo(Reply.bulk("1"));
                }
                assertThat(raw.call("MGET", "x", "y", "nothing")).isEqualTo(Reply.array(java.util.List.of(Reply.bulk("1"), Reply.bulk("2"), Reply.NIL)));
                assertThat(raw.call("EXISTS", "x", "z", "nothing")).isEqualTo(Reply.integer(2));
                assertThat(raw.call("STRLEN", "z")).isEqualTo(Reply.integer(1));
                assertThat(raw.call("DBSIZE")).isEqualTo(Reply.integer(3));

                assertThat(leader.state().lastLogIndex()).as("entries after the reads").isEqualTo(logged);
                assertThat(raw.call("SET", "x", "2")).isEqualTo(Reply.OK);
                assertThat(raw.call("GET", "x")).isEqualTo(Reply.bulk("2"));
            }
        }
    }

    @Test
    void aLeaderCutOffFromEveryPeerAnswersNoReadAndSaysSoOnceItStepsDown() throws Exception {
        try (var cluster = new TestCluster(3, dir)) {
            KvNode leader = cluster.awaitLeader();
            try (var raw = new RawResp(leader.clientAddress())) {
                assertThat(raw.call("SET", "x", "1")).isEqualTo(Reply.OK);
                for (int id = 1; id <= 3; id++) {
                    if (id != leader.id()) {
                        cluster.stop(id);
                    }
                }

                // It cannot confirm that it still leads; check-quorum makes it step down, and the read is refused.
                Reply answer = raw.call("GET", "x");

                assertThat(answer).isInstanceOf(Reply.Error.class);
                assertThat(((Reply.Error) answer).message()).startsWith("CLUSTERDOWN");
            }
        }
    }

    @Test
    void aReadThatWouldSeeAKeyExpireGoesThroughTheLogWhichCarriesTheLeadersTime() throws Exception {
        try (var cluster = new TestCluster(3, dir)) {
            KvNode leader = cluster.awaitLeader();
            try (var raw = new RawResp(leader.clientAddress())) {
                assertThat(raw.call("SET", "k", "v", "PX", "100")).isEqualTo(Reply.OK);
                long logged = leader.state().lastLogIndex();

                TestCluster.await("k to expire for a reader", () -> {
                    try {
                        return raw.call("GET", "k").equals(Reply.NIL);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });

                assertThat(leader.state().lastLogIndex()).as("the read that saw k expire is in the log").isGreaterThan(logged);
                long after = leader.state().lastLogIndex();
                assertThat(raw.call("GET", "k")).isEqualTo(Reply.NIL);
                assertThat(leader.state().lastLogIndex()).as("no key left to expire: back to the read index").isEqualTo(after);
            }
        }
    }

    @Test
    void theTimeLeftToAKeyIsAskedThroughTheLogSoItFallsWhileTheClusterIsIdle() throws Exception {
        try (var cluster = new TestCluster(3, dir)) {
            KvNode leader = cluster.awaitLeader();
            try (var raw = new RawResp(leader.clientAddress())) {
                assertThat(raw.call("SET", "k", "v", "PX", "60000")).isEqualTo(Reply.OK);
                long logged = leader.state().lastLogIndex();

                // No write comes in: only the PTTL's own entry can carry the time forward.
                TestCluster.await("k's time left to fall below 59.9 s", () -> {
                    try {
                        return ((Reply.Int) raw.call("PTTL", "k")).value() < 59_900;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });

                assertThat(leader.state().lastLogIndex()).as("each PTTL is an entry").isGreaterThan(logged + 1);
                assertThat(((Reply.Int) raw.call("TTL", "k")).value()).isBetween(1L, 60L);
            }
        }
    }
}
