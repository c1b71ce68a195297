package rafting.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rafting.log.Logs.entries;
import static rafting.log.Logs.entry;
import static rafting.log.Logs.terms;
import static rafting.log.Logs.withTerms;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Part 5 (Project 11): a log compacted behind a snapshot, and a snapshot from the leader. */
@Tag("part5")
class CompactionTest {

    @Test
    void theStorageForgetsThePrefixAndKeepsTheRest() {
        var storage = new MemoryLogStorage();
        storage.append(entries(1, 1, 1, 2, 2));
        storage.compactTo(2, 1);
        assertThat(storage.firstIndex()).isEqualTo(3);
        assertThat(storage.baseTerm()).isEqualTo(1);
        assertThat(storage.lastIndex()).isEqualTo(4);
        assertThat(storage.get(3)).isEqualTo(entry(3, 2));
        assertThatThrownBy(() -> storage.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theStorageCompactedPastItsEndHoldsNothingAfterTheNewBase() {
        var storage = new MemoryLogStorage();
        storage.append(entries(1, 1, 1));
        storage.compactTo(7, 3);
        assertThat(storage.firstIndex()).isEqualTo(8);
        assertThat(storage.lastIndex()).isEqualTo(7);
        assertThat(storage.baseTerm()).isEqualTo(3);
        storage.append(entries(8, 3));
        assertThat(storage.get(8)).isEqualTo(entry(8, 3));
    }

    @Test
    void theStorageRefusesToCompactOverAnEntryOfAnotherTermOrBehindItsBase() {
        var storage = new MemoryLogStorage(4, 1);
        storage.append(entries(5, 2, 2));
        assertThatThrownBy(() -> storage.compactTo(5, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot compact to 5/1: entries are 5..6 after 4/1");
        assertThatThrownBy(() -> storage.compactTo(2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(storage.firstIndex()).isEqualTo(5);
        assertThat(storage.lastIndex()).isEqualTo(6);
    }

    @Test
    void aCompactedLogAnswersAsBeforeForEveryIndexItStillKnows() {
        var log = withTerms(1, 1, 2, 2, 3);
        log.compact(3);
        assertThat(log.firstIndex()).isEqualTo(4);
        assertThat(log.lastIndex()).isEqualTo(5);
        assertThat(log.termAt(3)).as("the base keeps its term").isEqualTo(2);
        assertThat(log.lastTerm()).isEqualTo(3);
        assertThat(log.matches(3, 2)).isTrue();
        assertThat(log.matches(2, 7)).as("behind the base: committed, so it matches").isTrue();
        assertThat(log.isUpToDate(5, 3)).isTrue();
        assertThat(log.toString()).isEqualTo("base=3/2 [2:e4t2, 3:e5t3]");
        assertThatThrownBy(() -> log.entry(3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("no entry at 3: this log holds 4..5");
    }

    @Test
    void compactingAtTheBaseChangesNothingAndOutsideTheLogIsAClearError() {
        var log = withTerms(1, 1, 2);
        log.compact(2);
        long version = log.version();
        log.compact(2);
        assertThat(log.version()).isEqualTo(version);
        assertThatThrownBy(() -> log.compact(1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("cannot compact to 1: this log holds 3..3");
        assertThatThrownBy(() -> log.compact(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void compactingTheWholeLogLeavesAnEmptyLogThatStillTakesTheNextAppend() {
        var log = withTerms(1, 2);
        log.compact(2);
        assertThat(log.entries()).isEmpty();
        assertThat(log.lastIndex()).isEqualTo(2);
        assertThat(log.lastTerm()).isEqualTo(2);
        assertThat(log.appendEntries(2, 2, entries(3, 2))).isTrue();
        assertThat(log.appendEntries(2, 1, entries(3, 3))).as("the base's term decides").isFalse();
        assertThat(log.append(entry(4, 2))).isEqualTo(4);
    }

    @Test
    void aSnapshotEndingOnAnEntryOfTheSameTermKeepsTheEntriesAfterIt() {
        var log = withTerms(1, 1, 2, 2, 3);
        assertThat(log.installSnapshot(3, 2)).isTrue();
        assertThat(log.firstIndex()).isEqualTo(4);
        assertThat(terms(log)).containsExactly(2L, 3L);
    }

    @Test
    void aSnapshotEndingOnAnEntryOfAnotherTermDiscardsTheWholeLog() {
        // Figure 13, 7: the follower's entries after a conflict are not the leader's
        var log = withTerms(1, 1, 2, 2, 2);
        assertThat(log.installSnapshot(3, 3)).isFalse();
        assertThat(log.firstIndex()).isEqualTo(4);
        assertThat(log.lastIndex()).isEqualTo(3);
        assertThat(log.lastTerm()).isEqualTo(3);
    }

    @Test
    void aSnapshotPastTheEndOfTheLogReplacesIt() {
        var log = withTerms(1, 1);
        assertThat(log.installSnapshot(9, 4)).isFalse();
        assertThat(log.entries()).isEmpty();
        assertThat(log.termAt(9)).isEqualTo(4);
        assertThat(log.appendEntries(9, 4, List.of(entry(10, 4)))).isTrue();
    }

    @Test
    void aSnapshotEndingOnTheLastEntryLeavesNothingAfterIt() {
        var log = withTerms(1, 2);
        assertThat(log.installSnapshot(2, 2)).isFalse();
        assertThat(log.firstIndex()).isEqualTo(3);
        assertThat(log.lastTerm()).isEqualTo(2);
    }

    @Test
    void aSnapshotBehindTheBaseChangesNothing() {
        var log = withTerms(1, 1, 2, 2);
        log.compact(3);
        long version = log.version();
        assertThat(log.installSnapshot(2, 1)).isFalse();
        assertThat(log.installSnapshot(3, 2)).isFalse();
        assertThat(log.version()).isEqualTo(version);
        assertThat(terms(log)).containsExactly(2L);
    }
}
