package rafting.system;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.election.MemoryDisk;
import rafting.election.Snapshot;
import rafting.election.TermVote;
import rafting.events.EventLoop;
import rafting.events.ManualClock;
import rafting.kv.Bytes;
import rafting.log.LogEntry;
import rafting.log.LogStorage;
import rafting.replication.Message;

/**
 * Part 4: a node that cannot go on stops, with its reason, instead of lingering half-alive: a disk
 * whose fsync fails, and a handler that throws an {@code Error} (out of memory, a class that
 * cannot load when file descriptors ran out). One node on a manual clock, driven by hand.
 */
@Tag("part4")
class FailStopTest {

    /** A disk in memory that throws, when told to, at the next sync. */
    private static final class FailingDisk implements KvNode.Storage {
        final MemoryDisk disk = new MemoryDisk();
        volatile RuntimeException syncFailure;
        volatile Error writeFailure;

        @Override
        public LogStorage log() {
            return disk.durableStorage();
        }

        @Override
        public TermVote termVote() {
            return disk.durableTermVote();
        }

        @Override
        public void save(TermVote termVote) {
            disk.save(termVote);
        }

        @Override
        public void write(long from, List<LogEntry> entries) {
            if (writeFailure != null) {
                throw writeFailure;
            }
            disk.write(from, entries);
        }

        @Override
        public void sync() {
            if (syncFailure != null) {
                throw syncFailure;
            }
            disk.sync();
        }

        @Override
        public void saveSnapshot(Snapshot snapshot) {
            disk.saveSnapshot(snapshot);
        }

        @Override
        public Snapshot snapshot() {
            return disk.snapshot();
        }

        @Override
        public void close() {
        }
    }

    private final ManualClock clock = ManualClock.create();
    private final EventLoop loop = EventLoop.create("n1", clock);
    private final FailingDisk disk = new FailingDisk();
    private final ClusterFile cluster;
    private final KvNode node;

    FailStopTest() throws IOException {
        cluster = TestCluster.config("fail-stop", 1);
        node = new KvNode(1, cluster, disk, loop, KvNode.DEFAULT_TICK, KvNode.DEFAULT_RAFT, new SplittableRandom(1),
                () -> 0L);
        node.connect(new KvNode.Peers() {
            @Override
            public void send(Message message) {
                throw new AssertionError("a cluster of one sends nothing: " + message);
            }

            @Override
            public void close() {
            }
        });
        loop.advance(Duration.ofSeconds(1)); // it elects itself
    }

    private String set(String key, String value) {
        var pipeline = List.of(List.of(Bytes.of("SET"), Bytes.of(key), Bytes.of(value)));
        CompletableFuture<byte[]> reply = ClientSession.answer(node, new ClusterCommands(1, cluster), pipeline).get(0);
        loop.advance(Duration.ofMillis(100));
        return new String(reply.getNow("(no answer)".getBytes(UTF_8)), UTF_8).strip();
    }

    @Test
    void aFailedFsyncStopsTheNode_theWriteIsNotAcknowledged() throws InterruptedException {
        assertThat(set("a", "1")).isEqualTo("+OK");
        var eio = new UncheckedIOException("cannot sync the log", new IOException("Input/output error"));
        disk.syncFailure = eio;

        assertThat(set("b", "2")).startsWith("-ERR this node is shutting down");
        assertThat(node.awaitStopped(Duration.ofSeconds(10))).isTrue();
        assertThat(node.failure()).isSameAs(eio);
        assertThat(disk.disk.durableStorage().lastIndex()).as("a and its leader's no-op, not b").isEqualTo(2);
    }

    @Test
    void anErrorOnTheLoopStopsTheNodeToo() throws InterruptedException {
        assertThat(set("a", "1")).isEqualTo("+OK");
        var outOfMemory = new OutOfMemoryError("Java heap space");
        disk.writeFailure = outOfMemory;

        assertThat(set("b", "2")).startsWith("-ERR this node is shutting down");
        assertThat(node.awaitStopped(Duration.ofSeconds(10))).isTrue();
        assertThat(node.failure()).isSameAs(outOfMemory);
        assertThat(loop.post(() -> { })).as("its loop takes nothing more").isFalse();
    }
}
