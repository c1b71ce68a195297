package rafting.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rafting.log.Logs.entries;
import static rafting.log.Logs.entry;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Part 2: the storage port, in memory. */
@Tag("part2")
class MemoryLogStorageTest {

    @Test
    void anEmptyStorageStartsAtIndexOneWithBaseTermZero() {
        var storage = new MemoryLogStorage();
        assertThat(storage.firstIndex()).isEqualTo(1);
        assertThat(storage.lastIndex()).isZero();
        assertThat(storage.baseTerm()).isZero();
    }

    @Test
    void appendedEntriesAreReadBackByIndex() {
        var storage = new MemoryLogStorage();
        storage.append(entries(1, 1, 1));
        storage.append(entries(3, 2));
        assertThat(storage.lastIndex()).isEqualTo(3);
        assertThat(storage.get(1)).isEqualTo(entry(1, 1));
        assertThat(storage.get(3)).isEqualTo(entry(3, 2));
        assertThatThrownBy(() -> storage.get(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> storage.get(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void truncatingDeletesTheEntryAndEveryEntryAfterIt() {
        var storage = new MemoryLogStorage();
        storage.append(entries(1, 1, 1, 2));
        storage.truncateFrom(4);
        assertThat(storage.lastIndex()).as("from one past the end: nothing").isEqualTo(3);
        storage.truncateFrom(2);
        assertThat(storage.lastIndex()).isEqualTo(1);
        assertThat(storage.get(1)).isEqualTo(entry(1, 1));
    }

    @Test
    void truncatingOutsideTheEntriesIsAClearError() {
        var storage = new MemoryLogStorage();
        storage.append(entries(1, 1, 1));
        assertThatThrownBy(() -> storage.truncateFrom(5)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("cannot truncate from 5: entries are 1..2");
        assertThatThrownBy(() -> storage.truncateFrom(0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(storage.lastIndex()).isEqualTo(2);
    }

    @Test
    void aStorageAfterASnapshotStartsRightAfterItsBase() {
        var storage = new MemoryLogStorage(5, 2);
        assertThat(storage.firstIndex()).isEqualTo(6);
        assertThat(storage.lastIndex()).isEqualTo(5);
        assertThat(storage.baseTerm()).isEqualTo(2);
        storage.append(entries(6, 3));
        assertThat(storage.get(6)).isEqualTo(entry(6, 3));
        assertThatThrownBy(() -> storage.get(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void refusesABaseThatCannotBe() {
        assertThatThrownBy(() -> new MemoryLogStorage(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a base is index 0 with term 0, or a positive index with a positive term; got 0/1");
        assertThatThrownBy(() -> new MemoryLogStorage(3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryLogStorage(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
