package rafting.kv;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/**
 * The key-value server of Project 1: a {@link KvStore} served over TCP in RESP2, the Redis
 * protocol, with a thread per connection.
 *
 * <pre>{@code
 * java -cp project01-kv-server/target/classes rafting.kv.KvServer 12345
 * redis-cli -p 12345 set foo hello
 * }</pre>
 *
 * <p>What bad input costs whom:
 * <ul>
 * <li>an unknown command or the wrong number of arguments: an error reply, and the connection
 *     goes on (the request was well framed, so the next one starts right after it);
 * <li>malformed RESP (a bad type byte, a bad or too large length, a missing CR LF, a line too
 *     long): an error reply, then that connection is closed, because we can no longer tell
 *     where the next command starts;
 * <li>a client that hangs up mid-command: that connection ends quietly.
 * </ul>
 * No case touches another client's connection.
 */
public final class KvServer implements Closeable {

    public static final int DEFAULT_PORT = 12345;

    private static final System.Logger LOG = System.getLogger(KvServer.class.getName());

    private final KvStore store;
    private final RespReader.Limits limits;
    private final TcpServer server;

    private KvServer(int port, KvStore store, RespReader.Limits limits) throws IOException {
        this.store = store;
        this.limits = limits;
        this.server = TcpServer.start("kv", port, this::serve);
    }

    /** Serves a new, empty store on {@code port} of the loopback address (0 picks a free port). */
    public static KvServer start(int port) throws IOException {
        return start(port, new KvStore(), RespReader.Limits.DEFAULT);
    }

    /** Serves {@code store} on {@code port} of the loopback address, with these input limits. */
    public static KvServer start(int port, KvStore store, RespReader.Limits limits) throws IOException {
        return new KvServer(port, store, limits);
    }

    public InetSocketAddress address() {
        return server.address();
    }

    public int port() {
        return server.port();
    }

    public KvStore store() {
        return store;
    }

    /** How many client connections are open right now. */
    int openConnections() {
        return server.openConnections();
    }

    /** Stops accepting and closes every connection. */
    @Override
    public void close() {
        server.close();
    }

    /** One connection: read a command, run it, reply; until the client leaves or misbehaves. */
    private void serve(Socket socket) throws IOException {
        RespReader in = new RespReader(socket.getInputStream(), limits);
        RespWriter out = new RespWriter(socket.getOutputStream());
        while (true) {
            List<Bytes> request;
            try {
                request = in.readCommand();
            } catch (RespException e) {
                LOG.log(System.Logger.Level.DEBUG, "kv: closing " + socket.getRemoteSocketAddress()
                        + " after " + e.getMessage());
                out.write(Reply.error("ERR " + e.getMessage())).flush();
                TcpServer.lingerAndClose(socket);
                return;
            } catch (EOFException e) {
                LOG.log(System.Logger.Level.DEBUG, "kv: " + socket.getRemoteSocketAddress()
                        + " hung up: " + e.getMessage());
                return;
            }
            if (request == null) {
                out.flush();
                return;
            }
            KvCommand command = null;
            Reply reply = ServerCommands.answer(request, "standalone", "master").orElse(null);
            if (reply == null) {
                try {
                    command = KvCommand.parse(request);
                    reply = command instanceof KvCommand.FlushAll && !KvCommand.FlushAll.allowed()
                            ? Reply.error(KvCommand.FlushAll.REFUSED)
                            : command.applyTo(store);
                } catch (InvalidCommandException e) {
                    reply = e.reply();
                }
            }
            out.write(reply);
            if (command instanceof KvCommand.Quit) {
                out.flush();
                return;
            }
            // Pipelined commands already received get their replies in one write.
            if (!in.hasBufferedInput()) {
                out.flush();
            }
        }
    }


    public static void main(String[] args) throws Exception {
        int port = Ports.fromArgs("KvServer", args, DEFAULT_PORT);
        try (KvServer kv = start(port)) {
            System.out.println("kv server listening on " + kv.server.hostAndPort());
            kv.server.awaitClosed();
        }
    }
}
