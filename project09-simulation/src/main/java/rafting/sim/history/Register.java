package rafting.sim.history;

import java.util.Objects;

/**
 * The value of one key, as the commands of {@link Command} change it: what a command leaves
 * behind, and whether it could have given the reply the client saw.
 *
 * <p>A value written by PSETEX expires at a moment the history does not show: the PSETEX took
 * effect at some time within its operation's interval, so the value expires within that interval
 * shifted by its time to live. The register keeps those bounds with the value and narrows them by
 * what later operations saw: a read that found the value, at a time within its interval, says the
 * expiry is no earlier than the read's invocation; one that found it gone says it came before the
 * read's completion; a PTTL reply pins it to the reply plus the PTTL's interval. Bounds that cross
 * mean no moment fits. Each operation's moment is taken alone, not in step with the order the
 * search places them in: a looser model than the store's, which never rejects a history that
 * fits the store's.
 *
 * <p>A register is a string, so that the search's memo keeps working: the value itself, or, for a
 * value with an expiry, {@code "\0lo,hi,value"} (and a value that itself starts with {@code \0}
 * is written that way with {@code lo = hi = Long.MAX_VALUE}: it never expires).
 */
final class Register {

    /** Marks a command that cannot give the recorded reply; compared by identity, never by value. */
    static final String DOES_NOT_FIT = new String("does not fit");

    private static final char TIMED = '\0';
    private static final long NEVER = Long.MAX_VALUE;

    private Register() {}

    /** {@link #after(Command, String, boolean, String, long, long)} for histories without PSETEX, whose commands never look at the time. */
    static String after(Command command, String reply, boolean open, String register) {
        return after(command, reply, open, register, 0, open ? Operation.OPEN : 0);
    }

    /**
     * The register after {@code command}, which took effect at some moment from {@code invoked}
     * to {@code completed}, runs on {@code register} (null: absent) and replies {@code reply}, or
     * DOES_NOT_FIT if it would reply something else. An open command's reply is unknown, so it
     * always fits.
     */
    static String after(Command command, String reply, boolean open, String register, long invoked, long completed) {
        String value = valueOf(register);
        long lo = expiresFrom(register);
        long hi = expiresBy(register);
        if (command.kind() == Command.Kind.PSETEX) {
            return encode(command.value(), invoked + command.millis(), open ? NEVER : completed + command.millis());
        }
        if (lo == NEVER) {
            if (command.kind() == Command.Kind.PTTL) {
                return open || reply.equals(value == null ? "-2" : "-1") ? register : DOES_NOT_FIT;
            }
            String after = withoutExpiry(command, reply, open, value);
            return after == DOES_NOT_FIT ? after : encode(after, NEVER, NEVER);
        }
        return switch (command.kind()) {
            case SET -> encode(command.value(), NEVER, NEVER);
            case DEL -> open ? null : reply.equals("1") ? (seenAt(value, lo, hi, invoked) == DOES_NOT_FIT ? DOES_NOT_FIT : null)
                    : goneBy(lo, hi, completed);
            case GET -> reply == null ? goneBy(lo, hi, completed) : reply.equals(value) ? seenAt(value, lo, hi, invoked) : DOES_NOT_FIT;
            case EXISTS -> reply.equals("0") ? goneBy(lo, hi, completed) : seenAt(value, lo, hi, invoked);
            case PTTL -> {
                if (open) {
                    yield register;
                }
                if (reply.equals("-2")) {
                    yield goneBy(lo, hi, completed);
                }
                long left = Long.parseLong(reply);
                yield left < 0 ? DOES_NOT_FIT : bounded(value, Math.max(lo, invoked + left), Math.min(hi, completed + left));
            }
            default -> throw new IllegalArgumentException(command + ": a key written with PSETEX takes GET, EXISTS, SET,"
                    + " DEL, PSETEX and PTTL only; the checker has no model of " + command.kind() + " with an expiry");
        };
    }

