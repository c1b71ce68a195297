package rafting.kv;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Part 5: reads RESP2 from a stream: commands on the server side ({@link #readCommand()}),
 * replies on the client side ({@link #readReply()}).
 *
 * <p>A command is an array of bulk strings, {@code *2\r\n$3\r\nGET\r\n$3\r\nfoo\r\n}, or, as
 * Redis also accepts, an inline command: one line of words separated by spaces or tabs, ended by
 * CR LF or a lone LF ({@code GET foo}). Empty lines, {@code *0} and {@code *-1} carry no command
 * and are skipped. Every size on the wire is checked against the {@link Limits} before anything
 * is allocated for it, and a bulk string's array grows as its bytes arrive (start at 64 KiB and
 * double), never allocated whole on the word of its header. One command holds at most
 * {@link #MAX_COMMAND_BYTES} (its arguments' bytes plus 32 for each argument), and all the
 * commands being received in the process together at most {@link #MAX_RECEIVING_BYTES} (a static
 * counter shared by every reader; give back what a command held when it is read or fails): past
 * either, {@code Protocol error: command too large: more than 64 MiB} or
 * {@code Protocol error: server busy: ...}. Read from the stream in large chunks into a buffer of your own (one
 * {@code read} per byte would be slow).
 *
 * <p>Errors: malformed input throws {@link RespException}, whose messages are listed in the
 * README's Part 5 table, word for word (the tests check every one; a byte or bytes are shown as
 * {@link Bytes#toString} shows them):
 * <ul>
 * <li>{@code Protocol error: invalid multibulk length "abc"} (also for {@code *}, {@code *+1},
 *     {@code * 1}, a length that overflows a long); {@code ... invalid multibulk length -2};
 *     {@code ... multibulk length 5 above the limit of 4}; a length line of more than 20 bytes:
 *     {@code ... invalid multibulk length "12345678901234567890"...} (its first 20 bytes);
 * <li>{@code ... line "1" ends with LF instead of CR LF};
 *     {@code ... expected '$', got "+"};
 * <li>{@code ... invalid bulk length -1}, {@code ... invalid bulk length "x"},
 *     {@code ... bulk length 17 above the limit of 16},
 *     {@code ... expected CR LF after a bulk string of 4 bytes, got "X" "Y"};
 * <li>{@code ... inline command longer than 64 bytes};
 * <li>replies: {@code ... unknown reply type "?"}, {@code ... invalid integer "abc"},
 *     {@code ... line "O\rK" holds a CR of its own}, {@code ... line longer than 64 bytes},
 *     {@code ... arrays nested deeper than 32}.
 * </ul>
 * A stream that ends in the middle of a command throws
 * {@code EOFException("stream ended in the middle of a command")} ({@code ... of a reply} for
 * replies); a stream that ends between messages makes the read return {@code null}.
 */
public final class RespReader {

    /**
     * How much a peer may ask us to hold. Given whole.
     *
     * @param maxArrayLength the most elements in one array
     * @param maxBulkLength the most bytes in one bulk string
     * @param maxLineLength the most bytes in one inline command, simple string or error line
     */
    public record Limits(int maxArrayLength, int maxBulkLength, int maxLineLength) {
        /** A million arguments, 16 MiB per bulk string, 64 KiB per line. */
        public static final Limits DEFAULT = new Limits(1 << 20, 16 << 20, 64 << 10);

        /** Refuses limits below 1 (0 for {@code maxBulkLength}) with an IllegalArgumentException. */
        public Limits {
            if (maxArrayLength < 1 || maxBulkLength < 0 || maxLineLength < 1) {
                throw new IllegalArgumentException("limits must be positive: " + this);
            }
        }
    }

    /** The most one command may hold, arguments and their bookkeeping together. */
    public static final long MAX_COMMAND_BYTES = 64L << 20;
    /** The most all commands still being received in this process may hold together. */
    public static final long MAX_RECEIVING_BYTES = 512L << 20;

    /** Bytes held right now by the commands being received in this process (the tests read it). */
    static long receivingBytes() {
        throw new UnsupportedOperationException("Part 5: the shared count of bytes held");
    }

    /** Reads from {@code in} with {@link Limits#DEFAULT}. */
    public RespReader(InputStream in) {
        throw new UnsupportedOperationException("Part 5: a reader with the default limits");
    }

    /** Reads from {@code in} with the given limits. */
    public RespReader(InputStream in, Limits limits) {
        throw new UnsupportedOperationException("Part 5: keep the stream, the limits and a buffer");
    }

    /**
     * Reads the next command as its list of arguments (the command name first).
     *
     * @return the arguments, never empty, or {@code null} if the stream ended between commands
     */
    public List<Bytes> readCommand() throws IOException {
        throw new UnsupportedOperationException("Part 5: read an array of bulk strings or an inline command");
    }

    /**
     * Reads the next reply of any type ({@code $-1} and {@code *-1} are {@link Reply#NIL}).
     *
     * @return the reply, or {@code null} if the stream ended between replies
     */
    public Reply readReply() throws IOException {
        throw new UnsupportedOperationException("Part 5: read one reply of any type");
    }

    /** Whether bytes that were already received wait to be parsed (pipelined commands). */
    public boolean hasBufferedInput() {
        throw new UnsupportedOperationException("Part 5: whether unparsed bytes are in the buffer");
    }
}
