package rafting.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static rafting.consensus.Logs.withTerms;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rafting.log.RaftLog;
import rafting.replication.AppendEntries;

/**
 * Part 4: the follower's commit rule, and a fixed leader with commitment on the in-memory network:
 * Figure 8, followers learning the commit index, junk that is never committed.
 */
@Tag("part4")
class CommitTest {

    @Test
    void figure8_anEntryOfAnEarlierTermIsNotCommittedByCountingReplicas_untilOneOfTheCurrentTermIs() {
        // Figure 8 (c): S1 leads in term 4 and has replicated its entry of term 2 to S2 and S3, a
        // majority of five. S5 still holds an entry of term 3 at index 2.
        var cluster = new Cluster(4, withTerms(1, 2), withTerms(1, 2), withTerms(1), withTerms(1), withTerms(1, 3));
        cluster.net.isolate(4);
        cluster.net.isolate(5);
        cluster.replicateAndSettle();

        assertThat(cluster.server(3).log.entries()).isEqualTo(cluster.server(1).log.entries());
        assertThat(CommitRule.replicatedOnQuorum(cluster.leader, cluster.server(1).log.lastIndex(), cluster.settings)).isEqualTo(2);
        assertThat(cluster.server(1).commitIndex).as("index 2 is on a majority but is of term 2").isZero();

        // Why: S5 could still win an election with the votes of S2, S3 and S4 (its last term, 3,
        // beats their 2), and overwrite index 2 everywhere, as in Figure 8 (d).
        var s5 = cluster.server(5).log;
        for (int voter = 2; voter <= 4; voter++) {
            assertThat(cluster.server(voter).log.isUpToDate(s5.lastIndex(), s5.lastTerm())).isTrue();
        }

        // Figure 8 (e): once an entry of term 4 is on a majority, it commits, and everything before it.
        cluster.propose("x<-4");
        cluster.replicateAndSettle();

        assertThat(cluster.server(1).commitIndex).isEqualTo(3);
        for (int id = 1; id <= 3; id++) {
            assertThat(cluster.server(id).machine.applied).as("server " + id).containsExactly("1:e1", "2:e2", "3:x<-4");
        }
        assertThat(cluster.server(2).log.isUpToDate(s5.lastIndex(), s5.lastTerm()))
                .as("S5 can no longer win S2's vote").isFalse();
    }

    @Test
    void followersLearnTheCommitIndexFromTheNextRequest() {
        var cluster = new Cluster(1, new RaftLog(), new RaftLog(), new RaftLog());
        cluster.propose("set x 1");
        cluster.propose("set y 2");

        cluster.heartbeat();
        cluster.net.deliverAll();
        assertThat(cluster.server(1).commitIndex).isEqualTo(2);
        assertThat(cluster.server(2).commitIndex).as("not told yet").isZero();

        cluster.heartbeat();
        cluster.net.deliverAll();
        for (int id = 1; id <= 3; id++) {
            assertThat(cluster.server(id).commitIndex).isEqualTo(2);
            assertThat(cluster.server(id).machine.applied).containsExactly("1:set x 1", "2:set y 2");
        }
    }

    @ParameterizedTest(name = "commit {0}, leaderCommit {1}, confirmed {2} -> {3}")
    @CsvSource({
            "0, 5, 7, 5",  // the leader's commit, when the request confirmed more
            "0, 5, 3, 3",  // only what the request confirmed: what follows may be junk
            "4, 2, 9, 4",  // a late request with a lower commit changes nothing
            "4, 9, 2, 4",  // a late request confirming less changes nothing
            "0, 0, 6, 0"})
    void aFollowerCommitsUpToTheSmallerOfLeaderCommitAndWhatTheRequestConfirmed(
            long commit, long leaderCommit, long confirmed, long expected) {
        assertThat(CommitRule.followerCommit(commit, leaderCommit, confirmed)).isEqualTo(expected);
    }

    @Test
    void aFollowerWithJunkAfterWhatTheRequestConfirmedDoesNotCommitTheJunk() {
        // Server 2 holds old entries of term 2 at 3..5; the leader of term 3 has entry 3 of term 3 too.
        var cluster = new Cluster(3, withTerms(1, 1, 3), withTerms(1, 1, 2, 2, 2), new RaftLog());
        var server2 = cluster.server(2);
        var heartbeat = new AppendEntries(1, 2, 3, 2, 1, List.of(), 5); // confirms only up to 2
        cluster.net.send(heartbeat);
        cluster.net.deliverAll();

        assertThat(server2.commitIndex).isEqualTo(2);
        assertThat(server2.machine.applied).containsExactly("1:e1", "2:e2");
    }

    @Test
    void aLateRequestWithALowerCommitIndexChangesNothing() {
        var cluster = new Cluster(1, new RaftLog(), new RaftLog(), new RaftLog());
        cluster.propose("a");
        var early = cluster.leader.heartbeat(0);
        cluster.replicateAndSettle();
        var server2 = cluster.server(2);
        assertThat(server2.commitIndex).isEqualTo(1);

        cluster.net.send(early); // prev=0, commit=0, entries [a], arriving late
        cluster.net.deliverAll();

        assertThat(server2.commitIndex).isEqualTo(1);
        assertThat(server2.log.lastIndex()).isEqualTo(1);
        assertThat(server2.machine.applied).containsExactly("1:a");
    }
}
