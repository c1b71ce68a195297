package rafting.kv;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A RESP client for {@link KvServer} (or Redis), and the workshop's command line.
 *
 * <pre>{@code
 * java -cp project01-kv-server/target/classes rafting.kv.KvClient set foo hello    # ok
 * java -cp project01-kv-server/target/classes rafting.kv.KvClient get foo          # hello
 *
 * try (KvClient kv = KvClient.connect("127.0.0.1", 12345)) {
 *     kv.set(Bytes.of("foo"), Bytes.of("hello"));
 * }
 * }</pre>
 *
 * One request at a time: a client is not meant to be shared between threads.
 */
public final class KvClient implements Closeable {

    /** The server answered with an error reply. */
    public static final class ErrorReplyException extends IOException {
        private static final long serialVersionUID = 1L;

        ErrorReplyException(String message) {
            super(message);
        }
    }

    private static final int CONNECT_TIMEOUT_MILLIS = 2000;
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final RespReader in;
    private final RespWriter out;

    private KvClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new RespReader(socket.getInputStream());
        this.out = new RespWriter(socket.getOutputStream());
    }

    /** Connects, giving up after two seconds; a reply that takes over ten seconds is an error. */
    public static KvClient connect(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            return new KvClient(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends one command and returns the server's reply, whatever it is. */
    public Reply call(List<Bytes> args) throws IOException {
        out.writeCommand(args).flush();
        Reply reply = in.readReply();
        if (reply == null) {
            throw new EOFException("the server closed the connection");
        }
        return reply;
    }

    /** {@code kv.call("SET", "foo", "hello")}. */
    public Reply call(String... words) throws IOException {
        return call(Arrays.stream(words).map(Bytes::of).toList());
    }

    public Optional<Bytes> get(Bytes key) throws IOException {
        Reply reply = expect(List.of(Bytes.of("GET"), key), Reply.Bulk.class, Reply.Nil.class);
        return reply instanceof Reply.Bulk bulk ? Optional.of(bulk.value()) : Optional.empty();
    }

    public void set(Bytes key, Bytes value) throws IOException {
        expect(List.of(Bytes.of("SET"), key, value), Reply.Simple.class);
    }

    /** Returns whether the key existed. */
    public boolean delete(Bytes key) throws IOException {
        return integer(List.of(Bytes.of("DEL"), key)) == 1;
    }

    public boolean exists(Bytes key) throws IOException {
        return integer(List.of(Bytes.of("EXISTS"), key)) == 1;
    }

    /** Returns whether the key held {@code expected} and now holds {@code value}. */
    public boolean cas(Bytes key, Bytes expected, Bytes value) throws IOException {
        return integer(List.of(Bytes.of("CAS"), key, expected, value)) == 1;
    }

    private long integer(List<Bytes> args) throws IOException {
        return ((Reply.Int) expect(args, Reply.Int.class)).value();
    }

    @SafeVarargs
    private Reply expect(List<Bytes> args, Class<? extends Reply>... expected) throws IOException {
        Reply reply = call(args);
        if (reply instanceof Reply.Error error) {
            throw new ErrorReplyException(error.message());
        }
        for (Class<? extends Reply> type : expected) {
            if (type.isInstance(reply)) {
                return reply;
            }
        }
        throw new ProtocolException("unexpected reply " + reply + " to " + args.get(0).asString());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    // ---- the command line ----

    private static final String USAGE = "usage: KvClient [--host H] [--port N] "
            + "get KEY | set KEY VALUE | delete KEY | exists KEY | cas KEY EXPECTED NEW | ping";

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs one command line and returns the exit status: 0 done, 1 the server could not be
     * reached or answered with an error, 2 wrong arguments.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String host = "127.0.0.1";
        int port = KvServer.DEFAULT_PORT;
        int i = 0;
        try {
            for (; i + 1 < args.length && args[i].startsWith("--"); i += 2) {
                switch (args[i]) {
                    case "--host" -> host = args[i + 1];
                    case "--port" -> port = Integer.parseInt(args[i + 1]);
                    default -> throw new IllegalArgumentException(args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println(USAGE);
            return 2;
        }
        List<String> command = Arrays.asList(args).subList(i, args.length);
        if (port < 0 || port > 65535 || !validArity(command)) {
            err.println(USAGE);
            return 2;
        }
        try (KvClient kv = connectOrExplain(host, port)) {
            out.println(execute(kv, command));
            return 0;
        } catch (IOException e) {
            err.println("KvClient: " + e.getMessage());
        }
        return 1;
    }

    private static boolean validArity(List<String> command) {
        if (command.isEmpty()) {
            return false;
        }
        int n = command.size();
        return switch (command.get(0)) {
            case "get", "delete", "exists" -> n == 2;
            case "set" -> n == 3;
            case "cas" -> n == 4;
            case "ping" -> n == 1;
            default -> false;
        };
    }

    private static KvClient connectOrExplain(String host, int port) throws IOException {
        try {
            return connect(host, port);
        } catch (IOException e) {
            throw new IOException("cannot connect to " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Runs a validated command and gives the line to print. */
    private static String execute(KvClient kv, List<String> command) throws IOException {
        List<Bytes> a = command.stream().skip(1).map(Bytes::of).toList();
        return switch (command.get(0)) {
            case "get" -> kv.get(a.get(0)).map(Bytes::asString).orElse("(nil)");
            case "set" -> {
                kv.set(a.get(0), a.get(1));
                yield "ok";
            }
            case "delete" -> kv.delete(a.get(0)) ? "ok" : "(nil)";
            case "exists" -> kv.exists(a.get(0)) ? "1" : "0";
            case "cas" -> kv.cas(a.get(0), a.get(1), a.get(2)) ? "1" : "0";
            case "ping" -> kv.call("PING").toString();
            default -> throw new AssertionError(command);
        };
    }
}
