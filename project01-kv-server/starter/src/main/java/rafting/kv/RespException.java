package rafting.kv;

import java.net.ProtocolException;

/**
 * Part 5: malformed RESP. After one of these the reader no longer knows where the next message
 * starts, so the connection cannot be trusted any more: the server replies with the message as
 * an error and closes the connection, as Redis does. Given whole.
 */
public final class RespException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong; the exception's message is {@code "Protocol error: " + message} */
    public RespException(String message) {
        super("Protocol error: " + message);
    }
}
