package rafting.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.log.LogEntry;
import rafting.replication.Message;
import rafting.replication.RequestVote;

/** The values a node takes and gives (Part 1): settings, the term/vote record, answers, states, readies. */
@Tag("part1")
class ValuesTest {

    @Test
    void theDefaultSettingsArePlainNumbersWithPreVoteAndCheckQuorumOn() {
        assertThat(Settings.defaults()).isEqualTo(new Settings(10, 20, 2, 64, true, true, Set.of()));
    }

    @Test
    void eachWithChangesOneValueOnly() {
        var settings = Settings.defaults().withElectionTicks(5, 7).withHeartbeatTicks(3).withMaxBatch(8)
                .withPreVote(false).withCheckQuorum(false).withFlaws(Flaw.LOWER_COMMIT_INDEX);
        assertThat(settings).isEqualTo(new Settings(5, 7, 3, 8, false, false, Set.of(Flaw.LOWER_COMMIT_INDEX)));
        assertThat(settings.withFlaws().flaws()).isEmpty();
        assertThat(Settings.defaults().has(Flaw.LOWER_COMMIT_INDEX)).isFalse();
    }

    @Test
    void settingsRefuseTimingsThatCannotWork() {
        assertThatThrownBy(() -> Settings.defaults().withElectionTicks(5, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need 1 <= heartbeatTicks < electionTicksMin <= electionTicksMax, got 2, 5, 4");
        assertThatThrownBy(() -> Settings.defaults().withHeartbeatTicks(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need 1 <= heartbeatTicks < electionTicksMin <= electionTicksMax, got 0, 10, 20");
        assertThatThrownBy(() -> Settings.defaults().withMaxBatch(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBatch is at least 1, got 0");
    }

    @Test
    void theFlawsOfSettingsCannotBeChangedAfterwards() {
        var flaws = new HashSet<>(Set.of(Flaw.VOTE_TWICE_IN_A_TERM));
        var settings = new Settings(10, 20, 2, 64, true, true, flaws);
        flaws.add(Flaw.LOWER_COMMIT_INDEX);
        assertThat(settings.flaws()).containsExactly(Flaw.VOTE_TWICE_IN_A_TERM);
        assertThatThrownBy(() -> settings.flaws().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTermVoteIsNeverNegativeAndReadsAsOneWord() {
        assertThat(TermVote.INITIAL).isEqualTo(new TermVote(0, RaftNode.NONE)).hasToString("t=0 vote=-");
        assertThat(new TermVote(3, 2)).hasToString("t=3 vote=2");
        assertThatThrownBy(() -> new TermVote(-1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("term and votedFor are never negative, got -1, 0");
        assertThatThrownBy(() -> new TermVote(1, -2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("term and votedFor are never negative, got 1, -2");
    }

    @Test
    void aProposalSaysWhereTheCommandWentOrWhoLeads() {
        assertThat(Proposal.accepted(5, 3, 1)).isEqualTo(new Proposal(true, 5, 3, 1)).hasToString("accepted at 5/3");
        assertThat(Proposal.notLeader(2)).isEqualTo(new Proposal(false, 0, 0, 2)).hasToString("not leader; try 2");
        assertThat(Proposal.notLeader(RaftNode.NONE)).hasToString("not leader; leader unknown");
    }

    @Test
    void rolesAndStatesReadAsStatusReportsSpellThem() {
        assertThat(List.of(Role.values())).hasToString("[follower, pre-candidate, candidate, leader]");
        assertThat(new NodeState(2, Role.LEADER, 3, 2, 2, 5, 5, 5, 3))
                .hasToString("n2 leader t=3 vote=2 leader=2 commit=5 applied=5 last=5/3");
        assertThat(new NodeState(1, Role.PRE_CANDIDATE, 0, RaftNode.NONE, RaftNode.NONE, 0, 0, 0, 0))
                .hasToString("n1 pre-candidate t=0 vote=- leader=- commit=0 applied=0 last=0/0");
    }

    @Test
    void aReadySaysWhatToDoInOneLine() {
        var messages = new ArrayList<Message>(List.of(new RequestVote(1, 2, 3, 0, 0, false), new RequestVote(1, 3, 3, 0, 0, false)));
        var ready = new Ready(new TermVote(3, 1), 1, List.of(LogEntry.noop(3)), List.of(), messages, 1, List.of(LogEntry.noop(3)));
        messages.clear();

        assertThat(ready.messages()).as("a copy").hasSize(2);
        assertThat(ready).hasToString("t=3 vote=1, log from 1 (1 entries), 0 now + 2 after sync, commit 1 (1 to apply)");
        assertThat(ready.isEmpty()).isFalse();
        assertThat(ready.needsSync()).isTrue();
        var nothing = new Ready(null, 0, List.of(), List.of(), List.of(), 4, List.of());
        assertThat(nothing.isEmpty()).isTrue();
        assertThat(nothing.needsSync()).isFalse();
        assertThat(nothing).hasToString("0 now + 0 after sync");
        var truncation = new Ready(null, 3, List.of(), List.of(), List.of(), 0, List.of());
        assertThat(truncation.isEmpty()).as("a log to cut is something to do").isFalse();
        assertThat(truncation.needsSync()).isTrue();
        assertThatThrownBy(() -> new Ready(null, 0, List.of(LogEntry.noop(1)), List.of(), List.of(), 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from an index of 1 or more");
    }
}