    /** The commands on a value without an expiry (null: absent). */
    private static String withoutExpiry(Command command, String reply, boolean open, String value) {
        String presence = value == null ? "0" : "1";
        return switch (command.kind()) {
            case GET -> open || Objects.equals(reply, value) ? value : DOES_NOT_FIT;
            case EXISTS -> open || presence.equals(reply) ? value : DOES_NOT_FIT;
            case SET -> command.value();
            case DEL -> open || presence.equals(reply) ? null : DOES_NOT_FIT;
            case CAS -> {
                boolean swaps = command.expected().equals(value);
                if (!open && !reply.equals(swaps ? "1" : "0")) {
                    yield DOES_NOT_FIT;
                }
                yield swaps ? command.value() : value;
            }
            case INCR, INCRBY, DECR, DECRBY -> {
                String next = command.counted(value);
                if (next == null) {
                    yield open || Command.NOT_AN_INTEGER.equals(reply) ? value : DOES_NOT_FIT;
                }
                yield open || next.equals(reply) ? next : DOES_NOT_FIT;
            }
            case GETSET -> open || Objects.equals(reply, value) ? command.value() : DOES_NOT_FIT;
            case GETDEL -> open || Objects.equals(reply, value) ? null : DOES_NOT_FIT;
            case SETNX -> {
                boolean writes = value == null;
                if (!open && !reply.equals(writes ? "1" : "0")) {
                    yield DOES_NOT_FIT;
                }
                yield writes ? command.value() : value;
            }
            case STRLEN -> open || reply.equals(Integer.toString(value == null ? 0 : value.length())) ? value : DOES_NOT_FIT;
            case APPEND -> {
                String joined = (value == null ? "" : value) + command.value();
                yield open || reply.equals(Integer.toString(joined.length())) ? joined : DOES_NOT_FIT;
            }
            case PSETEX, PTTL -> throw new IllegalStateException("handled with the expiry: " + command);
        };
    }

    /** Seen present at a moment no earlier than {@code invoked}: it expires no earlier. */
    private static String seenAt(String value, long lo, long hi, long invoked) {
        return bounded(value, Math.max(lo, invoked), hi);
    }

    /** Seen gone at a moment no later than {@code completed}: it expired before that; absent now. */
    private static String goneBy(long lo, long hi, long completed) {
        return Math.min(hi, completed - 1) < lo ? DOES_NOT_FIT : null;
    }

    private static String bounded(String value, long lo, long hi) {
        return lo > hi ? DOES_NOT_FIT : encode(value, lo, hi);
    }

    private static String encode(String value, long lo, long hi) {
        if (value == null) {
            return null;
        }
        boolean plain = lo == NEVER && (value.isEmpty() || value.charAt(0) != TIMED);
        return plain ? value : TIMED + Long.toString(lo) + "," + hi + "," + value;
    }

    private static boolean timed(String register) {
        return register != null && !register.isEmpty() && register.charAt(0) == TIMED;
    }

    /** The value a register holds, without its expiry; null when absent. */
    static String valueOf(String register) {
        return timed(register) ? register.substring(register.indexOf(',', register.indexOf(',') + 1) + 1) : register;
    }

    /** The earliest moment the register's value may expire, or Long.MAX_VALUE if it never does. */
    private static long expiresFrom(String register) {
        return timed(register) ? Long.parseLong(register.substring(1, register.indexOf(','))) : NEVER;
    }

    /** The latest moment the register's value may expire, or Long.MAX_VALUE. */
    private static long expiresBy(String register) {
        if (!timed(register)) {
            return NEVER;
        }
        int comma = register.indexOf(',');
        return Long.parseLong(register.substring(comma + 1, register.indexOf(',', comma + 1)));
    }

    /** True for a register whose value has an expiry. */
    static boolean expires(String register) {
        return expiresFrom(register) != NEVER;
    }

    /**
     * True for a SET or PSETEX, and for a DEL whose reply is unknown: commands whose outcome does
     * not depend on the register before them, so whatever came just before them is hidden.
     */
    static boolean overwritesBlindly(Command command, boolean open) {
        return command.kind() == Command.Kind.SET || command.kind() == Command.Kind.PSETEX
                || (command.kind() == Command.Kind.DEL && open);
    }
}
