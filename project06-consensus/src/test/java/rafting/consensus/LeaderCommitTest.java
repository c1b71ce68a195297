package rafting.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static rafting.consensus.Logs.withTerms;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rafting.replication.AppendEntriesResponse;
import rafting.replication.Leader;

/** Part 2: the leader's commit rule, counting itself, and only for an entry of its own term (§5.4.2). */
@Tag("part2")
class LeaderCommitTest {

    record Case(String name, long[] leaderLog, long term, long[] followerMatch, long expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> majorities() {
        return Stream.of(
                new Case("3 nodes: nobody else has anything", new long[] {2, 2, 2}, 2, new long[] {0, 0}, 0),
                new Case("3 nodes: one follower makes a majority", new long[] {2, 2, 2}, 2, new long[] {3, 0}, 3),
                new Case("3 nodes: the leader and the furthest behind of a majority", new long[] {2, 2, 2}, 2, new long[] {1, 2}, 2),
                new Case("5 nodes: two followers make a majority", new long[] {1, 3, 3, 3}, 3, new long[] {4, 3, 0, 0}, 3),
                new Case("5 nodes: one follower is not enough", new long[] {1, 3, 3, 3}, 3, new long[] {4, 0, 0, 0}, 0),
                new Case("5 nodes: everyone has everything", new long[] {1, 3, 3, 3}, 3, new long[] {4, 4, 4, 4}, 4),
                new Case("5 nodes: a majority holds only an earlier term", new long[] {1, 3}, 4, new long[] {2, 2, 1, 0}, 0),
                new Case("5 nodes: a majority reaches the current term", new long[] {1, 3, 4}, 4, new long[] {3, 3, 2, 0}, 3));
    }

    @ParameterizedTest
    @MethodSource("majorities")
    void theLeaderCommitsTheHighestIndexAMajorityHoldsCountingItself(Case c) {
        var log = withTerms(c.leaderLog());
        var settings = Membership.ofSize(c.followerMatch().length + 1);
        var leader = new Leader(1, c.term(), log, settings.others(1), 64);
        for (int i = 0; i < c.followerMatch().length; i++) {
            leader.handle(AppendEntriesResponse.success(i + 2, 1, c.term(), c.followerMatch()[i]), 0);
        }

        assertThat(CommitRule.leaderCommit(leader, log, log.lastIndex(), settings, 0)).as(Arrays.toString(c.followerMatch())).isEqualTo(c.expected());
    }

    @Test
    void theCommitIndexNeverGoesBackWhenTheMajorityIndexIsLower() {
        var log = withTerms(2, 2, 2);
        var settings = Membership.ofSize(3);
        var leader = new Leader(1, 2, log, settings.others(1), 64);
        leader.handle(AppendEntriesResponse.success(2, 1, 2, 1), 0);
        assertThat(CommitRule.leaderCommit(leader, log, log.lastIndex(), settings, 3)).isEqualTo(3);
    }
}
