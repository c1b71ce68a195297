package rafting.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.log.LogEntry;

/** Part 1: messages as records. */
@Tag("part1")
class MessageTest {

    @Test
    void eachMessageReadsAsOneLineOfATrace() {
        var entries = List.of(LogEntry.of(2, "a"), LogEntry.of(3, "b"));
        assertThat(new AppendEntries(2, 1, 3, 5, 2, entries, 4)).hasToString("2->1 AppendEntries t=3 prev=5/2 n=2 commit=4");
        assertThat(AppendEntriesResponse.success(1, 2, 3, 7)).hasToString("1->2 AppendEntriesResponse t=3 ok match=7");
        assertThat(new RequestVote(3, 1, 4, 7, 3, false)).hasToString("3->1 RequestVote t=4 last=7/3");
        assertThat(new RequestVote(3, 1, 4, 7, 3, true)).hasToString("3->1 PreVote t=4 last=7/3");
        assertThat(new RequestVoteResponse(1, 3, 4, true, false)).hasToString("1->3 RequestVoteResponse t=4 granted");
        assertThat(new RequestVoteResponse(1, 3, 4, false, true)).hasToString("1->3 PreVoteResponse t=4 refused");
    }

    @Test
    void aRoundOtherThanZeroIsWrittenAtTheEndOfTheLineAndTheAnswerEchoesIt() {
        var request = new AppendEntries(2, 1, 3, 5, 2, List.of(), 4, 9);
        assertThat(request).hasToString("2->1 AppendEntries t=3 prev=5/2 n=0 commit=4 round=9");
        assertThat(new AppendEntries(2, 1, 3, 5, 2, List.of(), 4).round()).isZero();

        var answer = AppendEntriesResponse.refusal(1, 2, 3, 4).answering(request);
        assertThat(answer.round()).isEqualTo(9);
        assertThat(answer).hasToString("1->2 AppendEntriesResponse t=3 refused hint=4 round=9");
        assertThatThrownBy(() -> new AppendEntries(2, 1, 3, 5, 2, List.of(), 4, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AppendEntriesResponse(1, 2, 3, true, 5, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void appendEntriesKeepsItsOwnListOfEntries() {
        var entries = new ArrayList<>(List.of(LogEntry.of(1, "a")));
        var request = new AppendEntries(1, 2, 1, 0, 0, entries, 0);
        entries.add(LogEntry.of(1, "b"));
        assertThat(request.entries()).containsExactly(LogEntry.of(1, "a"));
        assertThat(request.lastIndex()).isEqualTo(1);
    }

    @Test
    void malformedMessagesAreRefusedWithAClearError() {
        assertThatThrownBy(() -> new RequestVote(1, 1, 1, 0, 0, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two distinct servers");
        assertThatThrownBy(() -> new RequestVote(0, 1, 1, 0, 0, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AppendEntries(1, 2, -1, 0, 0, List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AppendEntries(1, 2, 1, -1, 0, List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AppendEntriesResponse.refusal(1, 2, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AppendEntries(1, 2, 3, 0, 0, List.of(LogEntry.of(4, "x")), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no entry of a later term");
        assertThatThrownBy(() -> new RequestVote(1, 2, 3, 5, 4, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
