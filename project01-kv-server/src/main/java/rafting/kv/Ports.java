package rafting.kv;

/** Reads the optional {@code [port]} argument of the server programs. */
final class Ports {

    private Ports() {}

    /** The port in {@code args}, or {@code defaultPort}; a bad argument ends the program. */
    static int fromArgs(String program, String[] args, int defaultPort) {
        if (args.length == 0) {
            return defaultPort;
        }
        if (args.length == 1) {
            try {
                int port = Integer.parseInt(args[0]);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // fall through to the usage line
            }
        }
        System.err.println("usage: " + program + " [port]   (0..65535, default " + defaultPort + ")");
        System.exit(2);
        throw new AssertionError("unreachable");
    }
}
