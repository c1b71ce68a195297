package rafting.kv;

import java.net.ProtocolException;

/**
 * Malformed RESP: after one of these the reader no longer knows where the next message starts,
 * so the connection cannot be trusted any more. The server replies with the message as an
 * error and closes the connection, as Redis does.
 */
public final class RespException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    public RespException(String message) {
        super("Protocol error: " + message);
    }
}
