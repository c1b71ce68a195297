package rafting.traffic;

import java.io.IOException;
import java.io.InputStream;

/**
 * The whole traffic light in one terminal: the controller, both lights and both buttons, each
 * the same program part that runs in its own terminal, talking over UDP on this machine. One
 * status line shows both lights and the controller's state; keys press the buttons.
 */
public final class Demo {

    /** The demo's own defaults: any free ports, so that it never clashes with pieces already running. */
    static final Options DEFAULTS = new Options(0, Options.local(0), Options.local(0), Timings.DEFAULT, 1);

    static final String USAGE = """
            usage: demo [options]
              keys: n = press button NS (stops East-West), e = press button EW (stops North-South), q = quit
            """ + Options.USAGE;

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        Options.runMain(USAGE, args, () -> run(Options.parse(DEFAULTS, args), System.in));
    }

    private static void run(Options options, InputStream keys) throws Exception {
        Screen screen = new Screen();
        try (LightDevice ew = LightDevice.open("EW", options.ewLight().getPort(), color -> screen.redraw());
                LightDevice ns = LightDevice.open("NS", options.nsLight().getPort(), color -> screen.redraw())) {
            Options wired = options.withLights(Options.local(ew.port()), Options.local(ns.port()));
            try (ControllerServer server = ControllerServer.start(wired, screen::state);
                    ButtonDevice nsButton = ButtonDevice.open(Direction.NS, Options.local(server.port()));
                    ButtonDevice ewButton = ButtonDevice.open(Direction.EW, Options.local(server.port()))) {
                System.out.printf("Traffic light: %s; one second lasts %d ms.%n", options.timings(),
                        options.second().toMillis());
                System.out.printf("Controller on UDP %d, lights on %d (EW) and %d (NS).%n", server.port(), ew.port(),
                        ns.port());
                System.out.println("Keys: n = button NS (asks East-West to stop), e = button EW (asks North-South"
                        + " to stop), q = quit.");
                screen.lights(ew, ns); // the status line starts below the header
                Runtime.getRuntime().addShutdownHook(new Thread(screen::end)); // Ctrl-C leaves a clean line
                readKeys(keys, nsButton, ewButton, screen);
            }
        }
        screen.end();
    }

    private static void readKeys(InputStream keys, ButtonDevice ns, ButtonDevice ew, Screen screen) throws IOException {
        int key;
        while ((key = keys.read()) != -1) {
            switch (Character.toLowerCase(key)) {
                case 'n' -> {
                    ns.press();
                    screen.note("button NS pressed");
                }
                case 'e' -> {
                    ew.press();
                    screen.note("button EW pressed");
                }
                case 'q' -> {
                    return;
                }
                default -> { } // Return and other keys do nothing
            }
        }
    }

    /** The status line, redrawn in place whenever a light or the controller changes. */
    private static final class Screen {
        private LightDevice ew;
        private LightDevice ns;
        private State state;
        private String note = "";
        private boolean ended;

        synchronized void lights(LightDevice ew, LightDevice ns) {
            this.ew = ew;
            this.ns = ns;
            redraw();
        }

        synchronized void state(State state) {
            this.state = state;
            redraw();
        }

        synchronized void note(String note) {
            this.note = note;
            redraw();
        }

        synchronized void redraw() {
            if (ew == null || ended) {
                return;
            }
            String controller = state == null ? "" : String.format("%-22s", state);
            System.out.print("\r\u001b[K " + LightDevice.paint("EW", ew.color()) + "   "
                    + LightDevice.paint("NS", ns.color()) + "   controller: " + controller + note);
            System.out.flush();
        }

        synchronized void end() {
            if (!ended) {
                ended = true;
                System.out.println("\u001b[0m");
            }
        }
    }
}
