package rafting.election;

import static org.assertj.core.api.Assertions.assertThat;
import static rafting.election.Nodes.PLAIN;
import static rafting.election.Nodes.done;
import static rafting.election.Nodes.feed;
import static rafting.election.Nodes.leader;
import static rafting.election.Nodes.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.consensus.Applied;
import rafting.consensus.Membership;
import rafting.replication.AppendEntries;
import rafting.replication.AppendEntriesResponse;
import rafting.replication.Message;
import rafting.replication.RequestVoteResponse;

/**
 * Read-index reads (thesis §6.4, Project 11): a leader answers a read without a log entry, once
 * it has confirmed with a round of requests that it still leads, and once its state machine
 * holds everything committed before the read came in.
 */
@Tag("part7")
class ReadIndexTest {

    /** n1 leads servers 1..3 at term 2 with a log of [1, 1, 2:no-op]; the ready of its election was consumed. */
    private final RaftNode leader = leader(1, 3, 1, 1, 1);

    @Test
    void aFollowerTakesNoReadAndNamesTheLeader() {
        var follower = node(2, 3, PLAIN, new TermVote(2, RaftNode.NONE));
        feed(follower, new AppendEntries(1, 2, 2, 0, 0, List.of(), 0));

        Proposal answer = follower.readIndex(7);

        assertThat(answer.accepted()).isFalse();
        assertThat(answer.leaderId()).isEqualTo(1);
        assertThat(done(follower).reads()).isEmpty();
    }

    @Test
    void aNewLeaderReadsAtItsNoOpUntilAnEntryOfItsTermIsCommitted() {
        Proposal answer = leader.readIndex(7);

        assertThat(answer.accepted()).isTrue();
        assertThat(answer.index()).isEqualTo(3); // the no-op: entries 1 and 2 may have been committed by term 1
        assertThat(leader.commitIndex()).isZero();
    }

    @Test
    void aReadSendsARoundOfRequestsAndIsAnsweredOnceAMajorityAnsweredItAndItsIndexIsCommitted() {
        leader.readIndex(7);
        Ready round = done(leader);
        assertThat(round.reads()).isEmpty();
        assertThat(round.messages()).hasSize(2).allSatisfy(m -> assertThat(((AppendEntries) m).round()).isEqualTo(1));

        // n2 answers the round but has not got the no-op: a majority answered, yet index 3 is not committed.
        Ready refused = feed(leader, refusal(2, 1, 3));
        assertThat(refused.reads()).isEmpty();

        Ready committed = feed(leader, success(2, 3, 1));
        assertThat(committed.commitIndex()).isEqualTo(3);
        assertThat(committed.reads()).containsExactly(7L);
    }

    @Test
    void anAnswerToAnEarlierRoundConfirmsNoLaterRead() {
        commitTheNoOp();
        leader.readIndex(7);
        done(leader); // round 1 goes out
        leader.readIndex(8);
        done(leader); // round 2 goes out

        Ready late = feed(leader, success(2, 3, 1));

        assertThat(late.reads()).containsExactly(7L);
        assertThat(feed(leader, success(3, 3, 2)).reads()).containsExactly(8L);
    }

    @Test
    void readsTakenBeforeTheRoundGoesOutShareIt() {
        commitTheNoOp();
        leader.readIndex(7);
        leader.readIndex(8);
        leader.readIndex(9);

        Ready round = done(leader);

        assertThat(round.messages()).hasSize(2);
        assertThat(feed(leader, success(3, 3, 1)).reads()).containsExactly(7L, 8L, 9L);
    }

    @Test
    void aRoundNumberTheLeaderNeverStartedConfirmsNoLaterRead() {
        commitTheNoOp();
        leader.readIndex(7);
        done(leader);

        Ready forged = feed(leader, success(2, 3, 99));
        leader.readIndex(8);
        Ready round2 = done(leader);

        assertThat(forged.reads()).containsExactly(7L);
        assertThat(leader.progress().get(2).ackedRound()).isEqualTo(1);
        assertThat(round2.reads()).isEmpty();
    }

    @Test
    void anAnswerFromAnotherTermConfirmsNothing() {
        commitTheNoOp();
        leader.readIndex(7);
        done(leader);

        Ready old = feed(leader, new AppendEntriesResponse(2, 1, 1, true, 2, 0, 1));

        assertThat(old.reads()).isEmpty();
    }

    @Test
    void aLeaderThatStepsDownRefusesTheReadsItCouldNotConfirm() {
        commitTheNoOp();
        leader.readIndex(7);
        done(leader);

        Ready deposed = feed(leader, new AppendEntries(3, 1, 3, 3, 2, List.of(), 3));

        assertThat(leader.role()).isEqualTo(Role.FOLLOWER);
        assertThat(deposed.reads()).isEmpty();
        assertThat(deposed.readsRefused()).containsExactly(7L);
        assertThat(done(leader).readsRefused()).isEmpty(); // said once
    }

