package rafting.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rafting.election.Nodes.PLAIN;
import static rafting.election.Nodes.done;
import static rafting.election.Nodes.feed;
import static rafting.election.Nodes.leader;
import static rafting.election.Nodes.node;
import static rafting.election.Nodes.terms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rafting.replication.AppendEntries;
import rafting.replication.AppendEntriesResponse;
import rafting.replication.InstallSnapshot;
import rafting.replication.InstallSnapshotResponse;
import rafting.replication.Message;

/**
 * Snapshots and log compaction (§7, Figure 13, Project 11): the driver snapshots the state
 * machine and the node forgets its log up to there; a leader brings a follower that needs the
 * forgotten entries up to date with its snapshot, in chunks.
 */
@Tag("part8")
class SnapshotTest {

    private static final byte[] TEN_BYTES = "0123456789".getBytes(StandardCharsets.UTF_8);

    // ---------------------------------------------------------------- compaction

    @Test
    void aNodeForgetsItsLogUpToTheSnapshotItsDriverTook() {
        RaftNode leader = leaderThatApplied(5); // log [1, 1, 1, 1, 2:no-op], all applied
        leader.compact(new Snapshot(4, 1, TEN_BYTES));

        assertThat(leader.log().firstIndex()).isEqualTo(5);
        assertThat(leader.log().termAt(4)).isEqualTo(1);
        assertThat(leader.snapshot().index()).isEqualTo(4);
        assertThat(done(leader).isEmpty()).as("nothing to write: the driver stored the snapshot").isTrue();
    }

