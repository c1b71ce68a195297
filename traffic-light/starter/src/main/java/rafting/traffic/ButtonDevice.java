package rafting.traffic;

import java.io.IOException;
import java.net.InetSocketAddress;

/** Part 3: a pedestrian button: each press sends its name ({@code NS} or {@code EW}) to the controller, one UDP datagram. */
public final class ButtonDevice implements AutoCloseable {

    private ButtonDevice() {}

    /** A button that sends to {@code controller} from a socket of its own. */
    public static ButtonDevice open(Direction name, InetSocketAddress controller) throws IOException {
        throw new UnsupportedOperationException("Part 3: open a socket for the button");
    }

    /** Sends one press. UDP gives no receipt: a press the network loses is lost, as with a real wire. */
    public void press() {
        throw new UnsupportedOperationException("Part 3: send the button's name");
    }

    /** The button's name. */
    public Direction name() {
        throw new UnsupportedOperationException("Part 3: the name");
    }

    /** Closes the socket. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("Part 3: close the socket");
    }

    /** {@code button NAME [HOST:PORT]}: sends a press each time Return is pressed, until end of input (Ctrl-D). */
    public static void main(String[] args) throws Exception {
        throw new UnsupportedOperationException("Part 3: a press per line of input");
    }
}
