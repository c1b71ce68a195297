package rafting.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rafting.log.Logs.entries;
import static rafting.log.Logs.entry;
import static rafting.log.Logs.terms;
import static rafting.log.Logs.withTerms;

import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Part 4: what replication and elections need from the log, and a log that starts above index 1. */
@Tag("part4")
class RaftLogForReplicationTest {
    @Test
    void aLeaderAppendsOneCommandAndLearnsItsIndex() {
        var log = withTerms(1, 1);
        assertThat(log.append(LogEntry.of(2, "set y 2"))).isEqualTo(3);
        assertThat(log.lastTerm()).isEqualTo(2);
        assertThatThrownBy(() -> log.append(LogEntry.of(1, "late")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("terms never go down");
    }

    record Hint(String log, long prevIndex, long expected) {
    }

    static Stream<Hint> hints() {
        return Stream.of(
                new Hint("shorter log: try right after its end", 7, 5),
                new Hint("conflict inside a run of term 2: its first index", 3, 2),
                new Hint("conflict at the start of a run", 2, 2),
                new Hint("conflict in the first term", 1, 1),
                new Hint("conflict on the last entry, term 3", 4, 4));
    }

    @ParameterizedTest
    @MethodSource("hints")
    void aRefusalHintsWhereTheLeaderShouldTryNext(Hint hint) {
        var log = withTerms(1, 2, 2, 3);
        assertThat(log.conflictHint(hint.prevIndex())).as(hint.log()).isEqualTo(hint.expected());
    }

    record UpToDate(String why, long lastIndex, long lastTerm, boolean expected) {
    }

    static Stream<UpToDate> upToDate() {
        // Our log: terms 1 1 2 2, last entry 4/2.
        return Stream.of(
                new UpToDate("a later last term wins even when shorter", 1, 3, true),
                new UpToDate("an earlier last term loses even when longer", 9, 1, false),
                new UpToDate("same last term, longer", 5, 2, true),
                new UpToDate("same last term, same length", 4, 2, true),
                new UpToDate("same last term, shorter", 3, 2, false),
                new UpToDate("an empty log against ours", 0, 0, false));
    }

    @ParameterizedTest
    @MethodSource("upToDate")
    void upToDateComparesLastTermsFirstThenLength(UpToDate c) {
        var log = withTerms(1, 1, 2, 2);
        assertThat(log.isUpToDate(c.lastIndex(), c.lastTerm())).as(c.why()).isEqualTo(c.expected());
    }

    @Test
    void anEmptyLogIsUpToDateAgainstAnEmptyLog() {
        assertThat(new RaftLog().isUpToDate(0, 0)).isTrue();
    }

    @Test
    void aLogCompactedBehindASnapshotStartsAboveOneAndKnowsTheTermBefore() {
        var log = new RaftLog(new MemoryLogStorage(5, 2));
        assertThat(log.firstIndex()).isEqualTo(6);
        assertThat(log.lastIndex()).isEqualTo(5);
        assertThat(log.lastTerm()).isEqualTo(2);
        assertThat(log.termAt(5)).isEqualTo(2);

        assertThat(log.appendEntries(5, 1, entries(6, 3))).as("wrong term at the base").isFalse();
        assertThat(log.appendEntries(5, 2, entries(6, 3))).isTrue();
        assertThat(log.appendEntries(3, 1, entries(4, 2, 2, 3, 3))).as("a late request overlapping the snapshot").isTrue();
        assertThat(log.entries()).containsExactly(entry(6, 3), entry(7, 3));
        assertThat(log).hasToString("base=5/2 [3:e6t3, 3:e7t3]");
        assertThatThrownBy(() -> log.entry(5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> log.truncateFrom(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aLogOverAStorageHoldsWhatTheStorageHeld_aRestart() {
        var storage = new MemoryLogStorage();
        new RaftLog(storage).appendEntries(0, 0, entries(1, 1, 2));

        var restarted = new RaftLog(storage);
        assertThat(terms(restarted)).containsExactly(1L, 2L);
        assertThat(restarted.lastTerm()).isEqualTo(2);
    }

    @Test
    void theVersionGrowsWithEveryChange() {
        var log = new RaftLog();
        long v0 = log.version();
        log.append(LogEntry.of(1, "a"));
        long v1 = log.version();
        log.appendEntries(0, 0, entries(1, 2));
        long v2 = log.version();
        log.truncateFrom(1);
        assertThat(v1).isGreaterThan(v0);
        assertThat(v2).isGreaterThan(v1);
        assertThat(log.version()).isGreaterThan(v2);
        assertThat(log.lastIndex()).isZero();
    }
}
