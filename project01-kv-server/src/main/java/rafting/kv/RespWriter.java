package rafting.kv;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes RESP2 to a stream: replies on the server side, commands (arrays of bulk strings) on
 * the client side. Output is buffered; call {@link #flush()} when a batch of replies is done.
 *
 * <pre>
 * +OK\r\n            simple string       -ERR oops\r\n        error
 * :42\r\n            integer             $5\r\nhello\r\n      bulk string
 * $-1\r\n            nil                 *2\r\n$3\r\nGET\r\n$3\r\nfoo\r\n   array
 * </pre>
 */
public final class RespWriter {

    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream out;

    public RespWriter(OutputStream out) {
        this.out = new BufferedOutputStream(out, 1 << 16);
    }

    /** Writes one reply (an array with everything inside it). */
    public RespWriter write(Reply reply) throws IOException {
        if (reply instanceof Reply.Simple s) {
            line('+', s.text());
        } else if (reply instanceof Reply.Error e) {
            line('-', e.message());
        } else if (reply instanceof Reply.Int i) {
            line(':', Long.toString(i.value()));
        } else if (reply instanceof Reply.Bulk b) {
            bulk(b.value());
        } else if (reply instanceof Reply.Nil) {
            line('$', "-1");
        } else if (reply instanceof Reply.Array a) {
            line('*', Integer.toString(a.items().size()));
            for (Reply item : a.items()) {
                write(item);
            }
        } else {
            throw new AssertionError("unknown reply " + reply);
        }
        return this;
    }

    /** Writes a command as a client sends it: an array of bulk strings. */
    public RespWriter writeCommand(List<Bytes> args) throws IOException {
        line('*', Integer.toString(args.size()));
        for (Bytes arg : args) {
            bulk(arg);
        }
        return this;
    }

    public void flush() throws IOException {
        out.flush();
    }

    private void line(char type, String text) throws IOException {
        out.write(type);
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write(CRLF);
    }

    private void bulk(Bytes value) throws IOException {
        line('$', Integer.toString(value.length()));
        value.writeTo(out);
        out.write(CRLF);
    }
}