    @Test
    void aSnapshotMustEndOnAnAppliedEntryOfItsTermAfterTheLastOne() {
        RaftNode leader = leaderThatApplied(5);
        leader.compact(new Snapshot(2, 1, TEN_BYTES));
        assertThatThrownBy(() -> leader.compact(new Snapshot(2, 1, TEN_BYTES))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("its snapshot ends at 2");
        assertThatThrownBy(() -> leader.compact(new Snapshot(4, 2, TEN_BYTES))).as("entry 4 is of term 1")
                .isInstanceOf(IllegalArgumentException.class);
        leader.propose("x");
        leader.ready();
        assertThatThrownBy(() -> leader.compact(new Snapshot(5, 2, TEN_BYTES))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNodeRestartsFromItsSnapshotWithItsIndexCommittedAndAppliedAndOnlyTheTailInItsLog() {
        var disk = new MemoryDisk(new TermVote(2, 1), Nodes.entries(1, 1, 1, 2, 2));
        disk.saveSnapshot(new Snapshot(3, 1, TEN_BYTES));

        var node = new RaftNode(1, rafting.consensus.Membership.ofSize(3), PLAIN, disk.snapshot(), disk.durableStorage(),
                disk.durableTermVote(), new java.util.SplittableRandom(1));

        assertThat(node.commitIndex()).isEqualTo(3);
        assertThat(node.lastApplied()).isEqualTo(3);
        assertThat(node.log().firstIndex()).isEqualTo(4);
        assertThat(terms(node)).containsExactly(2L, 2L);
        assertThat(done(node).committed()).as("the snapshot's entries are not applied again").isEmpty();
    }

    @Test
    void aNodeRestartedBeforeItsLogWasCompactedCompactsItAndDeletesWhatConflictsWithTheSnapshot() {
        // A crash after the snapshot was stored and before the log's conflicting tail was deleted.
        var storage = new rafting.log.MemoryLogStorage();
        storage.append(Nodes.entries(1, 1, 2, 2));
        var node = new RaftNode(2, rafting.consensus.Membership.ofSize(3), PLAIN, new Snapshot(3, 3, TEN_BYTES), storage,
                new TermVote(3, RaftNode.NONE), new java.util.SplittableRandom(2));

        assertThat(node.log().firstIndex()).isEqualTo(4);
        assertThat(node.log().lastIndex()).isEqualTo(3);
        assertThat(node.log().lastTerm()).isEqualTo(3);
        Ready ready = done(node);
        assertThat(ready.writeFrom()).as("delete the stored entries after the snapshot").isEqualTo(4);
        assertThat(ready.entries()).isEmpty();
    }

    // ---------------------------------------------------------------- the leader sends

    @Test
    void aLeaderSendsItsSnapshotInChunksToAFollowerThatNeedsCompactedEntries() {
        RaftNode leader = leaderThatApplied(5);
        leader.compact(new Snapshot(4, 1, TEN_BYTES));

        List<Message> sent = feed(leader, AppendEntriesResponse.refusal(2, 1, 2, 1)).messages();

        assertThat(sent).singleElement().isEqualTo(
                new InstallSnapshot(1, 2, 2, 4, 1, 0, "01234567".getBytes(StandardCharsets.UTF_8), false));
        assertThat(feed(leader, new InstallSnapshotResponse(2, 1, 2, 4, 8, false)).messages()).singleElement()
                .isEqualTo(new InstallSnapshot(1, 2, 2, 4, 1, 8, "89".getBytes(StandardCharsets.UTF_8), true));
    }

    @Test
    void aLeaderSendsTheChunkInFlightAgainAtTheNextHeartbeatAndOnlyThen() {
        RaftNode leader = leaderThatApplied(5);
        leader.compact(new Snapshot(4, 1, TEN_BYTES));
        InstallSnapshot first = (InstallSnapshot) feed(leader, AppendEntriesResponse.refusal(2, 1, 2, 1)).messages().get(0);

        assertThat(feed(leader, AppendEntriesResponse.success(3, 1, 2, 5)).messages()).as("not while it waits").isEmpty();
        List<Message> heartbeat = Nodes.tickUntilItActs(leader).messages();

        assertThat(heartbeat).contains(first);
        assertThat(heartbeat).filteredOn(m -> m.to() == 2).singleElement().isInstanceOf(InstallSnapshot.class);
    }

    @Test
    void aFollowerThatInstalledTheSnapshotIsReplicatedFromTheEntryAfterIt() {
        RaftNode leader = leaderThatApplied(5);
        leader.compact(new Snapshot(4, 1, TEN_BYTES));
        feed(leader, AppendEntriesResponse.refusal(2, 1, 2, 1));

        List<Message> next = feed(leader, new InstallSnapshotResponse(2, 1, 2, 4, 0, true)).messages();

        assertThat(leader.progress().get(2).matchIndex()).isEqualTo(4);
        assertThat(next).singleElement().isInstanceOfSatisfying(AppendEntries.class, request -> {
            assertThat(request.prevLogIndex()).isEqualTo(4);
            assertThat(request.entries()).hasSize(1);
        });
    }

    @Test
    void anAnswerAboutAnOlderSnapshotStartsTheNewOneFromItsFirstByte() {
        RaftNode leader = leaderThatApplied(5);
        leader.compact(new Snapshot(3, 1, TEN_BYTES));
        feed(leader, AppendEntriesResponse.refusal(2, 1, 2, 1));
        leader.compact(new Snapshot(4, 1, "abc".getBytes(StandardCharsets.UTF_8)));

        assertThat(feed(leader, new InstallSnapshotResponse(2, 1, 2, 3, 8, false)).messages()).singleElement()
                .isEqualTo(new InstallSnapshot(1, 2, 2, 4, 1, 0, "abc".getBytes(StandardCharsets.UTF_8), true));
    }

    @Test
    void aFollowerAnsweringWithAHigherTermDeposesTheLeader() {
        RaftNode leader = leaderThatApplied(5);
        feed(leader, new InstallSnapshotResponse(2, 1, 9, 4, 0, false));
        assertThat(leader.role()).isEqualTo(Role.FOLLOWER);
        assertThat(leader.term()).isEqualTo(9);
    }

    // ---------------------------------------------------------------- the follower takes

    @Test
    void aFollowerGathersTheChunksInOrderAndHandsTheWholeSnapshotToItsDriver() {
        RaftNode follower = node(2, 3, PLAIN, new TermVote(2, RaftNode.NONE));

        Ready first = feed(follower, chunk(0, "01234567", false));
        assertThat(first.messages()).containsExactly(new InstallSnapshotResponse(2, 1, 2, 4, 8, false));
        assertThat(first.snapshot()).isNull();

        Ready last = feed(follower, chunk(8, "89", true));
        assertThat(last.snapshot()).isEqualTo(new Snapshot(4, 1, TEN_BYTES));
        assertThat(last.needsSync()).isTrue();
        assertThat(last.sendAfterSync()).as("answered once stored")
                .containsExactly(new InstallSnapshotResponse(2, 1, 2, 4, 0, true));
        assertThat(follower.commitIndex()).isEqualTo(4);
        assertThat(follower.lastApplied()).isEqualTo(4);
        assertThat(follower.log().firstIndex()).isEqualTo(5);
        assertThat(follower.leaderId()).isEqualTo(1);
    }

    @ParameterizedTest(name = "a chunk at byte {0}")
    @ValueSource(ints = {2, 4})
    void aChunkOutOfOrderIsLeftOutAndTheAnswerNamesTheByteExpected(int offset) {
        RaftNode follower = node(2, 3, PLAIN, new TermVote(2, RaftNode.NONE));
        feed(follower, chunk(0, "0123", false));

        Ready ready = feed(follower, chunk(offset == 4 ? 6 : offset, "xy", true)); // a lost chunk, or a repeated one

        assertThat(ready.snapshot()).isNull();
        assertThat(ready.messages()).containsExactly(new InstallSnapshotResponse(2, 1, 2, 4, 4, false));
        assertThat(feed(follower, chunk(4, "456789", true)).snapshot()).isEqualTo(new Snapshot(4, 1, TEN_BYTES));
    }

    @Test
    void aRepeatedFirstChunkDoesNotStartTheSnapshotOver() {
        RaftNode follower = node(2, 3, PLAIN, new TermVote(2, RaftNode.NONE));
        feed(follower, chunk(0, "01234567", false));

        assertThat(feed(follower, chunk(0, "01234567", false)).messages())
                .containsExactly(new InstallSnapshotResponse(2, 1, 2, 4, 8, false));
        assertThat(feed(follower, chunk(8, "89", true)).snapshot()).isEqualTo(new Snapshot(4, 1, TEN_BYTES));
    }

    @Test
    void aChunkOfASnapshotNotBegunAsksForTheFirstByte() {
        RaftNode follower = node(2, 3, PLAIN, new TermVote(2, RaftNode.NONE));
        assertThat(feed(follower, chunk(8, "89", true)).messages())
                .containsExactly(new InstallSnapshotResponse(2, 1, 2, 4, 0, false));
    }

    @Test
    void aStaleOrRepeatedSnapshotOfCommittedEntriesIsAnsweredAsInstalledAndChangesNothing() {
        RaftNode follower = node(2, 3, PLAIN, new TermVote(2, RaftNode.NONE), 1, 1, 1, 1, 2);
        feed(follower, new AppendEntries(1, 2, 2, 5, 2, List.of(), 5));
        assertThat(follower.commitIndex()).isEqualTo(5);

        Ready ready = feed(follower, chunk(0, "0123456789", true));

        assertThat(ready.snapshot()).isNull();
        assertThat(ready.messages()).containsExactly(new InstallSnapshotResponse(2, 1, 2, 4, 0, true));
        assertThat(follower.log().firstIndex()).isEqualTo(1);
    }

    @Test
    void aSnapshotFromAnOlderTermIsRefusedWithTheFollowersTerm() {
        RaftNode follower = node(2, 3, PLAIN, new TermVote(5, RaftNode.NONE));
        Ready ready = feed(follower, chunk(0, "0123456789", true));
        assertThat(ready.snapshot()).isNull();
        assertThat(ready.messages()).containsExactly(new InstallSnapshotResponse(2, 1, 5, 4, 0, false));
    }

    @Test
    void aFollowerWhoseLogHoldsTheSnapshotsLastEntryKeepsTheEntriesAfterIt() {
        RaftNode follower = node(2, 3, PLAIN, new TermVote(2, RaftNode.NONE), 1, 1, 1, 1, 2, 2);
        Ready ready = feed(follower, chunk(0, "0123456789", true));
        assertThat(ready.snapshot()).isNotNull();
        assertThat(follower.log().firstIndex()).isEqualTo(5);
        assertThat(terms(follower)).containsExactly(2L, 2L);
        assertThat(follower.commitIndex()).as("the kept entries are not committed by this").isEqualTo(4);
    }

    @Test
    void aFollowerWhoseLogConflictsWithTheSnapshotDiscardsItAll() {
        RaftNode follower = node(2, 3, PLAIN, new TermVote(2, RaftNode.NONE), 1, 1, 2, 2, 2, 2);
        Ready ready = feed(follower, chunk(0, "0123456789", true));
        assertThat(ready.snapshot()).isNotNull();
        assertThat(follower.log().entries()).isEmpty();
        assertThat(follower.log().lastIndex()).isEqualTo(4);
        assertThat(ready.writeFrom()).as("the stored log goes from the snapshot on").isEqualTo(5);
    }

    // ---------------------------------------------------------------- the driver, and a cluster

    @Test
    void theDriverTakesASnapshotOnceTheLogSinceTheLastOnePassesTheThreshold() {
        var cluster = Cluster.of(3, snapshots(), 3);
        RaftNode leader = cluster.awaitLeader(100);
        for (int i = 1; i <= 3; i++) {
            cluster.propose(leader.id(), "SET k" + i + " " + i);
            cluster.deliverAll();
        }
        cluster.run(2); // the followers learn the commit index

        for (int id = 1; id <= 3; id++) {
            assertThat(cluster.node(id).snapshot().index()).as("n" + id).isEqualTo(4); // the no-op and three writes
            assertThat(cluster.disk(id).snapshot()).isEqualTo(cluster.node(id).snapshot());
            assertThat(cluster.node(id).log().firstIndex()).isEqualTo(5);
            assertThat(cluster.state(id)).containsExactly("SET k1 1", "SET k2 2", "SET k3 3");
        }
    }

    @Test
    void aFollowerDownWhileTheLogWasCompactedCatchesUpBySnapshot() {
        var cluster = Cluster.of(3, snapshots(), 3);
        int leader = cluster.awaitLeader(100).id();
        int down = leader % 3 + 1;
        cluster.crash(down);
        for (int i = 1; i <= 9; i++) {
            cluster.propose(leader, "SET k" + i + " " + i);
            cluster.deliverAll();
        }
        assertThat(cluster.node(leader).log().firstIndex()).as("compacted past what n" + down + " holds").isGreaterThan(2);

        cluster.restart(down);
        cluster.run(10);

        assertThat(cluster.node(down).snapshot().index()).isGreaterThan(0);
        assertThat(cluster.state(down)).isEqualTo(cluster.state(leader)).hasSize(9);
        assertThat(cluster.node(down).commitIndex()).isEqualTo(cluster.node(leader).commitIndex());
    }

    @Test
    void aServerRestartedFromItsSnapshotHoldsTheSameStateAsBefore() {
        var cluster = Cluster.of(3, snapshots(), 4);
        int leader = cluster.awaitLeader(100).id();
        for (int i = 1; i <= 6; i++) {
            cluster.propose(leader, "SET k" + i + " " + i);
            cluster.deliverAll();
        }
        cluster.run(2);
        int follower = leader % 3 + 1;
        List<String> before = cluster.state(follower);

        cluster.crash(follower);
        cluster.restart(follower);

        assertThat(cluster.node(follower).snapshot().index()).isGreaterThan(0);
        assertThat(cluster.state(follower)).as("restored before a single entry is applied again")
                .isEqualTo(before.subList(0, (int) cluster.node(follower).snapshot().index() - 1));
        cluster.run(3);
        assertThat(cluster.state(follower)).isEqualTo(before);
    }

    @Test
    void withTheRuleAFollowerThatDivergedTakesTheLeadersSnapshotAndEndsWithItsState() {
        assertThat(keptLogDamage(snapshots())).isEmpty();
    }

    @Test
    void withTheFlawAFollowerThatDivergedKeepsItsOwnEntriesAndAppliesThem() {
        assertThat(keptLogDamage(snapshots().withFlaws(Flaw.KEEP_LOG_ON_SNAPSHOT))).isNotEmpty();
    }

    /**
     * {@link Flaw#KEEP_LOG_ON_SNAPSHOT}'s scenario (Part 6's {@link FlawsTest} has the others): a
     * leader cut off takes writes that nobody else gets; the rest elect a new leader that commits
     * other writes and compacts past where the two logs part, though not past the old leader's
     * last entry; the old leader comes back and is sent the snapshot. Returns the damage: a server
     * whose state machine holds other commands than the leader's.
     */
    static List<String> keptLogDamage(Settings settings) {
        var cluster = Cluster.of(3, settings, 7);
        int old = cluster.awaitLeader(100).id();
        cluster.net().isolate(old);
        for (int i = 1; i <= 12; i++) {
            cluster.propose(old, "SET lost" + i + " " + i); // never committed
        }
        cluster.deliverAll();
        int next = old % 3 + 1;
        cluster.timeout(next);
        assertThat(cluster.node(next).role()).isEqualTo(Role.LEADER);
        for (int i = 1; i <= 8; i++) {
            cluster.propose(next, "SET k" + i + " " + i);
            cluster.deliverAll();
        }
        long compacted = cluster.node(next).log().firstIndex() - 1;
        assertThat(compacted).as("past where the two logs part").isGreaterThan(2);
        assertThat(cluster.node(old).log().lastIndex()).as("but not past the old leader's log").isGreaterThan(compacted);

        cluster.net().heal();
        for (int tick = 0; tick < 20; tick++) {
            cluster.tick();
            // Message by message, and a bounded number: with the flaw the two never agree and never go quiet.
            for (int i = 0; i < 100 && cluster.net().deliverOne(); i++) {
            }
        }

        var damage = new ArrayList<String>();
        if (!cluster.state(old).equals(cluster.state(next))) {
            damage.add("n" + old + " holds " + cluster.state(old) + " where the leader n" + next + " holds "
                    + cluster.state(next));
        }
        return damage;
    }

    // ---------------------------------------------------------------- helpers

    /** The paper's Raft, a snapshot every 4 entries, sent in chunks of 8 bytes. */
    private static Settings snapshots() {
        return PLAIN.withSnapshots(new Settings.Snapshots(4, 0, 8));
    }

    /** A chunk of n1's snapshot at term 2 that ends at 4/1, for n2. */
    private static InstallSnapshot chunk(long offset, String bytes, boolean done) {
        return new InstallSnapshot(1, 2, 2, 4, 1, offset, bytes.getBytes(StandardCharsets.UTF_8), done);
    }

    /** n1 leading 1..3 at term 2, its log [1, 1, 1, 1, 2:no-op] committed and applied up to {@code applied}. */
    private static RaftNode leaderThatApplied(long applied) {
        RaftNode leader = leader(1, 3, snapshots(), 1, 1, 1, 1, 1);
        feed(leader, AppendEntriesResponse.success(3, 1, 2, 5));
        assertThat(leader.lastApplied()).isEqualTo(applied);
        return leader;
    }
}
