package rafting.traffic;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A light: it listens on a UDP port and shows whatever color it is told ({@code G}, {@code Y} or
 * {@code R}). It knows nothing of traffic rules; the controller does.
 */
public final class LightDevice implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LightDevice.class.getName());

    private final String label;
    private final DatagramSocket socket;
    private final Consumer<Color> onChange;
    private final Datagrams receiver;
    private volatile Color color; // null until the first message

    private LightDevice(String label, int port, Consumer<Color> onChange) throws IOException {
        this.label = Objects.requireNonNull(label, "label");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        this.socket = new DatagramSocket(new InetSocketAddress(port));
        this.receiver = Datagrams.receive("light-" + label, socket, this::onDatagram);
    }

    /** Listens on {@code port} (0 for any free one); {@code onChange} sees each new color, on the receiving thread. */
    public static LightDevice open(String label, int port, Consumer<Color> onChange) throws IOException {
        return new LightDevice(label, port, onChange);
    }

    private void onDatagram(String text, SocketAddress from) {
        Color.parse(text).ifPresentOrElse(this::show, () -> LOG.log(System.Logger.Level.WARNING,
                "light {0}: ignored datagram {1} from {2} (expected G, Y or R)", label, Datagrams.quote(text), from));
    }

    private void show(Color next) {
        if (next != color) {
            color = next;
            onChange.accept(next);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    public String label() {
        return label;
    }

    /** The color shown now, or null before the first message. */
    public Color color() {
        return color;
    }

    @Override
    public void close() throws InterruptedException {
        receiver.close();
    }

    /** The label and the color as a terminal shows them: a colored block with the color's name. */
    static String paint(String label, Color color) {
        if (color == null) {
            return label + " [  ...   ]";
        }
        String background = switch (color) {
            case GREEN -> "\u001b[30;42m";
            case YELLOW -> "\u001b[30;43m";
            case RED -> "\u001b[37;41m";
        };
        return label + " " + background + String.format(" %-6s ", color) + "\u001b[0m";
    }

    static final String USAGE = """
            usage: light LABEL [PORT]
              LABEL  the name to show, EW or NS (anything else needs a PORT)
              PORT   the UDP port to listen on (default: 10001 for EW, 10002 for NS)""";

    /** Runs one light in the foreground, printing a line each time its color changes. */
    public static void main(String[] args) throws Exception {
        Options.runMain(USAGE, args, () -> {
            if (args.length < 1 || args.length > 2) {
                throw new IllegalArgumentException("expected a label and an optional port");
            }
            String label = args[0];
            int port;
            if (args.length == 2) {
                port = Options.address("PORT", args[1]).getPort();
            } else {
                port = switch (label) {
                    case "EW" -> Options.EW_LIGHT_PORT;
                    case "NS" -> Options.NS_LIGHT_PORT;
                    default -> throw new IllegalArgumentException("light " + label + " has no default port; give one");
                };
            }
            LightDevice light = open(label, port, color -> System.out.println(paint(label, color)));
            System.out.println("light " + label + ": listening on UDP port " + light.port() + "; Ctrl-C to stop");
            light.receiver.join();
        });
    }
}
