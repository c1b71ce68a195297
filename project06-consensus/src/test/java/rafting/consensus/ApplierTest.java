package rafting.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.log.LogEntry;
import rafting.log.RaftLog;

/** Part 3: applying committed entries, in order, exactly once. */
@Tag("part3")
class ApplierTest {

    private final RaftLog log = new RaftLog();
    private final Recorder machine = new Recorder();
    private final Applier applier = new Applier(machine);

    private void append(String... commands) {
        for (String command : commands) {
            log.append(LogEntry.of(1, command));
        }
    }

    @Test
    void appliesCommittedEntriesInLogOrder() {
        append("a", "b", "c", "d");
        var applied = applier.applyUpTo(3, log);

        assertThat(machine.applied).containsExactly("1:a", "2:b", "3:c");
        assertThat(applied).extracting(Applied::toString).containsExactly("1 1:a -> ok", "2 1:b -> ok", "3 1:c -> ok");
        assertThat(applier.lastApplied()).isEqualTo(3);
    }

    @Test
    void oneEntryAtATimeMustBeTheNext() {
        Applied first = applier.apply(1, LogEntry.of(1, "a"));

        assertThat(first).hasToString("1 1:a -> ok");
        assertThatThrownBy(() -> applier.apply(3, LogEntry.of(1, "c")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 is next, not 3");
        assertThatThrownBy(() -> applier.apply(1, LogEntry.of(1, "a"))).hasMessageContaining("2 is next, not 1");
        assertThat(machine.applied).containsExactly("1:a");
        assertThat(applier.lastApplied()).isEqualTo(1);
    }

    @Test
    void appliesEachEntryExactlyOnce() {
        append("a", "b", "c");
        applier.applyUpTo(2, log);
        applier.applyUpTo(2, log);
        applier.applyUpTo(1, log);
        applier.applyUpTo(3, log);

        assertThat(machine.applied).containsExactly("1:a", "2:b", "3:c");
    }

    @Test
    void lastAppliedNeverExceedsTheCommitIndex() {
        append("a", "b", "c");
        applier.applyUpTo(0, log);
        assertThat(applier.lastApplied()).isZero();
        applier.applyUpTo(2, log);
        assertThat(applier.lastApplied()).isEqualTo(2);
    }

    @Test
    void aNoopAdvancesLastAppliedWithoutReachingTheStateMachine() {
        log.append(LogEntry.noop(1));
        append("a");
        var applied = applier.applyUpTo(2, log);

        assertThat(machine.applied).containsExactly("2:a");
        assertThat(applied).extracting(Applied::toString).containsExactly("1 1:no-op", "2 1:a -> ok");
    }

    @Test
    void aStateMachineThatThrowsLeavesItsEntryToApplyAgain() {
        append("a", "b");
        var failing = new Applier((index, command) -> {
            if (index == 2) {
                throw new IllegalStateException("disk full");
            }
            return new byte[0];
        });
        assertThatThrownBy(() -> failing.applyUpTo(2, log)).hasMessage("disk full");
        assertThat(failing.lastApplied()).isEqualTo(1);
    }

    @Test
    void anApplierRestoredFromASnapshotStartsAfterIt() {
        append("a", "b", "c");
        var restored = new Applier(machine, 2);
        restored.applyUpTo(3, log);
        assertThat(machine.applied).containsExactly("3:c");
    }
}
