package rafting.sim;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import rafting.consensus.StateMachine;
import rafting.sim.history.Command;

/**
 * The simulated servers' application: a map of strings, driven by the commands of
 * {@link Command} written as text ({@code SET x 7}, {@code CAS x 7 9}). It replies as
 * {@link Command} says a store replies, except that a GET of an absent key gives an empty result
 * (the values a client writes are never empty). Anything else in the log, such as a command typed
 * by hand in jshell, is answered with an error and changes nothing.
 *
 * <p>Each life of each server gets a fresh machine, which the node fills again by re-applying its
 * log as it learns the commit index. It is written apart from the checker's model of a register
 * on purpose: a mistake shared by both would hide itself.
 */
final class KvMachine implements StateMachine {

    static final byte[] ABSENT = new byte[0];

    /** Part 5: a machine that runs each session's command once ({@code new KvMachine(true)}). */
    KvMachine() {
        throw new UnsupportedOperationException("Part 5: write KvMachine");
    }

    /**
     * Part 8: with {@code exactlyOnce}, an entry {@code SESSION 12 1 <command>} runs its command
     * the first time and answers every later copy with the first reply, changing nothing; without,
     * it runs every copy (the broken rule the history check must catch).
     */
    KvMachine(boolean exactlyOnce) {
        throw new UnsupportedOperationException("Part 8: write KvMachine with or without sessions");
    }

    /**
     * Part 11 (Project 11): the same, whose {@link #snapshot()} holds the sessions' replies, or
     * leaves them out when {@code sessionsInSnapshot} is false (the simulator's machine under
     * {@code Flaw.SESSIONS_LEFT_OUT_OF_SNAPSHOT}): then a machine restored from it runs a retry again.
     */
    KvMachine(boolean exactlyOnce, boolean sessionsInSnapshot) {
        throw new UnsupportedOperationException("Part 11: write KvMachine with its sessions in the snapshot or not");
    }

    /** Part 8: {@code text} in session {@code session}, as the log holds it: {@code SESSION 12 1 SET x 7}. Given. */
    static String inSession(long session, String text) {
        return "SESSION " + session + " 1 " + text;
    }

    /**
     * Answers a read-only command ({@code Command.isRead()}) from the state as it is, changing
     * nothing: a read-index read (thesis §6.4), which never reaches the log. Anything else is an
     * {@link IllegalArgumentException}.
     */
    byte[] query(String text) {
        throw new UnsupportedOperationException("Part 5: write KvMachine.query");
    }

    /**
     * Part 12: {@code text} stamped with the leader's time, as the log holds it in runs with the
     * everyday commands: {@code @812 SESSION 12 1 PSETEX t 120 17}. Given.
     */
    static String stamped(long millis, String text) {
        return "@" + millis + " " + text;
    }

    /**
     * Part 12: the earliest time at which a value expires, or Long.MAX_VALUE. The machine's time
     * is the latest stamp of the entries it applied (never going back); a value expires once that
     * time is past its expiry, as in Redis; MSET and MSETNX (all or none) run whole, MGET answers
     * its values one per line, an empty line for an absent key.
     */
    long nextExpiry() {
        throw new UnsupportedOperationException("Part 12: write KvMachine.nextExpiry");
    }

    @Override
    public byte[] apply(long index, byte[] command) {
        throw new UnsupportedOperationException("Part 5: write KvMachine.apply");
    }


    /**
     * Part 11 (Project 11): the values and the sessions' replies as bytes, in key order, from
     * which {@link #restore} rebuilds an equal machine: a retry after a restore is answered, not run.
     */
    @Override
    public byte[] snapshot() {
        throw new UnsupportedOperationException("Part 11: write KvMachine.snapshot");
    }

    /** Part 11: replaces the values and the sessions with those {@code snapshot} holds. */
    @Override
    public void restore(byte[] snapshot) {
        throw new UnsupportedOperationException("Part 11: write KvMachine.restore");
    }
}
