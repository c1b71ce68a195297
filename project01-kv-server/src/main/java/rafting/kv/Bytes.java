package rafting.kv;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An immutable, binary-safe byte string: the keys and values of the store and the arguments of
 * commands. Equal when the bytes are equal, so it works as a map key, which a bare
 * {@code byte[]} does not (arrays compare by identity).
 *
 * <pre>{@code
 * Bytes.of("foo")                 // "foo"
 * Bytes.of(new byte[] {0, -1})    // "\x00\xff"
 * }</pre>
 */
public final class Bytes {

    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] bytes;

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The UTF-8 encoding of {@code text}. */
    public static Bytes of(String text) {
        return new Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of {@code bytes}: later changes to the array do not show through. */
    public static Bytes of(byte[] bytes) {
        return new Bytes(bytes.clone());
    }

    /** Takes ownership of {@code bytes} without copying; the caller must never change them. */
    static Bytes adopt(byte[] bytes) {
        return new Bytes(bytes);
    }

    /** These bytes followed by {@code more}. */
    Bytes concat(Bytes more) {
        byte[] joined = Arrays.copyOf(bytes, bytes.length + more.bytes.length);
        System.arraycopy(more.bytes, 0, joined, bytes.length, more.bytes.length);
        return new Bytes(joined);
    }

    public int length() {
        return bytes.length;
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** The bytes decoded as UTF-8 (invalid sequences become U+FFFD). */
    public String asString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Quoted, with anything but printable ASCII escaped, the way {@code redis-cli} shows it. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(bytes.length + 2).append('"');
        for (byte b : bytes) {
            int c = b & 0xff;
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        s.append((char) c);
                    } else {
                        s.append(String.format("\\x%02x", c));
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
