package rafting.traffic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A pedestrian button: each press sends its name ({@code NS} or {@code EW}) to the controller over UDP. */
public final class ButtonDevice implements AutoCloseable {

    private final Direction name;
    private final InetSocketAddress controller;
    private final DatagramSocket socket;

    private ButtonDevice(Direction name, InetSocketAddress controller) throws IOException {
        this.name = Objects.requireNonNull(name, "name");
        this.controller = Objects.requireNonNull(controller, "controller");
        this.socket = new DatagramSocket();
    }

    public static ButtonDevice open(Direction name, InetSocketAddress controller) throws IOException {
        return new ButtonDevice(name, controller);
    }

    /** Sends one press. UDP gives no receipt: a press the network loses is lost, as with a real wire. */
    public void press() {
        Datagrams.send(socket, name.name(), controller);
    }

    public Direction name() {
        return name;
    }

    @Override
    public void close() {
        socket.close();
    }

    static final String USAGE = """
            usage: button NAME [HOST:PORT]
              NAME       NS or EW: button NS asks the East-West light to turn red, EW the North-South one
              HOST:PORT  where the controller listens (default 127.0.0.1:10000)""";

    /** Sends a press each time Return is pressed, until end of input (Ctrl-D). */
    public static void main(String[] args) throws Exception {
        Options.runMain(USAGE, args, () -> {
            if (args.length < 1 || args.length > 2) {
                throw new IllegalArgumentException("expected a name and an optional controller address");
            }
            Direction name = Direction.parse(args[0]).orElseThrow(
                    () -> new IllegalArgumentException("a button is NS or EW, not '" + args[0] + "'"));
            InetSocketAddress controller = args.length == 2
                    ? Options.address("HOST:PORT", args[1]) : Options.local(Options.CONTROLLER_PORT);
            try (ButtonDevice button = open(name, controller);
                    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                System.out.println("button " + name + ": press Return to press, Ctrl-D to quit (controller at "
                        + Options.show(controller) + ")");
                while (in.readLine() != null) {
                    button.press();
                    System.out.println("button " + name + " pressed");
                }
            }
        });
    }
}
