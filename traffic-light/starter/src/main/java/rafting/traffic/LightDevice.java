package rafting.traffic;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Part 3: a light: it listens on a UDP port and shows whatever color it is told ({@code G},
 * {@code Y} or {@code R}, surrounding blanks such as a newline allowed). Anything else is ignored
 * with one warning line that quotes it ({@link Datagrams#quote}). It knows nothing of traffic
 * rules; the controller does. Its receiving thread is called {@code light-} and the label; none
 * may be alive after {@link #close()}.
 */
public final class LightDevice implements AutoCloseable {

    private LightDevice() {}

    /** Listens on {@code port} (0 for any free one); {@code onChange} sees each <em>new</em> color (a repeated one is no change), on the receiving thread. */
    public static LightDevice open(String label, int port, Consumer<Color> onChange) throws IOException {
        throw new UnsupportedOperationException("Part 3: bind the port, start receiving");
    }

    /** The UDP port it listens on. */
    public int port() {
        throw new UnsupportedOperationException("Part 3: the bound port");
    }

    /** The label it shows. */
    public String label() {
        throw new UnsupportedOperationException("Part 3: the label");
    }

    /** The color shown now, or null before the first message. */
    public Color color() {
        throw new UnsupportedOperationException("Part 3: the color shown");
    }

    /** Closes the socket and waits for the receiving thread. */
    @Override
    public void close() throws InterruptedException {
        throw new UnsupportedOperationException("Part 3: stop receiving");
    }

    /** {@code light LABEL [PORT]}: runs one light in the foreground, printing a colored block (ANSI colors) each time its color changes. */
    public static void main(String[] args) throws Exception {
        throw new UnsupportedOperationException("Part 3: run one light");
    }
}
