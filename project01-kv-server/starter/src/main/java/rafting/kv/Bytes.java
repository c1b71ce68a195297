package rafting.kv;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Part 4: an immutable, binary-safe byte string: the keys and values of the store and the
 * arguments of commands. Equal when the bytes are equal (and {@code hashCode} by content), so it
 * works as a map key, which a bare {@code byte[]} does not (arrays compare by identity).
 *
 * <pre>{@code
 * Bytes.of("foo")                 // "foo"
 * Bytes.of(new byte[] {0, -1})    // "\x00\xff"
 * }</pre>
 *
 * <p>The field, the private constructor and {@link #EMPTY} are given.
 */
public final class Bytes {

    /** No bytes at all (given). */
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] bytes;

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The UTF-8 encoding of {@code text}. */
    public static Bytes of(String text) {
        throw new UnsupportedOperationException("Part 4: encode the text as UTF-8");
    }

    /** A copy of {@code bytes}: later changes to the array do not show through. */
    public static Bytes of(byte[] bytes) {
        throw new UnsupportedOperationException("Part 4: copy the array");
    }

    /** How many bytes. */
    public int length() {
        throw new UnsupportedOperationException("Part 4: the number of bytes");
    }

    /** A copy of the bytes: changing it changes nothing here. */
    public byte[] toByteArray() {
        throw new UnsupportedOperationException("Part 4: a copy of the bytes");
    }

    /** The bytes decoded as UTF-8 (invalid sequences become U+FFFD). */
    public String asString() {
        throw new UnsupportedOperationException("Part 4: decode as UTF-8");
    }

    /** Writes the bytes to {@code out} without copying them (the RESP writer uses it). */
    public void writeTo(OutputStream out) throws IOException {
        throw new UnsupportedOperationException("Part 4: write the bytes");
    }

    /** Equal to another {@code Bytes} holding the same bytes. */
    @Override
    public boolean equals(Object o) {
        throw new UnsupportedOperationException("Part 4: compare the contents");
    }

    /** By content, consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        throw new UnsupportedOperationException("Part 4: hash the contents");
    }

    /**
     * Quoted, the way {@code redis-cli} shows a value: printable ASCII (0x20..0x7e) as itself,
     * except {@code "} as {@code \"} and {@code \} as {@code \\}; LF, CR and TAB as {@code \n},
     * {@code \r}, {@code \t}; every other byte as {@code \xhh} (two lower-case hex digits). So
     * {@code "hello"}, {@code "\x00\r\n\t\"\\\xff"}, and {@code "é"} is {@code "\xc3\xa9"}.
     */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 4: quote and escape like redis-cli");
    }
}
