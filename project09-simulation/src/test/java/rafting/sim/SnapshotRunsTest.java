package rafting.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.election.Settings;
import rafting.election.Snapshot;
import rafting.election.TermVote;
import rafting.log.LogEntry;
import rafting.replication.InstallSnapshot;

/**
 * Project 11 in the simulator: the runs take snapshots often, lagging and restarted servers are
 * brought up to date by them, and every check still holds with logs compacted.
 */
@Tag("part11")
class SnapshotRunsTest {

    @Test
    void theMachinesSnapshotHoldsItsValuesAndItsSessionsSoARetryAfterARestoreIsAnsweredNotRun() {
        var machine = new KvMachine();
        apply(machine, 1, "SET x 1");
        apply(machine, 2, KvMachine.inSession(7, "INCR x"));

        var restored = new KvMachine();
        restored.restore(machine.snapshot());

        assertThat(new String(restored.query("GET x"), StandardCharsets.UTF_8)).isEqualTo("2");
        assertThat(apply(restored, 3, KvMachine.inSession(7, "INCR x"))).as("the first reply").isEqualTo("2");
        assertThat(new String(restored.query("GET x"), StandardCharsets.UTF_8)).as("not run again").isEqualTo("2");
        assertThat(restored.snapshot()).isEqualTo(machine.snapshot());
    }

    @Test
    void aSnapshotOnTheDiskSurvivesACrashAndHoldsTheEntriesItCovers() {
        var synced = new ArrayList<Long>();
        var disk = new SimDisk(1, new SimDisk.Watcher() {
            @Override
            public void appended(int node, long index, long prevTerm, LogEntry entry) {
            }

            @Override
            public void synced(int node, long index) {
                synced.add(index);
            }
        });
        disk.write(1, List.of(LogEntry.of(1, "a"), LogEntry.of(1, "b"), LogEntry.of(2, "c")));
        disk.save(new TermVote(2, 1));
        disk.sync();
        disk.saveSnapshot(new Snapshot(2, 1, new byte[] {9}));
        disk.crash();

        assertThat(disk.snapshot()).isEqualTo(new Snapshot(2, 1, new byte[] {9}));
        assertThat(disk.firstIndex()).isEqualTo(3);
        assertThat(disk.durableLastIndex()).isEqualTo(3);
        assertThat(disk.durable(3)).isEqualTo(LogEntry.of(2, "c"));
        assertThat(disk.holdsDurably(1, LogEntry.of(7, "anything"))).as("in the snapshot").isTrue();
        assertThat(disk.termAt(2)).isEqualTo(1);
        assertThat(synced).as("the invariants recount who holds what").containsExactly(1L, 1L);
    }

    @Test
    void twoRunsInThreeTakeSnapshotsWithSmallThresholds() {
        int on = 0;
        for (long seed = 1; seed <= 300; seed++) {
            Settings.Snapshots snapshots = Scenario.snapshots(seed);
            if (snapshots.entries() > 0) {
                on++;
                assertThat(snapshots.entries()).isBetween(3L, 25L);
            }
        }
        assertThat(on).isBetween(170, 230);
    }

    @Test
    void snapshotsAreSentAndInstalledInTheRunsAndEveryCheckStillHolds() {
        int installs = 0;
        int chunked = 0;
        for (long seed = 1; seed <= 40; seed++) {
            Run run = Simulator.run(Scenario.of(seed, 3, 2_000, Set.of(), "varied"));
            assertThat(run.violation()).as("%s", run).isNull();
            List<InstallSnapshot> chunks = run.events().stream()
                    .filter(event -> event instanceof Event.Deliver deliver && deliver.message() instanceof InstallSnapshot)
                    .map(event -> (InstallSnapshot) ((Event.Deliver) event).message())
                    .toList();
            installs += (int) chunks.stream().filter(InstallSnapshot::done).count();
            chunked += chunks.stream().anyMatch(chunk -> chunk.offset() > 0) ? 1 : 0;
        }
        assertThat(installs).as("last chunks delivered in 40 runs").isGreaterThan(20);
        assertThat(chunked).as("runs in which a snapshot took more than one chunk").isPositive();
    }

    private static String apply(KvMachine machine, long index, String command) {
        return new String(machine.apply(index, command.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
