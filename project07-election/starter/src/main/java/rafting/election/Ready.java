package rafting.election;

import java.util.List;
import rafting.consensus.Applied;
import rafting.replication.Message;

/**
 * Everything a node wants done after the inputs it was given since the last
 * {@link RaftNode#ready()} (Part 4 says what the driver does with it):
 *
 * <ul>
 *   <li>{@code termVote}: the term/vote record to write, or null when it did not change;</li>
 *   <li>{@code logChanged}: the log's storage holds writes that are not durable yet;</li>
 *   <li>{@code mustSync}: the driver must make both durable <em>before</em> it sends any of
 *       {@code messages} or hands out any of {@code applied} (true whenever either changed,
 *       unless the flaw {@link Flaw#ACKNOWLEDGE_BEFORE_DURABLE} is on);</li>
 *   <li>{@code messages}: to send, in order;</li>
 *   <li>{@code applied}: entries committed and applied to the state machine, with their results,
 *       in index order.</li>
 * </ul>
 */
public record Ready(TermVote termVote, boolean logChanged, boolean mustSync, List<Message> messages, List<Applied> applied) {

    /** Part 1: keeps immutable copies ({@code List.copyOf}) of {@code messages} and {@code applied}. */
    public Ready {
        throw new UnsupportedOperationException("Part 1: keep immutable copies of the lists");
    }

    /** Part 1: true when there is nothing to write, send or hand out: no term/vote, no log change, no message, nothing applied. */
    public boolean isEmpty() {
        throw new UnsupportedOperationException("Part 1: nothing to write, send or hand out?");
    }

    /**
     * Part 1: {@code sync t=3 vote=1 +log, 2 messages, 1 applied}: {@code sync } or
     * {@code no sync }, then the term/vote and a space if there is one, then {@code +log, } if the
     * log changed, then the number of messages and of applied entries. A ready after nothing reads
     * {@code no sync 0 messages, 0 applied}.
     */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: [no ]sync [t=.. vote=.. ][+log, ]<n> messages, <m> applied");
    }
}
