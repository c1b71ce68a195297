package rafting.election;

import static org.assertj.core.api.Assertions.assertThat;
import static rafting.election.Nodes.PLAIN;
import static rafting.election.Nodes.feed;
import static rafting.election.Nodes.node;
import static rafting.election.Nodes.tickUntilItActs;

import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rafting.consensus.Membership;
import rafting.log.LogEntry;
import rafting.replication.AppendEntries;
import rafting.replication.RequestVote;
import rafting.replication.RequestVoteResponse;

/** Figure 2's RequestVote rules, candidates and election timers (§5.2, §5.4.1), one node at a time. */
@Tag("part2")
class ElectionRulesTest {

    private static final int NONE = RaftNode.NONE;

    @Test
    void aFollowerThatHearsNothingForAnElectionTimeoutBecomesCandidateAndAsksEveryoneForVotes() {
        var node = node(2, 3, PLAIN, new TermVote(4, NONE), 1, 1, 4);

        Ready ready = tickUntilItActs(node);

        assertThat(node.role()).isEqualTo(Role.CANDIDATE);
        assertThat(node.term()).isEqualTo(5);
        assertThat(node.votedFor()).as("votes for itself").isEqualTo(2);
        assertThat(ready.messages()).containsExactly(
                new RequestVote(2, 1, 5, 3, 4, false), new RequestVote(2, 3, 5, 3, 4, false));
        assertThat(ready.termVote()).isEqualTo(new TermVote(5, 2));
        assertThat(ready.needsSync()).as("its own vote is durable before it asks").isTrue();
    }

    @Test
    void electionTimeoutsAreRandomWithinTheirRange() {
        var timeouts = new HashSet<Integer>();
        for (long seed = 0; seed < 50; seed++) {
            var node = RaftNode.create(1, Membership.ofSize(3), PLAIN, new SplittableRandom(seed));
            int ticks = 0;
            while (node.role() == Role.FOLLOWER) {
                node.tick();
                ticks++;
            }
            timeouts.add(ticks);
        }
        assertThat(timeouts).allSatisfy(ticks -> assertThat(ticks).isBetween(10, 20));
        assertThat(timeouts).as("spread out, so that split votes are rare").hasSizeGreaterThan(5);
    }

    @Test
    void heartbeatsKeepAFollowerFromStartingAnElection() {
        var node = node(2, 3, PLAIN, new TermVote(1, NONE));
        for (int tick = 0; tick < 200; tick++) {
            node.tick();
            if (tick % 5 == 0) {
                node.receive(new AppendEntries(1, 2, 1, 0, 0, List.of(), 0));
            }
        }
        assertThat(node.role()).isEqualTo(Role.FOLLOWER);
        assertThat(node.term()).isEqualTo(1);
        assertThat(node.leaderId()).isEqualTo(1);
    }

    @Test
    void grantsItsVoteToAnUpToDateCandidateAndMakesItDurableFirst() {
        var node = node(1, 3, PLAIN, new TermVote(2, NONE), 1, 2);

        Ready ready = feed(node, new RequestVote(3, 1, 3, 2, 2, false));

        assertThat(ready.messages()).containsExactly(new RequestVoteResponse(1, 3, 3, true, false));
        assertThat(ready.termVote()).isEqualTo(new TermVote(3, 3));
        assertThat(ready.needsSync()).isTrue();
        assertThat(node.votedFor()).isEqualTo(3);
    }

    @Test
    void rejectsVoteWhenCandidateTermIsLower() {
        var node = node(1, 3, PLAIN, new TermVote(5, NONE));

        Ready ready = feed(node, new RequestVote(3, 1, 4, 9, 4, false));

        assertThat(ready.messages()).containsExactly(new RequestVoteResponse(1, 3, 5, false, false));
        assertThat(node.votedFor()).isEqualTo(NONE);
        assertThat(ready.termVote()).isNull();
    }

    @Test
    void grantsAtMostOneVotePerTerm() {
        var node = node(1, 3, PLAIN, new TermVote(2, NONE));

        feed(node, new RequestVote(2, 1, 3, 0, 0, false));
        Ready second = feed(node, new RequestVote(3, 1, 3, 0, 0, false));
        Ready again = feed(node, new RequestVote(2, 1, 3, 0, 0, false));

        assertThat(second.messages()).containsExactly(new RequestVoteResponse(1, 3, 3, false, false));
        assertThat(again.messages()).as("the same candidate asking again gets the same answer")
                .containsExactly(new RequestVoteResponse(1, 2, 3, true, false));
        assertThat(node.votedFor()).isEqualTo(2);
    }

    @Test
    void aVoteInOneTermDoesNotBindTheNext() {
        var node = node(1, 3, PLAIN, new TermVote(3, 2));
        Ready ready = feed(node, new RequestVote(3, 1, 4, 0, 0, false));
        assertThat(ready.messages()).containsExactly(new RequestVoteResponse(1, 3, 4, true, false));
        assertThat(ready.termVote()).isEqualTo(new TermVote(4, 3));
    }

    record UpToDate(String why, long lastIndex, long lastTerm, boolean granted) {
        @Override
        public String toString() {
            return why;
        }
    }

    static Stream<UpToDate> upToDate() {
        // The voter's log: terms 1 1 2 2, its last entry 4/2.
        return Stream.of(
                new UpToDate("candidate's last term is lower, though its log is longer", 9, 1, false),
                new UpToDate("same last term, candidate's log is shorter", 3, 2, false),
                new UpToDate("same last term, same length", 4, 2, true),
                new UpToDate("same last term, candidate's log is longer", 5, 2, true),
                new UpToDate("candidate's last term is higher, though its log is shorter", 1, 3, true));
    }

