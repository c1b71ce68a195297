package rafting.election;

import java.util.List;
import rafting.consensus.Applied;
import rafting.replication.Message;

/**
 * Everything a node wants done after the inputs it was given since the last {@code ready()}:
 *
 * <ul>
 *   <li>{@code termVote}: the term/vote record to write, or null when it did not change;</li>
 *   <li>{@code logChanged}: the log's storage holds writes that are not durable yet;</li>
 *   <li>{@code mustSync}: the driver must make both durable <em>before</em> it sends any of
 *       {@code messages} or hands out any of {@code applied} (true whenever either changed);</li>
 *   <li>{@code messages}: to send, in order;</li>
 *   <li>{@code applied}: entries committed and applied to the state machine, with their results,
 *       in index order.</li>
 * </ul>
 */
public record Ready(TermVote termVote, boolean logChanged, boolean mustSync, List<Message> messages, List<Applied> applied) {

    public Ready {
        messages = List.copyOf(messages);
        applied = List.copyOf(applied);
    }

    /** True when there is nothing to write, send or hand out. */
    public boolean isEmpty() {
        return termVote == null && !logChanged && messages.isEmpty() && applied.isEmpty();
    }

    /** {@code sync t=3 vote=1 +log, 2 messages, 1 applied}. */
    @Override
    public String toString() {
        return (mustSync ? "sync " : "no sync ") + (termVote == null ? "" : termVote + " ") + (logChanged ? "+log, " : "")
                + messages.size() + " messages, " + applied.size() + " applied";
    }
}
