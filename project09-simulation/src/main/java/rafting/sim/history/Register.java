package rafting.sim.history;

import java.util.Objects;

/**
 * The value of one key, as the commands of {@link Command} change it: what a command leaves
 * behind, and whether it could have given the reply the client saw.
 */
final class Register {

    /** Marks a command that cannot give the recorded reply; compared by identity, never by value. */
    static final String DOES_NOT_FIT = new String("does not fit");

    private Register() {}

    /**
     * The value after {@code command} runs on {@code value} (null: absent) and replies
     * {@code reply}, or DOES_NOT_FIT if it would reply something else. An open command's reply is
     * unknown, so it always fits.
     */
    static String after(Command command, String reply, boolean open, String value) {
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
        };
    }

    /**
     * True for a SET, and for a DEL whose reply is unknown: commands whose outcome does not depend
     * on the value before them, so whatever came just before them is hidden.
     */
    static boolean overwritesBlindly(Command command, boolean open) {
        return command.kind() == Command.Kind.SET || (command.kind() == Command.Kind.DEL && open);
    }
}
