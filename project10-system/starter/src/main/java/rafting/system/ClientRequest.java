package rafting.system;

import java.util.List;
import rafting.kv.Bytes;
import rafting.kv.InvalidCommandException;
import rafting.kv.KvCommand;

/**
 * Part 9, given but for {@link #parse}: what a client asks of the cluster, as a log entry holds it: a command on its own, the opening
 * of a session, or a command in a session (thesis §6.3). Sessions make a write exactly-once: a
 * client numbers the commands of its session, and a command retried after a lost reply, to the
 * same node or to a new leader, is run once and answered with its first reply.
 *
 * <pre>
 *   SESSION OPEN                    -> :17         (the session's id: the index of its entry)
 *   SESSION 17 1 INCR visits        -> :1
 *   SESSION 17 1 INCR visits        -> :1          (the same command again: not run twice)
 *   SESSION 17 2 SET x 1            -> +OK
 * </pre>
 */
sealed interface ClientRequest {

    /** A command with no session: run each time it is committed. */
    record Plain(KvCommand command) implements ClientRequest {
    }

    /** Opens a session; its id is the index of this entry, the same on every replica. */
    record OpenSession() implements ClientRequest {
    }

    /** Command {@code seq} of session {@code session}: run at most once. */
    record InSession(long session, long seq, KvCommand command) implements ClientRequest {
        public InSession {
            if (session < 1 || seq < 1) {
                throw new IllegalArgumentException("a session id and a command number are at least 1, got "
                        + session + " and " + seq);
            }
        }
    }

    /** The command this request runs, or null for {@link OpenSession}. */
    default KvCommand command() {
        return this instanceof Plain plain ? plain.command()
                : this instanceof InSession in ? in.command() : null;
    }

    /** True for a command with no session that only reads: the leader may answer it at a read index. */
    default boolean isRead() {
        return this instanceof Plain plain && KvStateMachine.isRead(plain.command());
    }

    /** The words that name its keys, for {@code -MOVED}'s hash slot: the command's, or none. */
    default List<Bytes> args() {
        KvCommand command = command();
        return command == null ? List.of(Bytes.of("SESSION")) : command.args();
    }

    /**
     * Part 9: the request that {@code words} spell: {@code SESSION OPEN} (any case), or
     * {@code SESSION id seq command...}, or else a {@link Plain} command of {@link KvCommand#parse}.
     * Refused with an {@link InvalidCommandException}: fewer than four words after a
     * {@code SESSION} that is not {@code SESSION OPEN}
     * ({@code ERR wrong number of arguments for 'session' command; ...}), an id or number that is
     * not a whole number of 1 or more
     * ({@code ERR the command number must be a whole number of 1 or more, got 'x'}, and the same
     * with {@code session id}), a command that does not parse (its own error), and {@code PING},
     * {@code QUIT} or {@code FLUSHALL} in a session ({@code ERR PING does not run in a session}).
     */
    static ClientRequest parse(List<Bytes> words) throws InvalidCommandException {
        throw new UnsupportedOperationException("Part 9: a request of words");
    }
}
