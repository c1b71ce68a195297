package rafting.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rafting.election.Nodes.PLAIN;
import static rafting.election.Nodes.entries;
import static rafting.election.Nodes.feed;
import static rafting.election.Nodes.leader;
import static rafting.election.Nodes.node;
import static rafting.election.Nodes.terms;
import static rafting.election.Nodes.tickUntilItActs;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.log.LogEntry;
import rafting.replication.AppendEntries;
import rafting.replication.AppendEntriesResponse;
import rafting.replication.RequestVoteResponse;

/** Figure 2's AppendEntries rules and the leader's duties (§5.3, §5.4.2, §8), one node at a time. */
@Tag("part3")
class ReplicationRulesTest {

    private static final int NONE = RaftNode.NONE;

    @Test
    void aNewLeaderAppendsANoopOfItsTermAndSendsItToEveryone() {
        var node = node(1, 3, PLAIN, new TermVote(1, NONE), 1, 1);
        tickUntilItActs(node);

        Ready ready = feed(node, new RequestVoteResponse(2, 1, 2, true, false));

        assertThat(node.role()).isEqualTo(Role.LEADER);
        assertThat(node.log().entry(3)).isEqualTo(LogEntry.noop(2));
        assertThat(ready.sendNow()).as("a leader's requests leave before its own sync (thesis §10.2.1)").containsExactly(
                new AppendEntries(1, 2, 2, 2, 1, List.of(LogEntry.noop(2)), 0),
                new AppendEntries(1, 3, 2, 2, 1, List.of(LogEntry.noop(2)), 0));
        assertThat(ready.writeFrom()).isEqualTo(3);
        assertThat(ready.entries()).containsExactly(LogEntry.noop(2));
        assertThat(ready.writesLog()).isTrue();
        assertThat(ready.needsSync()).as("its own no-op is durable before it counts itself").isTrue();
    }

    @Test
    void aLeaderSendsAHeartbeatEveryHeartbeatInterval() {
        var node = leader(1, 3, 1);
        int sent = 0;
        for (int tick = 1; tick <= 10; tick++) {
            node.tick();
            sent += Nodes.done(node).messages().size();
        }
        assertThat(sent).as("every 2 ticks, to 2 followers").isEqualTo(10);
    }

    @Test
    void aLeaderAppendsAProposalAndSendsItToFollowersThatAreReplicating() {
        var node = leader(1, 3, 1);
        feed(node, AppendEntriesResponse.success(2, 1, 2, 1));
        feed(node, AppendEntriesResponse.success(3, 1, 2, 1));

        Proposal proposal = node.propose("set x 1");
        Proposal another = node.propose("set y 2");
        Ready ready = Nodes.done(node);

        assertThat(proposal).isEqualTo(Proposal.accepted(2, 2, 1));
        assertThat(another).hasToString("accepted at 3/2");
        assertThat(ready.messages()).as("both commands in one request per follower").containsExactly(
                new AppendEntries(1, 2, 2, 1, 2, List.of(LogEntry.of(2, "set x 1"), LogEntry.of(2, "set y 2")), 1),
                new AppendEntries(1, 3, 2, 1, 2, List.of(LogEntry.of(2, "set x 1"), LogEntry.of(2, "set y 2")), 1));
    }

