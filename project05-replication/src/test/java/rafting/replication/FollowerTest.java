package rafting.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static rafting.replication.Logs.entries;
import static rafting.replication.Logs.terms;
import static rafting.replication.Logs.withTerms;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Part 2: the follower. */
@Tag("part2")
class FollowerTest {

    @Test
    void aSuccessReportsWhatTheRequestConfirmedNotTheFollowersLastIndex() {
        var log = withTerms(1, 1, 2, 2, 2); // entries 4 and 5 may be junk from term 2
        var answer = Follower.append(log, new AppendEntries(1, 2, 3, 2, 1, entries(3, 2), 0));

        assertThat(answer).isEqualTo(AppendEntriesResponse.success(2, 1, 3, 3));
        assertThat(terms(log)).as("matching entries are kept").containsExactly(1L, 1L, 2L, 2L, 2L);
    }

    @Test
    void theAnswerEchoesTheRequestsRoundWhetherItSucceedsOrNot() {
        var log = withTerms(1, 1);
        assertThat(Follower.append(log, new AppendEntries(1, 2, 3, 2, 1, List.of(), 0, 7)).round()).isEqualTo(7);
        assertThat(Follower.append(log, new AppendEntries(1, 2, 3, 5, 3, List.of(), 0, 8)).round()).isEqualTo(8);
    }

    @Test
    void aHeartbeatThatMatchesConfirmsItsPrevIndex() {
        var log = withTerms(1, 1, 2);
        var answer = Follower.append(log, new AppendEntries(1, 2, 3, 2, 1, List.of(), 0));
        assertThat(answer).isEqualTo(AppendEntriesResponse.success(2, 1, 3, 2));
    }

    @Test
    void aRefusalFromAShortLogHintsItsEnd() {
        var log = withTerms(1, 1);
        var answer = Follower.append(log, new AppendEntries(1, 2, 3, 6, 3, List.of(), 0));
        assertThat(answer).isEqualTo(AppendEntriesResponse.refusal(2, 1, 3, 3));
    }

    @Test
    void aRefusalOnAConflictHintsTheFirstIndexOfTheConflictingTerm() {
        var log = withTerms(1, 1, 2, 2, 2);
        var answer = Follower.append(log, new AppendEntries(1, 2, 3, 5, 3, List.of(), 0));
        assertThat(answer).isEqualTo(AppendEntriesResponse.refusal(2, 1, 3, 3));
        assertThat(answer).hasToString("2->1 AppendEntriesResponse t=3 refused hint=3");
    }
}
