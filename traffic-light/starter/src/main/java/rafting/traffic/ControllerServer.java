package rafting.traffic;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Part 3: the controller as a network program: button presses arrive as UDP datagrams
 * ({@code NS} or {@code EW}; anything else is ignored with a one-line warning), colors leave as
 * UDP datagrams ({@code G}, {@code Y}, {@code R}) to the two light devices. Every second the
 * colors are sent again, not only on a change, so a light started late, or a lost datagram,
 * catches up within a second. The runtime runs on {@code EventLoop.create("traffic-controller")},
 * the button receiver on a thread called {@code controller-buttons}: after {@link #close()}
 * neither is alive.
 */
public final class ControllerServer implements AutoCloseable {

    private ControllerServer() {}

    /** Binds the button port, starts the loop and the clock; {@code watcher} sees every state, on the loop's thread. */
    public static ControllerServer start(Options options, Consumer<State> watcher) throws IOException {
        throw new UnsupportedOperationException("Part 3: bind, start the runtime on a real loop, send the colors");
    }

    /** The UDP port where button presses are received. */
    public int port() {
        throw new UnsupportedOperationException("Part 3: the button port");
    }

    /** The latest state. */
    public State state() {
        throw new UnsupportedOperationException("Part 3: the runtime's state");
    }

    /** Stops the clock and the loop, then closes the socket; nothing is left running. */
    @Override
    public void close() throws InterruptedException {
        throw new UnsupportedOperationException("Part 3: stop the loop, close the socket, wait for the threads");
    }

    /** {@code controller [options]}: runs the controller in the foreground and prints each change of state. */
    public static void main(String[] args) throws Exception {
        throw new UnsupportedOperationException("Part 3: run the controller");
    }
}
