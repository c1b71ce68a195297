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

/** Part 3: the log and its appendEntries, on the rules of §5.3. */
@Tag("part3")
class RaftLogTest {

    @Test
    void aNewLogIsEmptyAndStartsAtIndexOne() {
        var log = new RaftLog();
        assertThat(log.firstIndex()).isEqualTo(1);
        assertThat(log.lastIndex()).isZero();
        assertThat(log.lastTerm()).isZero();
        assertThat(log.termAt(0)).isZero();
        assertThat(log.entries()).isEmpty();
    }

    @Test
    void appendingAtTheVeryStartWorks() {
        var log = new RaftLog();
        assertThat(log.appendEntries(0, 0, List.of(LogEntry.of(1, "set x 1")))).isTrue();
        assertThat(log.lastIndex()).isEqualTo(1);
        assertThat(log.entry(1)).isEqualTo(LogEntry.of(1, "set x 1"));
        assertThat(log).hasToString("[1:set x 1]");
    }

    @Test
    void appendingAfterAnIndexTheLogDoesNotHaveFails_noHoles() {
        var log = withTerms(1, 1);
        assertThat(log.appendEntries(3, 1, entries(4, 1))).isFalse();
        assertThat(log.appendEntries(5, 1, entries(6, 1))).isFalse();
        assertThat(terms(log)).containsExactly(1L, 1L);
    }

    @Test
    void appendingWhenTheTermAtPrevIndexDiffersFails_logContinuity() {
        var log = withTerms(1, 1, 2);
        long before = log.version();
        assertThat(log.appendEntries(3, 1, entries(4, 3))).isFalse();
        assertThat(log.appendEntries(2, 2, entries(3, 3))).isFalse();
        assertThat(log.appendEntries(0, 1, entries(1, 3))).isFalse();
        assertThat(terms(log)).containsExactly(1L, 1L, 2L);
        assertThat(log.version()).isEqualTo(before);
    }

    @Test
    void appendingWhenTheTermAtPrevIndexMatchesWorks() {
        var log = withTerms(1, 1, 2);
        assertThat(log.appendEntries(3, 2, entries(4, 2, 3))).isTrue();
        assertThat(terms(log)).containsExactly(1L, 1L, 2L, 2L, 3L);
    }

    @Test
    void theSameAppendTwiceLeavesTheSameLog_idempotence() {
        var log = withTerms(1, 1);
        assertThat(log.appendEntries(2, 1, entries(3, 2, 2))).isTrue();
        var once = log.entries();
        long version = log.version();

        assertThat(log.appendEntries(2, 1, entries(3, 2, 2))).isTrue();
        assertThat(log.entries()).isEqualTo(once);
        assertThat(log.version()).as("nothing changed, nothing to make durable").isEqualTo(version);
    }

    @Test
    void anEmptyAppendReportsWhetherAnAppendThereWouldBeLegal() {
        var log = withTerms(1, 2, 2);
        assertThat(log.appendEntries(0, 0, List.of())).isTrue();
        assertThat(log.appendEntries(2, 2, List.of())).isTrue();
        assertThat(log.appendEntries(3, 2, List.of())).isTrue();
        assertThat(log.appendEntries(3, 1, List.of())).isFalse();
        assertThat(log.appendEntries(4, 2, List.of())).isFalse();
        assertThat(terms(log)).as("a heartbeat never changes the log").containsExactly(1L, 2L, 2L);
    }

    @Test
    void aConflictingEntryIsDeletedWithEverythingAfterIt() {
        var log = withTerms(1, 1, 2, 2, 2);
        assertThat(log.appendEntries(2, 1, entries(3, 3))).isTrue();
        assertThat(log.entries()).containsExactly(entry(1, 1), entry(2, 1), entry(3, 3));
    }

    @Test
    void aConflictAfterSomeMatchingEntriesKeepsTheMatchingOnes() {
        var log = withTerms(1, 1, 2, 2, 2);
        assertThat(log.appendEntries(1, 1, entries(2, 1, 2, 3))).isTrue();
        assertThat(log.entries()).containsExactly(entry(1, 1), entry(2, 1), entry(3, 2), entry(4, 3));
    }

    @Test
    void aMatchingEntryIsKeptWithEverythingAfterIt_aLateRequestNeverShortensTheLog() {
        var log = withTerms(1, 1, 2, 2, 2);
        long version = log.version();
        assertThat(log.appendEntries(1, 1, entries(2, 1, 2))).isTrue();
        assertThat(log.appendEntries(0, 0, entries(1, 1))).isTrue();
        assertThat(terms(log)).containsExactly(1L, 1L, 2L, 2L, 2L);
        assertThat(log.version()).isEqualTo(version);
    }

    @Test
    void entriesBeyondTheLogAreAppendedAfterTheMatchingOnes() {
        var log = withTerms(1, 1);
        assertThat(log.appendEntries(0, 0, entries(1, 1, 1, 1, 2))).isTrue();
        assertThat(terms(log)).containsExactly(1L, 1L, 1L, 2L);
    }

    @Test
    void entriesFromAnIndexUpToACount() {
        var log = withTerms(1, 1, 2, 3, 3);
        assertThat(log.entries(2, 2)).containsExactly(entry(2, 1), entry(3, 2));
        assertThat(log.entries(4, 10)).containsExactly(entry(4, 3), entry(5, 3));
        assertThat(log.entries(6, 10)).isEmpty();
        assertThat(log.entries(3, 0)).isEmpty();
    }

    @Test
    void readingOutsideTheLogIsAClearError() {
        var log = withTerms(1, 1);
        assertThatThrownBy(() -> log.entry(3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("no entry at 3: this log holds 1..2");
        assertThatThrownBy(() -> log.entry(0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> log.termAt(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> log.entries(0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void refusesMalformedAppends() {
        var log = withTerms(1, 1);
        assertThatThrownBy(() -> log.appendEntries(-1, 0, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.appendEntries(2, 1, entries(3, 2, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("terms never go down");
        assertThatThrownBy(() -> log.appendEntries(2, 3, entries(3, 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(terms(log)).containsExactly(1L, 1L);
    }

}
