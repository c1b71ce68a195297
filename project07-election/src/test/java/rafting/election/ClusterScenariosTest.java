package rafting.election;

import static org.assertj.core.api.Assertions.assertThat;
import static rafting.election.Scripts.appliedConflicts;
import static rafting.election.Scripts.logsAgree;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import rafting.log.LogEntry;

/** Whole clusters on the in-memory network: elections, replacements, healing. */
@Tag("part4")
class ClusterScenariosTest {

    @ParameterizedTest(name = "{0} servers")
    @ValueSource(ints = {1, 3, 5, 7})
    void aClusterElectsOneLeaderAndEveryServerFollowsIt(int size) {
        for (long seed = 0; seed < 20; seed++) {
            var cluster = Cluster.of(size, seed);
            RaftNode leader = cluster.awaitLeader(200);
            cluster.run(20);

            assertThat(cluster.leader()).as("seed " + seed).containsSame(leader);
            for (int id = 1; id <= size; id++) {
                assertThat(cluster.node(id).leaderId()).as("seed " + seed + " n" + id).isEqualTo(leader.id());
                assertThat(cluster.node(id).term()).isEqualTo(leader.term());
            }
        }
    }

    @Test
    void splitVotesStillConvergeToOneLeader() {
        // Timeouts of 10 or 11 ticks with no pre-vote: candidates often collide and split the vote.
        var settings = Settings.defaults().withElectionTicks(10, 11).withPreVote(false).withCheckQuorum(false);
        int splits = 0;
        for (long seed = 0; seed < 30; seed++) {
            var cluster = Cluster.of(5, settings, seed);
            var leadersByTerm = new HashMap<Long, Integer>();
            for (int tick = 0; tick < 2_000 && cluster.leader().isEmpty(); tick++) {
                cluster.run(1);
                recordLeaders(cluster, leadersByTerm);
            }
            RaftNode leader = cluster.leader().orElseThrow(() -> new AssertionError("no leader"));
            if (leader.term() > 1) {
                splits++;
            }
            cluster.run(30);
            recordLeaders(cluster, leadersByTerm);
            assertThat(cluster.leader()).containsSame(leader);
        }
        assertThat(splits).as("runs in which the first election failed").isPositive();
    }

    @Test
    void aLeaderIsolatedIsReplaced_andOnceHealedItFollowsAndLosesWhatItAcceptedAlone() {
        var cluster = Cluster.of(5, 21);
        RaftNode old = cluster.awaitLeader(200);
        cluster.propose(old.id(), "set a 1");
        cluster.run(5);

        cluster.net().isolate(old.id());
        Proposal lost = cluster.propose(old.id(), "set b 2");
        assertThat(lost.accepted()).as("it still thinks it leads").isTrue();
        cluster.run(60);
        RaftNode next = cluster.awaitLeader(200);
        assertThat(next).isNotSameAs(old);
        cluster.propose(next.id(), "set c 3");
        cluster.run(5);

        cluster.net().heal();
        cluster.run(20);

        assertThat(old.role()).isEqualTo(Role.FOLLOWER);
        assertThat(old.leaderId()).isEqualTo(next.id());
        assertThat(logsAgree(cluster)).as(cluster.toString()).isTrue();
        assertThat(old.log().entry(lost.index()).term()).as("the client of 'set b 2' learns it was lost")
                .isNotEqualTo(lost.term());
        assertThat(old.log().entries()).doesNotContain(LogEntry.of(lost.term(), "set b 2"));
        assertThat(cluster.applied(old.id())).extracting(a -> a.entry().text()).contains("set a 1", "set c 3");
        assertThat(appliedConflicts(cluster)).isEmpty();
    }

    @Test
    void committedEntriesSurviveOneLeaderCrashAfterAnother() {
        var cluster = Cluster.of(5, 31);
        for (int round = 0; round < 6; round++) {
            RaftNode leader = cluster.awaitLeader(300);
            cluster.propose(leader.id(), "round " + round);
            cluster.run(5);
            cluster.crash(leader.id());
            cluster.run(40);
            cluster.restart(leader.id());
        }
        cluster.run(60);

        assertThat(logsAgree(cluster)).as(cluster.toString()).isTrue();
        RaftNode leader = cluster.awaitLeader(100);
        assertThat(leader.log().entries()).extracting(LogEntry::text)
                .contains("round 0", "round 1", "round 2", "round 3", "round 4", "round 5");
        assertThat(appliedConflicts(cluster)).isEmpty();
    }

    private static void recordLeaders(Cluster cluster, Map<Long, Integer> leadersByTerm) {
        for (int id : cluster.members().members()) {
            RaftNode node = cluster.node(id);
            if (node.role() == Role.LEADER) {
                Integer before = leadersByTerm.putIfAbsent(node.term(), id);
                assertThat(before == null || before == id).as("two leaders in term " + node.term()).isTrue();
            }
        }
    }
}
