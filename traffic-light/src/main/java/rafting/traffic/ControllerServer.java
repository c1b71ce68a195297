package rafting.traffic;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.function.Consumer;
import rafting.events.EventLoop;

/**
 * The controller as a network program: button presses arrive as UDP datagrams ({@code NS} or
 * {@code EW}), colors leave as UDP datagrams ({@code G}, {@code Y}, {@code R}) to the two light
 * devices. Every second the colors are sent again, so a light started late, or a lost datagram,
 * catches up within a second.
 */
public final class ControllerServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ControllerServer.class.getName());

    private final DatagramSocket socket;
    private final EventLoop loop;
    private final ControllerRuntime runtime;
    private final Datagrams receiver;

    private ControllerServer(Options options, Consumer<State> watcher) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(options.port()));
        loop = EventLoop.create("traffic-controller").start();
        runtime = ControllerRuntime.start(Controller.of(options.timings()), loop, options.second(), state -> {
            for (Direction light : Direction.values()) {
                Datagrams.send(socket, state.color(light).message(), options.light(light));
            }
            watcher.accept(state);
        });
        receiver = Datagrams.receive("controller-buttons", socket, this::onDatagram);
    }

    /** Binds the button port, starts the loop and the clock; {@code watcher} sees every state, on the loop's thread. */
    public static ControllerServer start(Options options, Consumer<State> watcher) throws IOException {
        return new ControllerServer(options, watcher);
    }

    private void onDatagram(String text, SocketAddress from) {
        Direction.parse(text).ifPresentOrElse(runtime::press, () -> LOG.log(System.Logger.Level.WARNING,
                "controller: ignored datagram {0} from {1} (a button sends NS or EW)", Datagrams.quote(text), from));
    }

    /** The UDP port where button presses are received. */
    public int port() {
        return socket.getLocalPort();
    }

    public State state() {
        return runtime.state();
    }

    /** Stops the clock and the loop, then closes the socket; nothing is left running. */
    @Override
    public void close() throws InterruptedException {
        loop.close();
        receiver.close();
    }

    static final String USAGE = "usage: controller [options]\n" + Options.USAGE;

    /** Runs the controller in the foreground and prints each change of state. */
    public static void main(String[] args) throws Exception {
        Options.runMain(USAGE, args, () -> {
            Options options = Options.parse(Options.DEFAULT, args);
            Printer printer = new Printer();
            ControllerServer server = start(options, printer::show);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            printer.begin("controller: buttons on UDP port " + server.port() + ", lights at EW "
                    + Options.show(options.ewLight()) + " and NS " + Options.show(options.nsLight()) + "; Ctrl-C to stop\n"
                    + "controller: " + options.timings() + ", one second lasts " + options.second().toMillis() + " ms",
                    server.state());
        });
    }

    /** Prints a line for each new phase, or new pending press, after the banner. */
    private static final class Printer {
        private State last;
        private boolean begun;

        synchronized void begin(String banner, State now) {
            System.out.println(banner);
            begun = true;
            print(now);
        }

        synchronized void show(State state) {
            if (begun && (state.phase() != last.phase() || state.pending() != last.pending())) {
                print(state);
            }
        }

        private void print(State state) {
            last = state;
            System.out.printf("%-22s EW %-6s NS %s%n", state, state.color(Direction.EW), state.color(Direction.NS));
        }
    }
}
