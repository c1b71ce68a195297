package rafting.kv;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads RESP2 from a stream: commands on the server side ({@link #readCommand()}), replies on
 * the client side ({@link #readReply()}).
 *
 * <p>A command is an array of bulk strings, {@code *2\r\n$3\r\nGET\r\n$3\r\nfoo\r\n}, or, as
 * Redis also accepts, an inline command: one line of words separated by spaces, so that
 * {@code nc} and {@code telnet} work ({@code GET foo}). Every size on the wire is checked
 * against the {@link Limits} before anything is allocated for it, and memory for a bulk string
 * grows as its bytes arrive, never on the word of its header alone. A command holds at most
 * {@link #MAX_COMMAND_BYTES}, and all the commands being received in this process together at
 * most {@link #MAX_RECEIVING_BYTES}: past either, the read fails with a {@link RespException}.
 *
 * <p>Errors: malformed input throws {@link RespException} with a precise message; a stream that
 * ends in the middle of a message throws {@link java.io.EOFException}; a stream that ends
 * between messages makes the read return {@code null}.
 */
public final class RespReader {

    /**
     * How much a peer may ask us to hold.
     *
     * @param maxArrayLength the most elements in one array
     * @param maxBulkLength the most bytes in one bulk string
     * @param maxLineLength the most bytes in one inline command, simple string or error line
     */
    public record Limits(int maxArrayLength, int maxBulkLength, int maxLineLength) {
        /** A million arguments, 16 MiB per bulk string, 64 KiB per line. */
        public static final Limits DEFAULT = new Limits(1 << 20, 16 << 20, 64 << 10);

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
    /** What one argument costs besides its bytes (its object and its slot in the list). */
    private static final int ARGUMENT_OVERHEAD = 32;
    /** Bytes held by commands being received, over every reader of this process. */
    private static final AtomicLong RECEIVING = new AtomicLong();
    /** A bulk string's first allocation; it doubles as its bytes arrive. */
    private static final int FIRST_CHUNK = 1 << 16;

    /** Replies nest arrays; our servers never nest deeper than this, and a stack is finite. */
    private static final int MAX_DEPTH = 32;
    /** A length line holds a long: a sign and 19 digits. */
    private static final int MAX_LENGTH_LINE = 20;

    private final InputStream in;
    private final Limits limits;
    private final byte[] buffer;
    private int pos;
    private int end;
    private String reading = "message";
    private long held; // bytes this reader holds for the command being received

    public RespReader(InputStream in) {
        this(in, Limits.DEFAULT);
    }

    public RespReader(InputStream in, Limits limits) {
        this.in = in;
        this.limits = limits;
        this.buffer = new byte[Math.max(1 << 13, limits.maxLineLength() + 2)];
    }

    /**
     * Reads the next command as its list of arguments (the command name first).
     *
     * @return the arguments, never empty, or {@code null} if the stream ended between commands
     */
    public List<Bytes> readCommand() throws IOException {
        try {
            return readOneCommand();
        } finally {
            giveBack();
        }
    }

    private List<Bytes> readOneCommand() throws IOException {
        reading = "command";
        while (true) {
            if (pos == end && !fill()) {
                return null;
            }
            if (buffer[pos] != '*') {
                List<Bytes> words = readInline();
                if (!words.isEmpty()) {
                    return words;
                }
                continue; // an empty line: Redis ignores those, and so do we
            }
            pos++;
            long count = readLength("multibulk length", limits.maxArrayLength());
            if (count < -1) {
                throw new RespException("invalid multibulk length " + count);
            }
            if (count <= 0) {
                continue; // *0 and *-1 carry no command; skip them like Redis
            }
            List<Bytes> args = new ArrayList<>((int) Math.min(count, 16));
            for (long i = 0; i < count; i++) {
                int type = readByte();
                if (type != '$') {
                    throw new RespException("expected '$', got " + show(type));
                }
                long length = readLength("bulk length", limits.maxBulkLength());
                if (length < 0) {
                    throw new RespException("invalid bulk length " + length);
                }
                hold(ARGUMENT_OVERHEAD);
                args.add(readBulk((int) length));
            }
            return args;
        }
    }

    /**
     * Reads the next reply of any type.
     *
     * @return the reply, or {@code null} if the stream ended between replies
     */
    public Reply readReply() throws IOException {
        reading = "reply";
        if (pos == end && !fill()) {
            return null;
        }
        try {
            return readReply(0);
        } finally {
            giveBack();
        }
    }

    /** Whether bytes that were already received wait to be parsed (pipelined commands). */
    public boolean hasBufferedInput() {
        return pos < end;
    }

    private Reply readReply(int depth) throws IOException {
        int type = readByte();
        switch (type) {
            case '+':
                return Reply.simple(readText());
            case '-':
                return Reply.error(readText());
            case ':':
                return Reply.integer(readLength("integer", Long.MAX_VALUE));
            case '$': {
                long length = readLength("bulk length", limits.maxBulkLength());
                if (length < -1) {
                    throw new RespException("invalid bulk length " + length);
                }
                return length == -1 ? Reply.NIL : Reply.bulk(readBulk((int) length));
            }
            case '*': {
                long count = readLength("multibulk length", limits.maxArrayLength());
                if (count < -1) {
                    throw new RespException("invalid multibulk length " + count);
                }
                if (count == -1) {
                    return Reply.NIL;
                }
                if (depth == MAX_DEPTH) {
                    throw new RespException("arrays nested deeper than " + MAX_DEPTH);
                }
                List<Reply> items = new ArrayList<>((int) Math.min(count, 16));
                for (long i = 0; i < count; i++) {
                    items.add(readReply(depth + 1));
                }
                return new Reply.Array(items);
            }
            default:
                throw new RespException("unknown reply type " + show(type));
        }
    }

    /** An inline command: the words of one line, split on spaces and tabs. */
    private List<Bytes> readInline() throws IOException {
        int newline = findLineEnd(limits.maxLineLength());
        if (newline == TOO_LONG) {
            throw new RespException("inline command longer than " + limits.maxLineLength() + " bytes");
        }
        int stop = newline > pos && buffer[newline - 1] == '\r' ? newline - 1 : newline;
        List<Bytes> words = new ArrayList<>();
        int i = pos;
        while (i < stop) {
            while (i < stop && isBlank(buffer[i])) {
                i++;
            }
            int start = i;
            while (i < stop && !isBlank(buffer[i])) {
                i++;
            }
            if (i > start) {
                words.add(Bytes.adopt(Arrays.copyOfRange(buffer, start, i)));
            }
        }
        pos = newline + 1;
        return words;
    }

    /** The text of a simple string or error line. */
    private String readText() throws IOException {
        int newline = findLineEnd(limits.maxLineLength());
        if (newline == TOO_LONG) {
            throw new RespException("line longer than " + limits.maxLineLength() + " bytes");
        }
        int length = requireCrlf(newline);
        String text = new String(buffer, pos, length, StandardCharsets.UTF_8);
        if (text.indexOf('\r') >= 0) {
            throw new RespException("line " + show(Arrays.copyOfRange(buffer, pos, pos + length))
                    + " holds a CR of its own");
        }
        pos = newline + 1;
        return text;
    }

    /** A number line such as {@code 42\r\n}, after its type byte, checked against {@code max}. */
    private long readLength(String kind, long max) throws IOException {
        int newline = findLineEnd(MAX_LENGTH_LINE);
        if (newline == TOO_LONG) {
            throw new RespException("invalid " + kind + " "
                    + show(Arrays.copyOfRange(buffer, pos, pos + MAX_LENGTH_LINE)) + "...");
        }
        int length = requireCrlf(newline);
        byte[] digits = Arrays.copyOfRange(buffer, pos, pos + length);
        pos = newline + 1;
        OptionalLong parsed = parseLong(digits);
        if (parsed.isEmpty()) {
            throw new RespException("invalid " + kind + " " + show(digits));
        }
        long value = parsed.getAsLong();
        if (value > max) {
            throw new RespException(kind + " " + value + " above the limit of " + max);
        }
        return value;
    }

    /** Checks that the line ending at {@code newline} ends with CR LF; returns its length. */
    private int requireCrlf(int newline) throws RespException {
        if (newline == pos || buffer[newline - 1] != '\r') {
            throw new RespException("line " + show(Arrays.copyOfRange(buffer, pos, newline))
                    + " ends with LF instead of CR LF");
        }
        return newline - 1 - pos;
    }

    /** The {@code length} bytes of a bulk string and the CR LF after them. */
    private Bytes readBulk(int length) throws IOException {
        byte[] data = new byte[Math.min(length, FIRST_CHUNK)];
        hold(data.length);
        int filled = 0;
        while (filled < length) {
            if (pos == end && !fill()) {
                throw endOfStream();
            }
            if (filled == data.length) {
                int grown = (int) Math.min(length, 2L * data.length);
                hold(grown - data.length);
                data = Arrays.copyOf(data, grown);
            }
            int n = Math.min(data.length - filled, end - pos);
            System.arraycopy(buffer, pos, data, filled, n);
            pos += n;
            filled += n;
        }
        int cr = readByte();
        int lf = readByte();
        if (cr != '\r' || lf != '\n') {
            throw new RespException("expected CR LF after a bulk string of " + length
                    + " bytes, got " + show(cr) + " " + show(lf));
        }
        return Bytes.adopt(data);
    }

    /** Counts {@code bytes} more against this command's budget and the process's. */
    private void hold(long bytes) throws RespException {
        if (held + bytes > MAX_COMMAND_BYTES) {
            throw new RespException("command too large: more than " + (MAX_COMMAND_BYTES >> 20) + " MiB");
        }
        if (RECEIVING.addAndGet(bytes) > MAX_RECEIVING_BYTES) {
            RECEIVING.addAndGet(-bytes);
            throw new RespException("server busy: clients are sending more than " + (MAX_RECEIVING_BYTES >> 20)
                    + " MiB of commands at once; try again");
        }
        held += bytes;
    }

    /** The command or reply is read (or failed): what it held is free for others. */
    private void giveBack() {
        RECEIVING.addAndGet(-held);
        held = 0;
    }

    /** Bytes held right now by the commands being received in this process (for tests). */
    static long receivingBytes() {
        return RECEIVING.get();
    }

    private static final int TOO_LONG = -2;

    /**
     * Makes sure a whole line is in the buffer and returns the index of its LF, or
     * {@link #TOO_LONG} if more than {@code max} bytes (plus a CR) come before any LF.
     */
    private int findLineEnd(int max) throws IOException {
        int scanned = 0;
        while (true) {
            for (; pos + scanned < end; scanned++) {
                if (buffer[pos + scanned] == '\n') {
                    return pos + scanned;
                }
                if (scanned > max) {
                    return TOO_LONG;
                }
            }
            if (!fill()) {
                throw endOfStream();
            }
        }
    }

    private int readByte() throws IOException {
        if (pos == end && !fill()) {
            throw endOfStream();
        }
        return buffer[pos++] & 0xff;
    }

    /** Reads more bytes into the buffer; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (end == buffer.length) {
            // Keep the unread part, at the front, so a line never straddles the buffer's end.
            System.arraycopy(buffer, pos, buffer, 0, end - pos);
            end -= pos;
            pos = 0;
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            return false;
        }
        end += n;
        return true;
    }

    private EOFException endOfStream() {
        return new EOFException("stream ended in the middle of a " + reading);
    }

    /** A strict decimal: an optional minus, then digits only; no blanks, no plus sign. */
    private static OptionalLong parseLong(byte[] digits) {
        int first = digits.length > 0 && digits[0] == '-' ? 1 : 0;
        if (first == digits.length) {
            return OptionalLong.empty();
        }
        for (int i = first; i < digits.length; i++) {
            if (digits[i] < '0' || digits[i] > '9') {
                return OptionalLong.empty();
            }
        }
        try {
            return OptionalLong.of(Long.parseLong(new String(digits, StandardCharsets.US_ASCII)));
        } catch (NumberFormatException tooLong) {
            return OptionalLong.empty();
        }
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    private static String show(int b) {
        return show(new byte[] {(byte) b});
    }

    private static String show(byte[] bytes) {
        return Bytes.adopt(bytes).toString();
    }
}
