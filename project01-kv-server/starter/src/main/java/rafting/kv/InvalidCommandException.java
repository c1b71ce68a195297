package rafting.kv;

/**
 * Part 6: a well-formed request that is not a valid command: an unknown name or the wrong number
 * of arguments. The connection stays usable; the client gets {@link #reply()} and may go on.
 */
public final class InvalidCommandException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the whole error line, such as {@code ERR unknown command 'foo'}; a CR or LF
     *     in it (from the client's own words) becomes a space, as Redis does (given)
     */
    public InvalidCommandException(String message) {
        super(message.replace('\r', ' ').replace('\n', ' '));
    }

    /** The error to send back to the client: {@code Reply.error(getMessage())}. */
    public Reply.Error reply() {
        throw new UnsupportedOperationException("Part 6: the message as an error reply");
    }
}
