package rafting.system;

import java.util.List;
import java.util.Locale;
import rafting.kv.Bytes;
import rafting.kv.InvalidCommandException;
import rafting.kv.KvCommand;

/**
 * What a client asks of the cluster, as a log entry holds it: a command on its own, the opening
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
     * The request that {@code words} spell: {@code SESSION OPEN}, {@code SESSION id seq command...},
     * or a command of {@link KvCommand#parse}. Refused with Redis's words for a wrong count, and a
     * precise message for a session id or number that is not a positive integer.
     */
    static ClientRequest parse(List<Bytes> words) throws InvalidCommandException {
        if (!words.get(0).asString().equalsIgnoreCase("session")) {
            return new Plain(KvCommand.parse(words));
        }
        if (words.size() == 2 && words.get(1).asString().toLowerCase(Locale.ROOT).equals("open")) {
            return new OpenSession();
        }
        if (words.size() < 4) {
            throw new InvalidCommandException("ERR wrong number of arguments for 'session' command;"
                    + " SESSION OPEN, or SESSION <id> <number> <command> [arguments]");
        }
        long session = positive(words.get(1), "session id");
        long seq = positive(words.get(2), "command number");
        KvCommand command = KvCommand.parse(words.subList(3, words.size()));
        if (command instanceof KvCommand.Ping || command instanceof KvCommand.Quit || command instanceof KvCommand.FlushAll) {
            throw new InvalidCommandException("ERR " + words.get(3).asString() + " does not run in a session");
        }
        return new InSession(session, seq, command);
    }

    private static long positive(Bytes word, String what) throws InvalidCommandException {
        try {
            long value = Long.parseLong(word.asString());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidCommandException("ERR the " + what + " must be a whole number of 1 or more, got '"
                + word.asString() + "'");
    }
}
