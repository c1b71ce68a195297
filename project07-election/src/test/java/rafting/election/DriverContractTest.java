package rafting.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rafting.election.Nodes.PLAIN;
import static rafting.election.Nodes.entries;
import static rafting.election.Nodes.leader;
import static rafting.election.Nodes.node;
import static rafting.election.Scripts.electAlone;

import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.consensus.Membership;
import rafting.log.MemoryLogStorage;
import rafting.log.RaftLog;
import rafting.replication.AppendEntries;
import rafting.replication.AppendEntriesResponse;
import rafting.replication.RequestVote;
import rafting.replication.RequestVoteResponse;

/** What the driver and the node promise each other: durability first, group commit, restarts, determinism. */
@Tag("part4")
class DriverContractTest {

    private static final int NONE_VOTE = RaftNode.NONE;

    @Test
    void manyInputsComeOutAsOneReadyWithOneSync_groupCommit() {
        var node = leader(1, 3, 1);
        node.receive(AppendEntriesResponse.success(2, 1, 2, 1));
        node.receive(AppendEntriesResponse.success(3, 1, 2, 1));
        for (int i = 0; i < 100; i++) {
            node.propose("set k" + i + " " + i);
        }

        Ready ready = Nodes.done(node);

        assertThat(ready.needsSync()).isTrue();
        assertThat(ready.writesLog()).isTrue();
        assertThat(ready.sendAfterSync()).isEmpty();
        assertThat(ready.sendNow()).as("64 and 36 commands to each follower, before the leader's own sync").hasSize(4)
                .allSatisfy(m -> assertThat(((AppendEntries) m).entries()).hasSizeLessThanOrEqualTo(64));
        assertThat(Nodes.done(node).isEmpty()).as("everything was handed out once").isTrue();
    }

    @Test
    void aReadyAfterNothingIsEmptyAndNeedsNoSync() {
        var node = node(1, 3, PLAIN, new TermVote(2, 3));
        Ready ready = Nodes.done(node);
        assertThat(ready.isEmpty()).isTrue();
        assertThat(ready.needsSync()).isFalse();
        assertThat(ready).hasToString("0 now + 0 after sync");
    }

    @Test
    void aRestartedServerRemembersItsVoteAndDoesNotVoteAgainInThatTerm() {
        var cluster = Cluster.of(3, PLAIN, 1);
        cluster.net().cut(1, 2);
        cluster.net().cut(2, 1);
        electAlone(cluster, 1, 1);
        assertThat(cluster.node(3).votedFor()).isEqualTo(1);

        cluster.crash(3);
        cluster.restart(3);
        assertThat(cluster.node(3).termVote()).isEqualTo(new TermVote(1, 1));
        electAlone(cluster, 2, 1);

        assertThat(cluster.node(2).role()).as("n3 refused: its vote of term 1 was durable").isNotEqualTo(Role.LEADER);
    }

    @Test
    void aRestartedFollowerKeepsItsLogCatchesUpAndAppliesEverythingAgain() {
        var cluster = Cluster.of(3, 5);
        RaftNode leader = cluster.awaitLeader(100);
        int follower = leader.id() % 3 + 1;
        cluster.propose(leader.id(), "a");
        cluster.run(5);
        cluster.crash(follower);
        cluster.propose(leader.id(), "b");
        cluster.run(5);

        cluster.restart(follower);
        RaftNode restarted = cluster.node(follower);
        assertThat(restarted.log().entries()).extracting(e -> e.text()).containsExactly("", "a");
        assertThat(restarted.commitIndex()).as("volatile: learned again").isZero();
        cluster.run(10);

        assertThat(cluster.applied(follower)).extracting(a -> a.entry().text()).containsExactly("", "a", "b");
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        assertThat(scriptedRun(77)).isEqualTo(scriptedRun(77));
    }

    @Test
    void differentSeedsGiveDifferentTimeouts() {
        var timeouts = new HashSet<Integer>();
        for (long seed = 0; seed < 10; seed++) {
            timeouts.add(RaftNode.create(1, Membership.ofSize(3), Settings.defaults(), new SplittableRandom(seed)).electionTimeout());
        }
        assertThat(timeouts).hasSizeGreaterThan(1);
    }

    private static String scriptedRun(long seed) {
        var cluster = Cluster.of(5, seed);
        var trace = new StringBuilder();
        for (int tick = 0; tick < 300; tick++) {
            cluster.tick();
            trace.append(cluster.net()).append('\n');
            cluster.deliverAll();
            if (tick % 40 == 39) {
                cluster.leader().ifPresent(leader -> cluster.crash(leader.id()));
            }
            if (tick % 40 == 0) {
                cluster.members().members().stream().filter(id -> !cluster.isUp(id)).forEach(cluster::restart);
            }
            cluster.leader().ifPresent(leader -> cluster.propose(leader.id(), "c"));
        }
        return trace.append(cluster).toString();
    }

