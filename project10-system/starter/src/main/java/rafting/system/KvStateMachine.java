package rafting.system;

import rafting.consensus.StateMachine;
import rafting.kv.InvalidCommandException;
import rafting.kv.KvCommand;
import rafting.kv.KvStore;
import rafting.kv.Reply;

/**
 * Part 3: Project 1's {@link KvStore} as Raft's state machine (Project 6's {@link StateMachine}).
 * A log entry holds a command's arguments ({@link #encode}); applying an entry decodes it, runs the
 * command on the store ({@code command.applyTo(store)}) and returns the reply exactly as it goes
 * on the wire, RESP2, so a client's connection sends those bytes as they are.
 *
 * <p>Every replica applies the same entries in the same order, so every replica's store ends the
 * same (§5.3, State Machine Safety): applying must depend on nothing but the entry and the store.
 */
public final class KvStateMachine implements StateMachine {

    /** Part 3: a command and the time its leader proposed it, in milliseconds since the epoch; -1 if unknown. Given. */
    record Stamped(long millis, ClientRequest request) {
        Stamped(long millis, KvCommand command) {
            this(millis, new ClientRequest.Plain(command));
        }
    }

    /**
     * Part 9: the entry bytes for {@code request} at {@code millis}: a {@code Plain} command as
     * {@link #encode(KvCommand, long)} writes it; the reference writes {@code SESSION OPEN} as an
     * int -2 and the time, and a command in a session as an int -3, the time, the session id, the
     * number, then the count and the arguments. {@link #decode} reads each back.
     */
    static byte[] encode(ClientRequest request, long millis) {
        throw new UnsupportedOperationException("Part 9: a request as entry bytes");
    }

    /** Part 9: the table of sessions this machine keeps. */
    Sessions sessions() {
        throw new UnsupportedOperationException("Part 9: the sessions");
    }

    /**
     * Part 3: the entry bytes for {@code command}, proposed at {@code millis}: the time and the
     * arguments ({@code command.args()}), binary ones included (any byte, empty ones too), in a
     * form {@link #decode} reads back. The reference: an int -1, the time as a long, an int count,
     * then each argument as an int size and its bytes. (Time comes from the log: applying an entry
     * sets the store's clock to its time, never backwards, so every replica expires the same keys
     * at the same index. An entry that starts with a count, written before stamping, runs at the
     * time of the entry before it.)
     */
    public static byte[] encode(KvCommand command, long millis) {
        throw new UnsupportedOperationException("Part 3: a command as entry bytes");
    }

    /**
     * Part 3: the command an entry holds, {@code KvCommand.parse} of its arguments, and its time,
     * so that {@code decode(encode(c, t))} equals {@code new Stamped(t, c)}. Bytes that are not an encoded command (the leader
     * never writes them; a no-op entry is empty) are an {@link InvalidCommandException} (for
     * example {@code new InvalidCommandException("ERR a log entry that is not a command")}), never
     * another exception and never an allocation larger than the entry.
     */
    static Stamped decode(byte[] entry) throws InvalidCommandException {
        throw new UnsupportedOperationException("Part 3: entry bytes back to a command");
    }

    /**
     * Part 3: runs the entry's command on the store and returns its reply in RESP2
     * ({@code SET} gives {@code +OK\r\n}, {@code GET} of {@code hello} gives
     * {@code $5\r\nhello\r\n}, of a missing key {@code $-1\r\n}, {@code CAS} and {@code DEL}
     * {@code :1\r\n} or {@code :0\r\n}). An entry that is not a command gets its error reply,
     * {@code -ERR ...\r\n}, and changes nothing. Part 9: {@code SESSION OPEN} opens a session
     * whose id is {@code index} and answers it ({@code :2\r\n}); a command in a session runs
     * through {@code Sessions.run}.
     */
    /**
     * Part 10 (Project 11): the whole state as bytes: {@code int 'RKV1'}, the log's time, every
     * key with its value and expiry ({@code KvStore.forEachEntry}; reading no clock), then the
     * session table, so that a retry after a restore is answered, not run.
     */
    @Override
    public byte[] snapshot() {
        throw new UnsupportedOperationException("Part 10: the state machine as bytes");
    }

    /**
     * Part 10: replaces the state with the one {@code snapshot} holds. Bytes that do not start
     * with RKV1 are an {@link IllegalArgumentException} whose message contains
     * {@code does not start with RKV1}; bytes that end early or are damaged one whose message
     * contains {@code ends early or is damaged}.
     */
    @Override
    public void restore(byte[] snapshot) {
        throw new UnsupportedOperationException("Part 10: the state machine from bytes");
    }

    @Override
    public byte[] apply(long index, byte[] entry) {
        throw new UnsupportedOperationException("Part 3: run the entry's command on the store");
    }

    /**
     * Part 8: true for the commands that only read and whose answer does not depend on the time
     * ({@code GET}, {@code MGET}, {@code EXISTS}, {@code STRLEN}, {@code DBSIZE}). Not {@code TTL}
     * or {@code PTTL}: the time left is known only from the stamp of an entry of their own.
     */
    static boolean isRead(KvCommand command) {
        throw new UnsupportedOperationException("Part 8: does the command only read?");
    }

    /**
     * Part 8: true when some key's expiry ({@code KvStore.nextExpiry}) is before {@code millis}:
     * a read at that time could see a key expire that the log's time has not reached.
     */
    boolean expiresBefore(long millis) {
        throw new UnsupportedOperationException("Part 8: could a read see a key expire?");
    }

    /**
     * Part 8: answers {@code command}, one that only reads, from the store as it is, at the log's
     * time, as RESP2; a command that writes is an {@link IllegalArgumentException}.
     */
    byte[] read(KvCommand command) {
        throw new UnsupportedOperationException("Part 8: a read-index read");
    }

    /** Part 3: the time of the last entry applied: the store's clock. */
    long logTime() {
        throw new UnsupportedOperationException("Part 3: the log's time");
    }

    /** Part 3: the store the entries are applied to. */
    public KvStore store() {
        throw new UnsupportedOperationException("Part 3: the store");
    }

    /**
     * Part 3: {@code reply} as RESP2 bytes: {@code +text}, {@code -message}, {@code :n},
     * {@code $-1} (nil), {@code $size} and the bytes (bulk), {@code *count} and the items (array),
     * each line ending in {@code \r\n}. The client port answers with it too.
     */
    static byte[] resp(Reply reply) {
        throw new UnsupportedOperationException("Part 3: a reply in RESP2");
    }
}
