package rafting.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Part 4: one follower's progress. */
@Tag("part4")
class ProgressTest {

    @Test
    void aNewFollowerIsProbedRightAfterTheLeadersLastEntry() {
        var progress = new Progress(11);
        assertThat(progress.nextIndex()).isEqualTo(11);
        assertThat(progress.matchIndex()).isZero();
        assertThat(progress.probing()).isTrue();
        assertThat(progress).hasToString("next=11 match=0 probing");
    }

    @Test
    void aRefusalBacksOffToTheHint() {
        var progress = new Progress(11);
        progress.refused(7);
        assertThat(progress.nextIndex()).isEqualTo(7);
    }

    @Test
    void aRefusalBacksOffAtLeastOneEntryEvenWithAUselessHint() {
        var progress = new Progress(11);
        progress.refused(50);
        assertThat(progress.nextIndex()).isEqualTo(10);
    }

    @Test
    void nextIndexNeverDropsBelowOne() {
        var progress = new Progress(1);
        progress.refused(1);
        progress.refused(1);
        assertThat(progress.nextIndex()).isEqualTo(1);
    }

    @Test
    void nextIndexNeverDropsBelowMatchIndexPlusOne() {
        var progress = new Progress(11);
        progress.succeeded(10);
        assertThat(progress.refused(50)).isFalse();
        assertThat(progress.nextIndex()).isEqualTo(11);
        assertThat(progress.matchIndex()).isEqualTo(10);
    }

    @Test
    void aFollowerRefusingAtOrBelowItsMatchIndexLostEntries_andIsProbedAgainAsIfNew() {
        var progress = new Progress(11);
        progress.succeeded(10);
        assertThat(progress.refused(4)).as("its log now ends at 3: it lost 4 to 10").isTrue();
        assertThat(progress.matchIndex()).isZero();
        assertThat(progress.nextIndex()).isEqualTo(4);
        assertThat(progress.probing()).isTrue();
    }

    @Test
    void matchIndexOnlyGrows() {
        var progress = new Progress(11);
        assertThat(progress.succeeded(8)).isTrue();
        assertThat(progress.succeeded(5)).isFalse();
        assertThat(progress.succeeded(8)).isFalse();
        assertThat(progress.matchIndex()).isEqualTo(8);
        assertThat(progress.nextIndex()).isEqualTo(11);
    }

    @Test
    void aSuccessAnsweringTheProbeStartsReplication_andSendsThenRunAhead() {
        var progress = new Progress(11);
        progress.refused(4);
        progress.sent(10); // probing: the next request still starts at 4
        assertThat(progress.nextIndex()).isEqualTo(4);

        progress.succeeded(10);
        assertThat(progress.probing()).isFalse();
        progress.sent(12);
        assertThat(progress.nextIndex()).isEqualTo(13);
        assertThat(progress.matchIndex()).as("sending is not matching").isEqualTo(10);
    }

    @Test
    void aStaleSuccessDoesNotEndProbing() {
        var progress = new Progress(11);
        progress.refused(8);
        progress.succeeded(3);
        assertThat(progress.probing()).isTrue();
        assertThat(progress.nextIndex()).isEqualTo(8);
    }

    @Test
    void refusesANextIndexBelowOne() {
        assertThatThrownBy(() -> new Progress(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
