package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rafting.election.Settings;
import rafting.election.Snapshot;
import rafting.kv.Bytes;
import rafting.kv.Reply;
import rafting.log.LogEntry;
import rafting.log.RaftLog;

/**
 * Project 11, snapshots in the running system (§7): the state machine's snapshot with its
 * sessions, the snapshot file, a log compacted behind it, and a cluster whose nodes restart from
 * a snapshot and bring an empty node up to date with one.
 */
@Tag("part10")
class SnapshotsTest {

    /** A snapshot every 20 entries, in chunks of 4 KiB. */
    private static Settings often() {
        return KvNode.DEFAULT_RAFT.withSnapshots(new Settings.Snapshots(20, 0, 4096));
    }

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- the state machine

    @Test
    void aRestoredMachineHoldsTheKeysTheirExpiriesTheLogsTimeAndTheSessions() throws Exception {
        var machine = new KvStateMachine();
        long index = 0;
        apply(machine, ++index, 1_000, "SET", "k", "v");
        apply(machine, ++index, 1_000, "SET", "t", "x", "PX", "5000");
        apply(machine, ++index, 2_000, "SESSION", "OPEN"); // session 3
        assertThat(apply(machine, ++index, 2_000, "SESSION", "3", "1", "INCR", "n")).isEqualTo(":1\r\n");

        var restored = new KvStateMachine();
        restored.restore(machine.snapshot());

        assertThat(restored.logTime()).isEqualTo(2_000);
        assertThat(apply(restored, ++index, 2_000, "PTTL", "t")).isEqualTo(":4000\r\n");
        assertThat(apply(restored, ++index, 2_000, "GET", "k")).isEqualTo("$1\r\nv\r\n");
        assertThat(apply(restored, ++index, 2_000, "SESSION", "3", "1", "INCR", "n")).as("a retry after the restore")
                .isEqualTo(":1\r\n");
        assertThat(apply(restored, ++index, 2_000, "GET", "n")).as("run once").isEqualTo("$1\r\n1\r\n");
        var again = new KvStateMachine();
        again.restore(restored.snapshot());
        assertThat(again.snapshot()).as("a snapshot of a restored machine restores the same").isEqualTo(restored.snapshot());
    }