    @Test
    void nodesThatReachTheSameStateHaveEqualKeys_andDifferentStatesDifferentKeys() {
        var settings = Settings.defaults().withElectionTicks(3, 3).withHeartbeatTicks(1);
        var a = node(1, 3, settings, new TermVote(2, NONE_VOTE), 1, 2);
        var b = node(1, 3, settings, new TermVote(2, NONE_VOTE), 1, 2);
        for (var node : List.of(a, b)) {
            node.receive(new AppendEntries(2, 1, 2, 2, 2, entries(1, 2, 2).subList(2, 3), 3));
            node.tick();
            Nodes.done(node);
        }
        assertThat(a.key()).isEqualTo(b.key()).hasSameHashCodeAs(b.key());

        b.tick();
        Nodes.done(b);
        assertThat(a.key()).isNotEqualTo(b.key());
        a.tick();
        Nodes.done(a);
        assertThat(a.key()).isEqualTo(b.key());

        a.receive(new AppendEntries(2, 1, 2, 3, 2, entries(1, 2, 2, 2).subList(3, 4), 3));
        Nodes.done(a);
        assertThat(a.key()).isNotEqualTo(b.key());
    }

    @Test
    void aCopyReactsLikeItsOriginalAndThenGoesOnApart() {
        var settings = Settings.defaults().withElectionTicks(4, 8).withHeartbeatTicks(1);
        var cluster = Cluster.of(3, settings, 5);
        RaftNode original = cluster.awaitLeader(100); // a leader draws no timeout: the copy's random decides nothing
        cluster.propose(original.id(), "set x 1");
        cluster.tick(original.id()); // a heartbeat out, the answers still in flight: progress half known
        RaftNode copy = original.copy(new SplittableRandom(99));
        assertThat(copy.key()).isEqualTo(original.key());

        original.propose("set y 2".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        copy.propose("set y 2".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int tick = 0; tick < 6; tick++) {
            original.tick();
            copy.tick();
            Ready fromOriginal = original.ready();
            Ready fromCopy = copy.ready();
            assertThat(fromCopy).as("tick %d", tick).isEqualTo(fromOriginal);
            original.advance(fromOriginal);
            copy.advance(fromCopy);
        }
        assertThat(copy.key()).isEqualTo(original.key());

        NodeKey before = copy.key();
        original.propose("set z 3".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Nodes.done(original);
        assertThat(copy.key()).as("the copy, after its original went on").isEqualTo(before);
        assertThat(original.key()).isNotEqualTo(before);
    }

    @Test
    void aLogAheadOfTheSavedTermStartsTheNodeAtTheLogsTerm_withNoVote_savedFirst() {
        var log = new MemoryLogStorage();
        log.append(entries(1, 3)); // entries of term 3 reached the disk, the record of term 3 did not
        var node = new RaftNode(1, Membership.ofSize(3), PLAIN, log, new TermVote(2, 2), new SplittableRandom(1));

        assertThat(node.termVote()).isEqualTo(new TermVote(3, RaftNode.NONE));
        assertThat(node.ready().termVote()).as("saved before anything else").isEqualTo(new TermVote(3, RaftNode.NONE));
    }

    @Test
    void aNodeRefusesAnInconsistentDurableState() {
        var cluster = Membership.ofSize(3);
        assertThat(RaftNode.create(3, cluster, PLAIN, new SplittableRandom(1)).id()).as("a member").isEqualTo(3);
        assertThatThrownBy(() -> RaftNode.create(4, cluster, PLAIN, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("server 4 is not a member of [1, 2, 3]");
        assertThatThrownBy(() -> new RaftNode(1, cluster, PLAIN, new MemoryLogStorage(), new TermVote(2, 9), new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsAreCheckedAndReadable() {
        assertThatThrownBy(() -> Settings.defaults().withElectionTicks(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Settings.defaults().withHeartbeatTicks(10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heartbeatTicks < electionTicksMin");
        assertThatThrownBy(() -> Settings.defaults().withMaxBatch(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Settings.defaults().preVote()).isTrue();
        assertThat(Settings.defaults().checkQuorum()).isTrue();
    }

    @Test
    void theStateReadsAsOneLine() {
        var node = leader(2, 3, 2, 1, 2);
        assertThat(node.state()).hasToString("n2 leader t=3 vote=2 leader=2 commit=0 applied=0 last=3/3");
        assertThat(node.state().role()).isEqualTo(Role.LEADER);
        assertThat(node.progress()).containsOnlyKeys(1, 3);
        assertThat(Role.PRE_CANDIDATE).hasToString("pre-candidate");
        assertThat(new RequestVoteResponse(1, 2, 3, true, false).toString()).isEqualTo("1->2 RequestVoteResponse t=3 granted");
        assertThat(List.of(new RequestVote(1, 2, 3, 0, 0, true))).hasToString("[1->2 PreVote t=3 last=0/0]");
    }
}
