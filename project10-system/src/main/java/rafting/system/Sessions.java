package rafting.system;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import rafting.kv.Reply;

/**
 * The replicated table of client sessions (thesis §6.3): for each session, the number of the
 * last command it ran and that command's reply. Part of the state machine, so every replica holds
 * the same table at the same index, and a command retried on a new leader finds it there.
 *
 * <p>Everything here is decided by the log: the time is the log's ({@link KvStateMachine}), a
 * session unused for {@link #TIMEOUT_MILLIS} of it expires, and when {@link #MAX} sessions are
 * open the one unused for longest goes. A session runs one command at a time: its client waits
 * for a reply (or retries the same number) before it sends the next.
 */
final class Sessions {

    /** A session that ran nothing for an hour of log time expires. */
    static final long TIMEOUT_MILLIS = 3_600_000;
    /** At most this many sessions; opening one more drops the one unused for longest. */
    static final int MAX = 100_000;

    private record Last(long seq, byte[] reply, long seen) {
    }

    // In access order: the first is the session unused for longest.
    private final LinkedHashMap<Long, Last> table = new LinkedHashMap<>(16, 0.75f, true);

    /** Opens session {@code id} at log time {@code now}. */
    void open(long id, long now) {
        expire(now);
        table.put(id, new Last(0, null, now));
        if (table.size() > MAX) {
            Iterator<Long> oldest = table.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /**
     * Runs command {@code seq} of session {@code id} at most once: {@code command} when it is new,
     * the reply it gave when it is the session's last command again (a retry), an error when the
     * session is unknown or the number is older than its last.
     */
    byte[] run(long id, long seq, long now, Supplier<byte[]> command) {
        expire(now);
        Last last = table.get(id);
        if (last == null) {
            return KvStateMachine.resp(Reply.error("SESSIONEXPIRED no session " + id
                    + " (it expired, or was never opened): open one with SESSION OPEN"));
        }
        if (seq == last.seq) {
            table.put(id, new Last(seq, last.reply, now));
            return last.reply; // §6.3: a duplicate is answered, not run
        }
        if (seq < last.seq) {
            return KvStateMachine.resp(Reply.error("ERR session " + id + " already ran command " + last.seq
                    + "; the reply of command " + seq + " is gone"));
        }
        byte[] reply = command.get();
        table.put(id, new Last(seq, reply, now));
        return reply;
    }

    /** How many sessions are open. */
    int size() {
        return table.size();
    }

    /** The bytes {@link #writeTo} writes. */
    int snapshotBytes() {
        int bytes = 4;
        for (Last last : table.values()) {
            bytes += 8 + 8 + 8 + 4 + (last.reply == null ? 0 : last.reply.length);
        }
        return bytes;
    }

    /** Writes the table, oldest use first, for a snapshot: {@code int n, n x (long id, long seq, long seen, int size or -1, bytes)}. */
    void writeTo(ByteBuffer out) {
        out.putInt(table.size());
        for (Map.Entry<Long, Last> session : table.entrySet()) {
            Last last = session.getValue();
            out.putLong(session.getKey()).putLong(last.seq).putLong(last.seen);
            out.putInt(last.reply == null ? -1 : last.reply.length);
            if (last.reply != null) {
                out.put(last.reply);
            }
        }
    }

    /** Replaces the table with the one {@link #writeTo} wrote; a table that ends early or claims too much is refused. */
    void readFrom(ByteBuffer in) {
        table.clear();
        int n = in.getInt();
        if (n < 0 || n > MAX) {
            throw new IllegalArgumentException("a session table of " + n + " sessions");
        }
        for (int i = 0; i < n; i++) {
            long id = in.getLong();
            long seq = in.getLong();
            long seen = in.getLong();
            int size = in.getInt();
            if (size > in.remaining()) {
                throw new IllegalArgumentException("a session's reply of " + size + " bytes where " + in.remaining() + " remain");
            }
            byte[] reply = size < 0 ? null : new byte[size];
            if (reply != null) {
                in.get(reply);
            }
            table.put(id, new Last(seq, reply, seen));
        }
    }

    private void expire(long now) {
        for (Iterator<Map.Entry<Long, Last>> it = table.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue().seen + TIMEOUT_MILLIS >= now) {
                return; // the rest were used later
            }
            it.remove();
        }
    }
}