    @Test
    void aRequestThatWouldDeleteACommittedEntryStopsTheNode_forNoLeaderCanSendOne() {
        var follower = node(1, 3, PLAIN, new TermVote(1, 2), 1, 1, 1);
        feed(follower, new AppendEntries(2, 1, 1, 3, 1, List.of(), 3));
        assertThat(follower.commitIndex()).isEqualTo(3);

        // A request of a later term, from the start of the log (a bug, or a broken disk on its sender).
        assertThatThrownBy(() -> feed(follower, new AppendEntries(3, 1, 2, 0, 0, entries(2), 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("would delete entry 1, committed here");
        assertThat(terms(follower)).as("the committed log").containsExactly(1L, 1L, 1L);
    }

    @Test
    void aServerThatDoesNotLeadNamesTheLeaderItKnows() {
        var node = node(2, 3, PLAIN, new TermVote(1, NONE));
        assertThat(node.propose("set x 1")).hasToString("not leader; leader unknown");

        feed(node, new AppendEntries(3, 2, 1, 0, 0, List.of(), 0));

        assertThat(node.propose("set x 1")).isEqualTo(Proposal.notLeader(3));
        assertThat(node.log().lastIndex()).isZero();
    }

    @Test
    void anEmptyProposalIsRefused() {
        var node = leader(1, 3, 1);
        assertThatThrownBy(() -> node.propose(new byte[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-op");
    }

    @Test
    void rejectsAppendEntriesFromAnOlderTermWithItsOwnTerm() {
        var node = node(2, 3, PLAIN, new TermVote(5, NONE), 1, 1);

        Ready ready = feed(node, new AppendEntries(1, 2, 4, 2, 1, entries(1, 1, 4).subList(2, 3), 2));

        assertThat(ready.messages()).containsExactly(AppendEntriesResponse.refusal(2, 1, 5, 3));
        assertThat(terms(node)).containsExactly(1L, 1L);
        assertThat(node.leaderId()).isEqualTo(NONE);
    }

    @Test
    void aFollowerStoresTheEntriesAndAnswersOnlyAfterTheyAreDurable() {
        var node = node(2, 3, PLAIN, new TermVote(1, NONE), 1);

        Ready ready = feed(node, new AppendEntries(1, 2, 1, 1, 1, List.of(LogEntry.of(1, "set x 1")), 0));

        assertThat(ready.sendNow()).isEmpty();
        assertThat(ready.sendAfterSync()).containsExactly(AppendEntriesResponse.success(2, 1, 1, 2));
        assertThat(ready.writesLog()).isTrue();
        assertThat(ready.needsSync()).isTrue();
        assertThat(node.leaderId()).isEqualTo(1);
    }

    @Test
    void aHeartbeatThatChangesNothingNeedsNoSync() {
        var node = node(2, 3, PLAIN, new TermVote(1, 1), 1);
        feed(node, new AppendEntries(1, 2, 1, 1, 1, List.of(), 0));

        Ready ready = feed(node, new AppendEntries(1, 2, 1, 1, 1, List.of(), 0));

        assertThat(ready.needsSync()).isFalse();
        assertThat(ready.termVote()).isNull();
        assertThat(ready.messages()).containsExactly(AppendEntriesResponse.success(2, 1, 1, 1));
    }

    @Test
    void aFollowerRefusesAnAppendThatDoesNotMatchAndHintsWhereToTry() {
        var node = node(2, 3, PLAIN, new TermVote(3, NONE), 1, 2, 2);
        Ready ready = feed(node, new AppendEntries(1, 2, 3, 3, 3, List.of(), 0));
        assertThat(ready.messages()).containsExactly(AppendEntriesResponse.refusal(2, 1, 3, 2));
    }

    @Test
    void aFollowerCommitsUpToTheSmallerOfLeaderCommitAndWhatTheRequestConfirmed() {
        // Entries 3 and 4 are junk of term 2 that the leader of term 3 has not overwritten yet.
        var node = node(2, 3, PLAIN, new TermVote(3, NONE), 1, 1, 2, 2);

        Ready ready = feed(node, new AppendEntries(1, 2, 3, 2, 1, List.of(), 4));

        assertThat(node.commitIndex()).isEqualTo(2);
        assertThat(ready.committed()).extracting(Object::toString).containsExactly("1:e1", "1:e2");
        assertThat(ready.firstCommitted()).isEqualTo(1);
    }

    @Test
    void aFollowersCommitIndexNeverGoesBack() {
        var node = node(2, 3, PLAIN, new TermVote(1, NONE), 1, 1, 1);
        feed(node, new AppendEntries(1, 2, 1, 3, 1, List.of(), 3));
        feed(node, new AppendEntries(1, 2, 1, 3, 1, List.of(), 1)); // late

        assertThat(node.commitIndex()).isEqualTo(3);
        assertThat(node.lastApplied()).isEqualTo(3);
    }

    @Test
    void aLeaderCommitsOnlyByCountingReplicasOfAnEntryOfItsOwnTerm() {
        var node = leader(1, 3, 1, 1, 1); // leads at term 2; entry 3 is its no-op
        feed(node, AppendEntriesResponse.success(2, 1, 2, 2));
        assertThat(node.commitIndex()).as("entries 1 and 2 are of term 1").isZero();

        Ready ready = feed(node, AppendEntriesResponse.success(2, 1, 2, 3));

        assertThat(node.commitIndex()).isEqualTo(3);
        assertThat(ready.committed()).hasSize(3);
        assertThat(ready.commitIndex()).isEqualTo(3);
    }

    @Test
    void aLeaderCountsItsOwnLogOnlyAsFarAsItsDriverSaidIsDurable() {
        var node = leader(1, 3, 1); // its no-op at 1 is durable
        node.propose("set x 1");
        Ready writing = node.ready(); // entry 2 is being written: not durable yet

        node.receive(AppendEntriesResponse.success(2, 1, 2, 2));
        assertThat(node.commitIndex()).as("n2 holds entry 2, but n1's own copy is not durable").isEqualTo(1);

        node.advance(writing);
        assertThat(node.durableIndex()).isEqualTo(2);
        assertThat(node.commitIndex()).as("n1 and n2 now: a majority").isEqualTo(2);
    }

    @Test
    void theDriverMustFinishOneReadyBeforeTheNext() {
        var node = leader(1, 3, 1);
        node.propose("set x 1");
        Ready first = node.ready();

        assertThatThrownBy(node::ready).isInstanceOf(IllegalStateException.class).hasMessageContaining("advance");
        node.advance(first);
        assertThatThrownBy(() -> node.advance(first)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLeaderStepsDownWhenAnAnswerCarriesAHigherTerm() {
        var node = leader(1, 3, 1);

        Ready ready = feed(node, AppendEntriesResponse.refusal(3, 1, 7, 1));

        assertThat(node.role()).isEqualTo(Role.FOLLOWER);
        assertThat(node.term()).isEqualTo(7);
        assertThat(node.leaderId()).isEqualTo(NONE);
        assertThat(ready.termVote()).isEqualTo(new TermVote(7, NONE));
        assertThat(node.propose("x").accepted()).isFalse();
    }

    @Test
    void aLeaderIgnoresAnotherLeaderOfItsOwnTerm() {
        var node = leader(1, 3, 1);
        Ready ready = feed(node, new AppendEntries(2, 1, 2, 0, 0, List.of(LogEntry.of(2, "x")), 0));
        assertThat(node.role()).isEqualTo(Role.LEADER);
        assertThat(ready.messages()).isEmpty();
        assertThat(node.log().lastIndex()).isEqualTo(1);
    }

    @Test
    void messagesForAnotherServerOrFromAStrangerAreIgnored() {
        var node = node(2, 3, PLAIN, new TermVote(1, NONE));
        assertThat(feed(node, new AppendEntries(1, 3, 5, 0, 0, List.of(), 0)).isEmpty()).isTrue();
        assertThat(feed(node, new AppendEntries(9, 2, 5, 0, 0, List.of(), 0)).isEmpty()).isTrue();
        assertThat(node.term()).isEqualTo(1);
    }
}
