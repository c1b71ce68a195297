package rafting.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.election.TermVote;
import rafting.log.LogEntry;

@Tag("part6")
class SimDiskTest {

    private final List<String> synced = new ArrayList<>();
    private final SimDisk disk = new SimDisk(1, new SimDisk.Watcher() {
        @Override
        public void appended(int node, long index, long prevTerm, LogEntry entry) {
        }

        @Override
        public void synced(int node, long index) {
            synced.add("n" + node + " from " + index);
        }
    });

    @Test
    void aCrashLosesEveryWriteSinceTheLastSync() {
        disk.append(List.of(LogEntry.of(1, "a"), LogEntry.of(1, "b")));
        disk.write(new TermVote(1, 2));
        disk.sync();
        disk.append(List.of(LogEntry.of(2, "c")));
        disk.write(new TermVote(2, 1));

        disk.crash();

        assertThat(disk.lastIndex()).isEqualTo(2);
        assertThat(disk.get(2)).isEqualTo(LogEntry.of(1, "b"));
        assertThat(disk.written()).isEqualTo(new TermVote(1, 2));
        assertThat(disk.dirty()).isFalse();
    }

    @Test
    void aSyncedTruncationStaysTruncatedAfterACrash() {
        disk.append(List.of(LogEntry.of(1, "a"), LogEntry.of(1, "b"), LogEntry.of(1, "c")));
        disk.sync();
        disk.truncateFrom(2);
        disk.append(List.of(LogEntry.of(3, "x")));
        disk.sync();

        disk.crash();

        assertThat(disk.durableLastIndex()).isEqualTo(2);
        assertThat(disk.durable(2)).isEqualTo(LogEntry.of(3, "x"));
        assertThat(synced).containsExactly("n1 from 1", "n1 from 2");
    }

    @Test
    void anUnsyncedTruncationIsUndoneByACrash() {
        disk.append(List.of(LogEntry.of(1, "a"), LogEntry.of(1, "b")));
        disk.sync();
        disk.truncateFrom(1);

        disk.crash();

        assertThat(disk.lastIndex()).isEqualTo(2);
    }

    @Test
    void knowsWhenSomethingIsNotDurable() {
        assertThat(disk.dirty()).isFalse();
        disk.write(new TermVote(1, 0));
        assertThat(disk.dirty()).isTrue();
        disk.sync();
        assertThat(disk.dirty()).isFalse();
        disk.append(List.of(LogEntry.of(1, "a")));
        assertThat(disk.dirty()).isTrue();
    }
}