    @Test
    void aLeaderAloneAnswersAtOnce() {
        var alone = leader(1, 1, 0);
        alone.readIndex(7);
        assertThat(done(alone).reads()).containsExactly(7L);
    }

    @Test
    void theDriverAnswersReadsAfterApplyingTheEntriesOfTheSameReady() {
        var steps = new ArrayList<String>();
        var disk = new MemoryDisk();
        var node = new RaftNode(1, Membership.ofSize(1), PLAIN, disk.durableStorage(), disk.durableTermVote(),
                new SplittableRandom(1));
        var driver = new Driver(node, disk, (index, command) -> new byte[0], new Driver.Outbox() {
            @Override
            public void send(Message message) {
            }

            @Override
            public void applied(Applied applied) {
                steps.add("apply " + applied.index());
            }

            @Override
            public void read(long readId, boolean answerable) {
                steps.add("read " + readId);
            }
        });
        Nodes.tickUntilItActs(node); // leads at once: it is alone; its no-op is written but not applied

        node.readIndex(7);
        driver.flush();

        assertThat(steps).containsExactly("apply 1", "read 7");
    }

    @Test
    void inAClusterAnOldLeaderCutOffCannotAnswerWhileTheNewOneAnswersWithWhatItCommitted() {
        assertThat(staleRead(PLAIN)).isEmpty();
    }

    @Test
    void withTheFlawTheOldLeaderCutOffAnswersWithoutWhatTheNewOneCommitted() {
        assertThat(staleRead(PLAIN.withFlaws(Flaw.READ_WITHOUT_CONFIRMING_LEADERSHIP))).isNotEmpty();
    }

    @Test
    void withTheFlawALeaderAnswersWithoutAskingAnyone() {
        var flawed = node(1, 3, PLAIN.withFlaws(Flaw.READ_WITHOUT_CONFIRMING_LEADERSHIP), new TermVote(2, RaftNode.NONE), 1, 1, 2);
        Nodes.tickUntilItActs(flawed);
        feed(flawed, new RequestVoteResponse(2, 1, 3, true, false));
        feed(flawed, new AppendEntriesResponse(2, 1, 3, true, 4, 0, 0));
        assertThat(flawed.commitIndex()).isEqualTo(4);

        flawed.readIndex(7);
        Ready ready = done(flawed);

        assertThat(ready.reads()).containsExactly(7L);
        assertThat(ready.messages()).isEmpty(); // nobody was asked
    }

    /**
     * The flaw's scenario (Part 6's {@link FlawsTest} has the others): the leader is cut off, the
     * rest elect a new one that commits a write, and a client reads from each. Returns the damage:
     * a read answered from a state machine that lacks an entry committed before the read came in.
     */
    static List<String> staleRead(Settings settings) {
        var cluster = Cluster.of(3, settings, 5);
        int old = cluster.awaitLeader(100).id();
        cluster.net().isolate(old);
        int next = old % 3 + 1;
        cluster.timeout(next);
        assertThat(cluster.node(next).role()).isEqualTo(Role.LEADER);
        cluster.propose(next, "SET x 2");
        cluster.deliverAll();
        long written = cluster.node(next).commitIndex();

        cluster.read(old, 1);
        cluster.deliverAll();
        cluster.read(next, 2);
        cluster.deliverAll();

        var damage = new ArrayList<String>();
        if (cluster.reads(old).getOrDefault(1L, false) && cluster.node(old).lastApplied() < written) {
            damage.add("n" + old + ", cut off, answered a read with entries up to " + cluster.node(old).lastApplied()
                    + " applied, after n" + next + " committed " + written);
        }
        // Without the flaw: the new leader answers, the old one does once it learns it lost office.
        assertThat(cluster.reads(next)).isEqualTo(Map.of(2L, true));
        assertThat(cluster.node(next).lastApplied()).isGreaterThanOrEqualTo(written);
        if (!settings.has(Flaw.READ_WITHOUT_CONFIRMING_LEADERSHIP)) {
            assertThat(cluster.node(old).role()).isEqualTo(Role.LEADER); // it does not know yet
            assertThat(cluster.reads(old)).isEmpty();
            cluster.net().heal();
            cluster.run(3);
            assertThat(cluster.reads(old)).isEqualTo(Map.of(1L, false));
        }
        return damage;
    }

    /** n2 and n3 acknowledge the no-op (round 0): index 3 is committed. */
    private void commitTheNoOp() {
        feed(leader, success(2, 3, 0));
        feed(leader, success(3, 3, 0));
        assertThat(leader.commitIndex()).isEqualTo(3);
    }

    private static AppendEntriesResponse success(int from, long match, long round) {
        return new AppendEntriesResponse(from, 1, 2, true, match, 0, round);
    }

    private static AppendEntriesResponse refusal(int from, long hint, long round) {
        return new AppendEntriesResponse(from, 1, 2, false, 0, hint, round);
    }
}
