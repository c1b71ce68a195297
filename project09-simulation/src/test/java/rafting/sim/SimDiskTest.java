package rafting.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.election.TermVote;
import rafting.log.LogEntry;

/** The simulated disk is project 7's MemoryDisk that tells the invariants what it stores and syncs. */
@Tag("part6")
class SimDiskTest {

    private final List<String> seen = new ArrayList<>();
    private final SimDisk disk = new SimDisk(1, new SimDisk.Watcher() {
        @Override
        public void appended(int node, long index, long prevTerm, LogEntry entry) {
            seen.add("n" + node + " stored " + index + " " + entry + " after term " + prevTerm);
        }

        @Override
        public void synced(int node, long index) {
            seen.add("n" + node + " synced from " + index);
        }
    });

    @Test
    void theWatcherSeesEveryEntryStoredAndWhereEachSyncBegins() {
        disk.write(1, List.of(LogEntry.of(1, "a"), LogEntry.of(1, "b"), LogEntry.of(1, "c")));
        disk.sync();
        disk.write(2, List.of(LogEntry.of(3, "x")));
        disk.sync();
        disk.save(new TermVote(4, 0));
        disk.sync();

        assertThat(seen).containsExactly(
                "n1 stored 1 1:a after term 0", "n1 stored 2 1:b after term 1", "n1 stored 3 1:c after term 1",
                "n1 synced from 1",
                "n1 stored 2 3:x after term 1",
                "n1 synced from 2");
        assertThat(disk.durableLastIndex()).isEqualTo(2);
        assertThat(disk.durable(2)).isEqualTo(LogEntry.of(3, "x"));
        assertThat(disk.durableTermVote()).isEqualTo(new TermVote(4, 0));
    }

    @Test
    void aCrashLosesEveryWriteSinceTheLastSync() {
        disk.write(1, List.of(LogEntry.of(1, "a"), LogEntry.of(1, "b")));
        disk.save(new TermVote(1, 2));
        disk.sync();
        disk.write(1, List.of(LogEntry.of(2, "c")));
        disk.save(new TermVote(2, 1));
        assertThat(disk.dirty()).isTrue();

        disk.crash();

        assertThat(disk.lastIndex()).isEqualTo(2);
        assertThat(disk.termAt(1)).isEqualTo(1);
        assertThat(disk.written()).isEqualTo(new TermVote(1, 2));
        assertThat(disk.dirty()).isFalse();
        assertThat(disk.durableStorage().lastIndex()).isEqualTo(2);
    }
}
