package rafting.kv;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Part 5: writes RESP2 to a stream: replies on the server side, commands (arrays of bulk
 * strings) on the client side. Output is buffered; nothing reaches the stream before
 * {@link #flush()}.
 *
 * <pre>
 * +OK\r\n            simple string       -ERR oops\r\n        error
 * :42\r\n            integer             $5\r\nhello\r\n      bulk string
 * $-1\r\n            nil                 *2\r\n$3\r\nGET\r\n$3\r\nfoo\r\n   array
 * </pre>
 *
 * Text is written as UTF-8; a bulk length counts bytes, not characters ({@code é} is
 * {@code $2}).
 */
public final class RespWriter {

    /** Writes to {@code out} through a buffer of its own. */
    public RespWriter(OutputStream out) {
        throw new UnsupportedOperationException("Part 5: wrap the stream in a buffer");
    }

    /** Writes one reply (an array with everything inside it); returns this writer. */
    public RespWriter write(Reply reply) throws IOException {
        throw new UnsupportedOperationException("Part 5: write the reply in RESP2");
    }

    /** Writes a command as a client sends it, an array of bulk strings; returns this writer. */
    public RespWriter writeCommand(List<Bytes> args) throws IOException {
        throw new UnsupportedOperationException("Part 5: write an array of bulk strings");
    }

    /** Sends what is buffered. */
    public void flush() throws IOException {
        throw new UnsupportedOperationException("Part 5: flush the buffer");
    }
}
