package rafting.election;

import static org.assertj.core.api.Assertions.assertThat;
import static rafting.election.Nodes.feed;
import static rafting.election.Nodes.node;
import static rafting.election.Nodes.tickUntilItActs;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.replication.AppendEntries;
import rafting.replication.RequestVote;
import rafting.replication.RequestVoteResponse;

/**
 * Pre-vote and check-quorum (thesis §9.6 and §6.2), on by default: a server cut off from the
 * majority does not disrupt the cluster when it returns, and a leader cut off from the majority
 * steps down.
 */
@Tag("part5")
class PreVoteAndCheckQuorumTest {

    private static final Settings DEFAULTS = Settings.defaults();
    private static final int NONE = RaftNode.NONE;

    @Test
    void aTimedOutFollowerFirstAsksForPreVotesWithoutChangingItsTerm() {
        var node = node(2, 3, DEFAULTS, new TermVote(4, 1), 1, 4);

        Ready ready = tickUntilItActs(node);

        assertThat(node.role()).isEqualTo(Role.PRE_CANDIDATE);
        assertThat(node.term()).isEqualTo(4);
        assertThat(node.votedFor()).isEqualTo(1);
        assertThat(ready.termVote()).isNull();
        assertThat(ready.messages()).containsExactly(new RequestVote(2, 1, 5, 2, 4, true), new RequestVote(2, 3, 5, 2, 4, true));
    }

    @Test
    void aPreCandidateWithAMajorityOfPreVotesStartsTheRealElection() {
        var node = node(2, 3, DEFAULTS, new TermVote(4, 1), 1, 4);
        tickUntilItActs(node);

        Ready ready = feed(node, new RequestVoteResponse(3, 2, 5, true, true));

        assertThat(node.role()).isEqualTo(Role.CANDIDATE);
        assertThat(node.term()).isEqualTo(5);
        assertThat(ready.termVote()).isEqualTo(new TermVote(5, 2));
        assertThat(ready.messages()).containsExactly(new RequestVote(2, 1, 5, 2, 4, false), new RequestVote(2, 3, 5, 2, 4, false));
    }

    @Test
    void grantingAPreVoteChangesNeitherTermNorVote() {
        var node = node(1, 3, DEFAULTS, new TermVote(4, NONE), 1, 4);

        Ready ready = feed(node, new RequestVote(2, 1, 5, 2, 4, true));

        assertThat(ready.messages()).containsExactly(new RequestVoteResponse(1, 2, 5, true, true));
        assertThat(node.term()).isEqualTo(4);
        assertThat(node.votedFor()).isEqualTo(NONE);
        assertThat(ready.termVote()).isNull();
        assertThat(ready.needsSync()).isFalse();
    }

    @Test
    void aPreVoteIsRefusedWhileTheLeaderIsAlive() {
        var node = node(1, 3, DEFAULTS, new TermVote(4, NONE));
        feed(node, new AppendEntries(3, 1, 4, 0, 0, List.of(), 0));

        Ready ready = feed(node, new RequestVote(2, 1, 5, 0, 0, true));

        assertThat(ready.messages()).containsExactly(new RequestVoteResponse(1, 2, 4, false, true));
    }

    @Test
    void aPreVoteIsRefusedToACandidateWhoseLogIsBehind() {
        var node = node(1, 3, DEFAULTS, new TermVote(4, NONE), 1, 4);
        Ready ready = feed(node, new RequestVote(2, 1, 5, 1, 1, true));
        assertThat(ready.messages()).containsExactly(new RequestVoteResponse(1, 2, 4, false, true));
    }

    @Test
    void aFollowerThatHeardItsLeaderRecentlyIgnoresAVoteRequestOfAHigherTerm() {
        var node = node(1, 3, DEFAULTS, new TermVote(4, NONE));
        feed(node, new AppendEntries(3, 1, 4, 0, 0, List.of(), 0));

        Ready ready = feed(node, new RequestVote(2, 1, 9, 0, 0, false));

        assertThat(ready.isEmpty()).isTrue();
        assertThat(node.term()).isEqualTo(4);
        assertThat(node.leaderId()).isEqualTo(3);
    }

    @Test
    void withoutCheckQuorumAVoteRequestOfAHigherTermIsHeardEvenWhileTheLeaderIsAlive() {
        var node = node(1, 3, DEFAULTS.withCheckQuorum(false), new TermVote(4, NONE));
        feed(node, new AppendEntries(3, 1, 4, 0, 0, List.of(), 0));

        Ready ready = feed(node, new RequestVote(2, 1, 9, 0, 0, false));

        assertThat(ready.messages()).containsExactly(new RequestVoteResponse(1, 2, 9, true, false));
        assertThat(node.term()).isEqualTo(9);
    }

    @Test
    void anIsolatedFollowerRejoinsWithoutDisruptingTheLeader() {
        var cluster = Cluster.of(3, DEFAULTS, 11);
        RaftNode leader = cluster.awaitLeader(100);
        long term = leader.term();
        int follower = leader.id() % 3 + 1;

        cluster.net().isolate(follower);
        cluster.run(300);
        assertThat(cluster.node(follower).term()).as("its pre-votes failed: no new terms").isEqualTo(term);

        cluster.net().heal();
        cluster.run(50);

        assertThat(cluster.leader()).containsSame(leader);
        assertThat(leader.term()).isEqualTo(term);
        assertThat(cluster.node(follower).leaderId()).isEqualTo(leader.id());
    }

    @Test
    void withoutPreVoteAnIsolatedFollowerDisruptsTheLeaderWhenItReturns() {
        var cluster = Cluster.of(3, DEFAULTS.withPreVote(false).withCheckQuorum(false), 11);
        RaftNode leader = cluster.awaitLeader(100);
        long term = leader.term();
        int follower = leader.id() % 3 + 1;

        cluster.net().isolate(follower);
        cluster.run(300);
        assertThat(cluster.node(follower).term()).as("one new term per election timeout").isGreaterThan(term + 10);

        cluster.net().heal();
        cluster.run(50);

        assertThat(cluster.awaitLeader(200).term()).as("the whole cluster had to move to its term").isGreaterThan(term + 10);
    }

    @Test
    void aLeaderCutOffFromTheMajorityStepsDownAndTheRestElectANewOne() {
        var cluster = Cluster.of(5, DEFAULTS, 12);
        RaftNode old = cluster.awaitLeader(100);

        cluster.net().isolate(old.id());
        cluster.run(DEFAULTS.electionTicksMin() * 2 + 1);

        assertThat(old.role()).isEqualTo(Role.FOLLOWER);
        assertThat(old.leaderId()).isEqualTo(NONE);
        assertThat(old.propose("x").accepted()).as("clients are sent elsewhere").isFalse();
        RaftNode next = cluster.awaitLeader(200);
        assertThat(next).isNotSameAs(old);
        assertThat(next.term()).isGreaterThan(old.term());
    }

    @Test
    void withoutCheckQuorumALeaderCutOffFromTheMajorityBelievesItLeadsForever() {
        var cluster = Cluster.of(5, DEFAULTS.withCheckQuorum(false), 12);
        RaftNode old = cluster.awaitLeader(100);

        cluster.net().isolate(old.id());
        cluster.run(500);

        assertThat(old.role()).isEqualTo(Role.LEADER);
        assertThat(old.propose("x").accepted()).as("and accepts commands it can never commit").isTrue();
    }
}
