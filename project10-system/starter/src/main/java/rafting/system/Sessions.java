package rafting.system;

import java.util.function.Supplier;

/**
 * Part 9: the replicated table of client sessions (thesis §6.3): for each session, the number of the
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

    /** Part 9: opens session {@code id} at log time {@code now} (expiring first, then dropping the oldest above {@link #MAX}). */
    void open(long id, long now) {
        throw new UnsupportedOperationException("Part 9: open a session");
    }

    /**
     * Part 9: runs command {@code seq} of session {@code id} at most once, at log time {@code now},
     * after dropping the sessions unused for more than {@link #TIMEOUT_MILLIS} before {@code now}:
     * {@code command} when {@code seq} is above the session's last number (its reply is kept); the
     * kept reply when it is the last number again (a retry); for an older number
     * {@code -ERR session 2 already ran command 2; the reply of command 1 is gone}; for an unknown
     * session {@code -SESSIONEXPIRED no session 9 (it expired, or was never opened): open one with
     * SESSION OPEN}. Every use counts as a use: the session was seen at {@code now}.
     */
    byte[] run(long id, long seq, long now, Supplier<byte[]> command) {
        throw new UnsupportedOperationException("Part 9: run a command at most once");
    }

    /** Part 9: how many sessions are open. */
    int size() {
        throw new UnsupportedOperationException("Part 9: the number of sessions");
    }
}
