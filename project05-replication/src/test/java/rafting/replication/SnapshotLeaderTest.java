package rafting.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rafting.replication.Logs.withTerms;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.log.RaftLog;

/** Part 6 (Project 11): the snapshot's messages, and a leader that knows where its log begins. */
@Tag("part6")
class SnapshotLeaderTest {

    @Test
    void aChunkCarriesWhereTheSnapshotEndsAndWhichBytesItHolds() {
        var chunk = new InstallSnapshot(1, 3, 4, 120, 3, 512, new byte[] {1, 2, 3}, true);
        assertThat(chunk.end()).isEqualTo(515);
        assertThat(chunk.size()).isEqualTo(3);
        assertThat(chunk).hasToString("1->3 InstallSnapshot t=4 last=120/3 bytes=512..515 done");
        assertThat(chunk).isEqualTo(new InstallSnapshot(1, 3, 4, 120, 3, 512, new byte[] {1, 2, 3}, true))
                .isNotEqualTo(new InstallSnapshot(1, 3, 4, 120, 3, 512, new byte[] {1, 2, 4}, true));
    }

    @Test
    void aChunkNeverChangesOnceBuilt() {
        byte[] bytes = {7, 7};
        var chunk = new InstallSnapshot(1, 2, 1, 5, 1, 0, bytes, false);
        bytes[0] = 0;
        chunk.data()[1] = 0;
        assertThat(chunk.data()).containsExactly(7, 7);
    }

    @Test
    void aChunkOutsideWhatALeaderCanSendIsRefused() {
        assertThatThrownBy(() -> new InstallSnapshot(1, 2, 3, 0, 1, 0, new byte[0], true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InstallSnapshot(1, 2, 3, 5, 4, 0, new byte[0], true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a leader of term 3 has no snapshot of a later term: 4");
        assertThatThrownBy(() -> new InstallSnapshot(1, 2, 3, 5, 2, -1, new byte[0], true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAnswerSaysInstalledOrWhichByteComesNext() {
        var chunk = new InstallSnapshot(1, 3, 4, 120, 3, 0, new byte[8], false);
        assertThat(InstallSnapshotResponse.installed(chunk))
                .isEqualTo(new InstallSnapshotResponse(3, 1, 4, 120, 0, true))
                .hasToString("3->1 InstallSnapshotResponse t=4 last=120 installed");
        assertThat(InstallSnapshotResponse.expecting(chunk, 8))
                .hasToString("3->1 InstallSnapshotResponse t=4 last=120 next=8");
    }

    @Test
    void aLeaderSendsNoRequestToAFollowerThatNeedsCompactedEntries() {
        RaftLog log = withTerms(1, 1, 1, 2, 2);
        var leader = new Leader(1, 2, log, List.of(2, 3), 64);
        // n2 answers that it holds nothing: it must be probed at 1, but 1..3 are compacted.
        log.compact(3);
        Leader.Handled handled = leader.handle(AppendEntriesResponse.refusal(2, 1, 2, 1), 0);
        assertThat(handled.toSend()).as("nothing to probe with").isEmpty();
        assertThat(leader.needsSnapshot(2)).isTrue();
        assertThat(leader.needsSnapshot(3)).isFalse();
        assertThat(leader.heartbeat(0)).extracting(AppendEntries::to).containsExactly(3);
        assertThat(leader.replicate(0)).noneMatch(request -> request.to() == 2);
    }

    @Test
    void aFollowerThatInstalledTheSnapshotIsReplicatedFromTheEntryAfterIt() {
        RaftLog log = withTerms(1, 1, 1, 2, 2);
        var leader = new Leader(1, 2, log, List.of(2), 64);
        log.compact(3);
        leader.handle(AppendEntriesResponse.refusal(2, 1, 2, 1), 0);

        Leader.Handled handled = leader.snapshotInstalled(2, 3, 3);
        assertThat(handled.matchGrew()).isTrue();
        assertThat(leader.matchIndex(2)).isEqualTo(3);
        assertThat(leader.progress().get(2).probing()).isFalse();
        assertThat(handled.toSend()).singleElement().satisfies(request -> {
            assertThat(request.prevLogIndex()).isEqualTo(3);
            assertThat(request.prevLogTerm()).as("the base's term").isEqualTo(1);
            assertThat(request.entries()).hasSize(2);
        });
    }

    @Test
    void aLateReportOfAnOlderSnapshotMovesNothingBack() {
        RaftLog log = withTerms(1, 1, 1, 2, 2);
        var leader = new Leader(1, 2, log, List.of(2), 64);
        leader.handle(AppendEntriesResponse.success(2, 1, 2, 5), 0);
        log.compact(4);
        Leader.Handled handled = leader.snapshotInstalled(2, 3, 3);
        assertThat(handled.matchGrew()).isFalse();
        assertThat(handled.toSend()).isEmpty();
        assertThat(leader.matchIndex(2)).isEqualTo(5);
        assertThatThrownBy(() -> leader.snapshotInstalled(2, 9, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