    @Test
    void aSnapshotOfAnotherKindOrCutShortIsRefusedWithItsReason() {
        var machine = new KvStateMachine();
        assertThatThrownBy(() -> machine.restore("not a snapshot".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not start with RKV1");
        byte[] whole = new KvStateMachine().snapshot();
        assertThatThrownBy(() -> machine.restore(Arrays.copyOf(whole, whole.length - 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends early or is damaged");
    }

    // ---------------------------------------------------------------- the file

    @Test
    void theSnapshotFileGivesBackWhatWasSavedAndNothingWhenThereIsNone() throws Exception {
        var file = new SnapshotFile(dir);
        assertThat(file.load()).isEqualTo(Snapshot.NONE);
        file.save(new Snapshot(7, 2, new byte[] {1, 2, 3}));
        file.save(new Snapshot(9, 3, new byte[] {4}));
        assertThat(new SnapshotFile(dir).load()).isEqualTo(new Snapshot(9, 3, new byte[] {4}));
    }

    @Test
    void aTornTemporaryFileIsDeletedAndTheLastWholeSnapshotStands() throws Exception {
        var file = new SnapshotFile(dir);
        file.save(new Snapshot(7, 2, new byte[] {1, 2, 3}));
        Files.write(dir.resolve("snapshot.tmp"), new byte[] {0x52, 0x53}); // a crash in the middle of the next one

        assertThat(new SnapshotFile(dir).load()).isEqualTo(new Snapshot(7, 2, new byte[] {1, 2, 3}));
        assertThat(dir.resolve("snapshot.tmp")).doesNotExist();
    }

    @Test
    void aDamagedSnapshotFileIsRefusedWithWhatToDo() throws Exception {
        new SnapshotFile(dir).save(new Snapshot(7, 2, new byte[] {1, 2, 3}));
        byte[] bytes = Files.readAllBytes(dir.resolve("snapshot"));
        bytes[bytes.length - 6] ^= 1;
        Files.write(dir.resolve("snapshot"), bytes);

        assertThatThrownBy(() -> new SnapshotFile(dir).load()).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("is damaged: its checksum does not match its bytes")
                .hasMessageContaining("remove it to rejoin the cluster");
    }

    // ---------------------------------------------------------------- the log

    @Test
    void compactionDeletesTheSegmentsWhollyBehindTheSnapshotAndKeepsOnlyTheRestInMemory() throws Exception {
        Path logDir = dir.resolve("log");
        try (var log = SegmentLogStorage.open(logDir, 200)) {
            log.append(entries(1, 30));
            log.sync();
            long before = segments(logDir);
            log.compactTo(20, 1);
            log.sync();

            assertThat(log.firstIndex()).isEqualTo(21);
            assertThat(log.lastIndex()).isEqualTo(30);
            assertThat(log.get(21)).isEqualTo(entry(21));
            assertThat(segments(logDir)).isLessThan(before).isPositive();
        }
        try (var log = SegmentLogStorage.open(logDir, 200, 20, 1)) {
            assertThat(log.firstIndex()).isEqualTo(21);
            assertThat(log.lastIndex()).isEqualTo(30);
            assertThat(log.baseTerm()).isEqualTo(1);
            log.append(entries(31, 31));
            assertThat(log.get(31)).as("from the bytes not written yet").isEqualTo(entry(31));
            assertThat(log.get(25)).as("read back from its segment: commands are not kept in memory").isEqualTo(entry(25));
            log.sync();
            assertThat(log.get(31)).isEqualTo(entry(31));
        }
    }

    @Test
    void aLogThatDoesNotReachTheSnapshotOrConflictsThereStartsOverAfterIt() throws Exception {
        Path logDir = dir.resolve("log");
        try (var log = SegmentLogStorage.open(logDir, 200)) {
            log.append(entries(1, 10));
            log.sync();
        }
        try (var log = SegmentLogStorage.open(logDir, 200, 8, 5)) { // entry 8 has term 1: a conflict
            assertThat(log.firstIndex()).isEqualTo(9);
            assertThat(log.lastIndex()).isEqualTo(8);
            assertThat(log.baseTerm()).isEqualTo(5);
            log.append(List.of(LogEntry.of(5, "after")));
            log.sync();
        }
        try (var log = SegmentLogStorage.open(logDir, 200, 8, 5)) {
            assertThat(log.get(9)).isEqualTo(LogEntry.of(5, "after"));
        }
        try (var log = SegmentLogStorage.open(logDir, 200, 50, 6)) { // past the end
            assertThat(log.firstIndex()).isEqualTo(51);
            assertThat(log.lastIndex()).isEqualTo(50);
        }
    }

    @Test
    void aDataFolderRestartsFromItsSnapshotAndTheLogAfterIt() throws Exception {
        Path node = dir.resolve("node");
        try (var data = DataFolder.open(node)) {
            data.write(1, entries(1, 12));
            data.sync();
            data.saveSnapshot(new Snapshot(10, 1, new byte[] {42}));
        }
        try (var data = DataFolder.open(node)) {
            assertThat(data.snapshot()).isEqualTo(new Snapshot(10, 1, new byte[] {42}));
            assertThat(data.log().firstIndex()).isEqualTo(11);
            assertThat(new RaftLog(data.log()).entries()).containsExactly(entry(11), entry(12));
        }
    }

    @Test
    void aSnapshotTheNodeTookIsWrittenAsideAndTheLogCompactedAtTheFirstSyncAfterItIsDurable() throws Exception {
        Path node = dir.resolve("node");
        try (var data = DataFolder.open(node)) {
            data.write(1, entries(1, 12));
            data.sync();
            data.takeSnapshot(new Snapshot(10, 1, new byte[] {42}));
            assertThat(data.log().firstIndex()).as("nothing compacted before a sync").isEqualTo(1);

            TestCluster.await("the snapshot on disk", () -> Files.exists(node.resolve("snapshot")));
            data.write(13, entries(13, 13));
            data.sync();
            assertThat(data.log().firstIndex()).isEqualTo(11);
        }
        try (var data = DataFolder.open(node)) {
            assertThat(data.snapshot()).isEqualTo(new Snapshot(10, 1, new byte[] {42}));
            assertThat(data.log().lastIndex()).isEqualTo(13);
        }
    }

    // ---------------------------------------------------------------- a cluster

    @Test
    void nodesRestartFromTheirSnapshotsAndServeEveryKey() throws Exception {
        try (var cluster = new TestCluster(3, dir, often())) {
            cluster.awaitLeader();
            try (var client = cluster.client().withSession()) {
                for (int i = 0; i < 60; i++) {
                    assertThat(client.call("SET", "k" + i, "v" + i)).isEqualTo(Reply.OK);
                }
            }
            for (int id = 1; id <= 3; id++) {
                cluster.stop(id);
            }
            for (int id = 1; id <= 3; id++) {
                assertThat(dir.resolve("node-" + id).resolve("snapshot")).as("n%d's snapshot", id).exists();
                cluster.start(id);
            }
            cluster.awaitLeader();
            try (var client = cluster.client()) {
                for (int i = 0; i < 60; i++) {
                    assertThat(client.call("GET", "k" + i)).isEqualTo(Reply.bulk("v" + i));
                }
            }
        }
    }

    @Test
    void anEmptyNodeIsBroughtUpToDateByTheLeadersSnapshot() throws Exception {
        try (var cluster = new TestCluster(3, dir, often())) {
            KvNode leader = cluster.awaitLeader();
            int empty = leader.id() % 3 + 1;
            cluster.stop(empty);
            deleteTree(dir.resolve("node-" + empty)); // a disk replaced: the node comes back with nothing
            try (var client = cluster.client().withSession()) {
                for (int i = 0; i < 60; i++) {
                    assertThat(client.call("SET", "k" + i, "v" + i)).isEqualTo(Reply.OK);
                }
            }
            long commit = leader.state().commitIndex();

            KvNode back = cluster.start(empty);
            TestCluster.await("n" + empty + " to catch up", () -> back.state().lastApplied() >= commit);

            assertThat(dir.resolve("node-" + empty).resolve("snapshot")).as("it took the leader's snapshot").exists();
            cluster.stop(leader.id()); // the caught-up node and the other one are now a majority
            cluster.awaitLeader();
            try (var client = cluster.client()) {
                for (int i = 0; i < 60; i++) {
                    assertThat(client.call("GET", "k" + i)).isEqualTo(Reply.bulk("v" + i));
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String apply(KvStateMachine machine, long index, long millis, String... words) throws Exception {
        ClientRequest request = ClientRequest.parse(Arrays.stream(words).map(Bytes::of).toList());
        return new String(machine.apply(index, KvStateMachine.encode(request, millis)), StandardCharsets.UTF_8);
    }

    private static List<LogEntry> entries(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(SnapshotsTest::entry).toList();
    }

    private static LogEntry entry(int index) {
        return LogEntry.of(1, "entry " + index);
    }

    private static long segments(Path logDir) throws Exception {
        try (Stream<Path> files = Files.list(logDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".log")).count();
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