    @ParameterizedTest
    @MethodSource("upToDate")
    void rejectsVoteWhenCandidateLogIsBehind(UpToDate c) {
        var node = node(1, 3, PLAIN, new TermVote(4, NONE), 1, 1, 2, 2);

        Ready ready = feed(node, new RequestVote(2, 1, 5, c.lastIndex(), c.lastTerm(), false));

        assertThat(ready.messages()).containsExactly(new RequestVoteResponse(1, 2, 5, c.granted(), false));
        assertThat(node.term()).as("the term moves on either way").isEqualTo(5);
    }

    @Test
    void grantingAVoteResetsTheElectionTimer() {
        var node = node(1, 3, PLAIN, new TermVote(1, NONE));
        for (int i = 0; i < 9; i++) {
            node.tick();
        }
        feed(node, new RequestVote(2, 1, 2, 0, 0, false));
        assertThat(node.electionElapsed()).isZero();
    }

    @Test
    void aCandidateWithVotesFromAMajorityBecomesLeader() {
        var node = node(1, 5, PLAIN, new TermVote(1, NONE));
        tickUntilItActs(node);

        feed(node, new RequestVoteResponse(2, 1, 2, true, false));
        assertThat(node.role()).as("2 of 5").isEqualTo(Role.CANDIDATE);
        feed(node, new RequestVoteResponse(4, 1, 2, true, false));
        assertThat(node.role()).as("3 of 5").isEqualTo(Role.LEADER);
        assertThat(node.leaderId()).isEqualTo(1);
    }

    @Test
    void aCandidateCountsEachVoterOnce() {
        var node = node(1, 5, PLAIN, new TermVote(1, NONE));
        tickUntilItActs(node);

        feed(node, new RequestVoteResponse(2, 1, 2, true, false));
        feed(node, new RequestVoteResponse(2, 1, 2, true, false));
        feed(node, new RequestVoteResponse(2, 1, 2, true, false));

        assertThat(node.role()).isEqualTo(Role.CANDIDATE);
        assertThat(node.votes()).containsExactly(1, 2);
    }

    @Test
    void aCandidateIgnoresVotesFromOtherTerms() {
        var node = node(1, 3, PLAIN, new TermVote(1, NONE));
        tickUntilItActs(node); // term 2
        tickUntilItActs(node); // split vote: term 3

        feed(node, new RequestVoteResponse(2, 1, 2, true, false)); // a late grant from term 2

        assertThat(node.term()).isEqualTo(3);
        assertThat(node.role()).isEqualTo(Role.CANDIDATE);
        assertThat(node.votes()).containsExactly(1);
    }

    @Test
    void refusedVotesDoNotCount() {
        var node = node(1, 3, PLAIN, new TermVote(1, NONE));
        tickUntilItActs(node);
        feed(node, new RequestVoteResponse(2, 1, 2, false, false));
        feed(node, new RequestVoteResponse(3, 1, 2, false, false));
        assertThat(node.role()).isEqualTo(Role.CANDIDATE);
    }

    @Test
    void aCandidateWhoseElectionTimesOutStartsANewElectionInTheNextTerm() {
        var node = node(1, 3, PLAIN, new TermVote(1, NONE));
        tickUntilItActs(node);
        Ready again = tickUntilItActs(node);

        assertThat(node.term()).isEqualTo(3);
        assertThat(node.role()).isEqualTo(Role.CANDIDATE);
        assertThat(again.messages()).extracting(m -> ((RequestVote) m).term()).containsExactly(3L, 3L);
    }

    @Test
    void aCandidateThatHearsAppendEntriesOfItsTermStepsDownAndFollows() {
        var node = node(1, 3, PLAIN, new TermVote(1, NONE));
        tickUntilItActs(node); // candidate at term 2

        Ready ready = feed(node, new AppendEntries(3, 1, 2, 0, 0, List.of(), 0));

        assertThat(node.role()).isEqualTo(Role.FOLLOWER);
        assertThat(node.term()).isEqualTo(2);
        assertThat(node.votedFor()).as("its vote in term 2 stays cast").isEqualTo(1);
        assertThat(node.leaderId()).isEqualTo(3);
        assertThat(ready.messages()).hasSize(1);
    }

    @Test
    void aCandidateThatHearsAppendEntriesOfAnOlderTermStaysCandidate() {
        var node = node(1, 3, PLAIN, new TermVote(1, NONE));
        tickUntilItActs(node);
        feed(node, new AppendEntries(3, 1, 1, 0, 0, List.of(), 0));
        assertThat(node.role()).isEqualTo(Role.CANDIDATE);
    }

    @Test
    void aClusterOfOneElectsItselfAtOnce() {
        var node = node(1, 1, PLAIN, new TermVote(0, NONE));
        Ready elected = tickUntilItActs(node);
        assertThat(node.role()).isEqualTo(Role.LEADER);
        assertThat(elected.entries()).containsExactly(LogEntry.noop(1));
        assertThat(elected.committed()).as("not before its no-op is durable").isEmpty();
        assertThat(node.commitIndex()).as("its no-op, durable now: a majority of one").isEqualTo(1);
        assertThat(Nodes.done(node).committed()).containsExactly(LogEntry.noop(1));

        assertThat(node.propose("set x 1")).isEqualTo(Proposal.accepted(2, 1, 1));
        assertThat(Nodes.done(node).committed()).isEmpty();
        Ready applied = Nodes.done(node);
        assertThat(applied.committed()).extracting(Object::toString).containsExactly("1:set x 1");
        assertThat(applied.firstCommitted()).isEqualTo(2);
    }
}
