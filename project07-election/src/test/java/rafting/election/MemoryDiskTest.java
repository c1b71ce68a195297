package rafting.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rafting.election.Nodes.entries;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.log.LogEntry;

/** The pretend disk: a page cache that a crash throws away, and a platter that keeps what was synced. */
@Tag("part4")
class MemoryDiskTest {

    private final MemoryDisk disk = new MemoryDisk();

    @Test
    void aCrashKeepsWhatWasSyncedAndNothingElse() {
        disk.write(1, entries(1, 1));
        disk.save(new TermVote(1, 2));
        disk.sync();
        disk.write(3, entries(1, 1, 2).subList(2, 3));
        disk.save(new TermVote(2, 0));
        assertThat(disk.dirty()).isTrue();
        assertThat(disk.dirtyFrom()).isEqualTo(3);

        disk.crash();

        assertThat(disk.log()).isEqualTo(entries(1, 1));
        assertThat(disk.durableLog()).isEqualTo(entries(1, 1));
        assertThat(disk.written()).isEqualTo(new TermVote(1, 2));
        assertThat(disk.dirty()).isFalse();
        assertThat(disk.durableStorage().lastIndex()).isEqualTo(2);
    }

    @Test
    void aWriteReplacesEverythingFromItsIndexOn() {
        disk.write(1, entries(1, 1, 1));
        disk.write(2, List.of(LogEntry.of(2, "x")));
        disk.sync();

        assertThat(disk.durableLog()).extracting(Object::toString).containsExactly("1:e1", "2:x");
        disk.write(2, List.of());
        assertThat(disk.log()).as("a write of nothing is a truncation").hasSize(1);
        assertThat(disk.durableLog()).as("not synced yet").hasSize(2);
    }

    @Test
    void aWritePastTheEndIsRefused() {
        assertThatThrownBy(() -> disk.write(2, entries(1)))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessage("cannot write from 2: the log holds 1..0");
    }
}
