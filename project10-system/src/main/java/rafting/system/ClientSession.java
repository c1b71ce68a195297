package rafting.system;

import static java.lang.System.Logger.Level.DEBUG;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import rafting.election.NodeState;
import rafting.election.Role;
import rafting.kv.Bytes;
import rafting.kv.InvalidCommandException;
import rafting.kv.KvCommand;
import rafting.kv.Reply;
import rafting.kv.RespException;
import rafting.kv.RespReader;
import rafting.kv.ServerCommands;
import rafting.kv.TcpServer;

/**
 * One client connection, on a thread of its own: read every command that has arrived (a client
 * may pipeline many), hand the ones that need the log to the node in one go, then write the
 * replies in the order the commands came, in one flush.
 *
 * <p>{@code PING}, {@code INFO}, {@code QUIT}, the {@link ClusterCommands} and the
 * {@link ServerCommands} a client library sends on connect are answered here, without the log
 * ({@code FLUSHALL} is refused here too, unless allowed); so are
 * commands that do not parse (an error, and the connection goes on). Malformed RESP gets an error
 * and then the connection is closed, since the next command's start is lost; nothing else changes.
 */
final class ClientSession {

    private static final int MAX_PIPELINE = 1024;
    private static final long REPLY_TIMEOUT_SECONDS = 10;
    private static final System.Logger LOG = System.getLogger(ClientSession.class.getName());

    private final KvNode node;
    private final Socket socket;
    private final ClusterCommands cluster;
    private final ClientAuth auth;

    ClientSession(KvNode node, Socket socket, ClientAuth auth) {
        this.node = node;
        this.socket = socket;
        this.cluster = new ClusterCommands(node.id(), node.cluster());
        this.auth = auth;
    }

    void serve() throws IOException {
        RespReader in = new RespReader(socket.getInputStream());
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        var pipeline = new ArrayList<List<Bytes>>();
        while (true) {
            boolean eof = false;
            byte[] protocolError = null;
            do {
                List<Bytes> request;
                try {
                    request = in.readCommand();
                } catch (RespException e) {
                    protocolError = KvStateMachine.resp(Reply.error("ERR " + e.getMessage()));
                    break;
                } catch (EOFException e) {
                    request = null;
                }
                if (request == null) {
                    eof = true;
                    break;
                }
                pipeline.add(request);
            } while (!isQuit(request(pipeline)) && in.hasBufferedInput() && pipeline.size() < MAX_PIPELINE);
            boolean quit = eof || isQuit(request(pipeline));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(REPLY_TIMEOUT_SECONDS);
            for (CompletableFuture<byte[]> reply : answer(pipeline)) {
                out.write(await(reply, deadline));
            }
            pipeline.clear();
            if (protocolError != null) {
                out.write(protocolError);
                out.flush();
                LOG.log(DEBUG, () -> "n" + node.id() + ": closing client " + socket.getRemoteSocketAddress()
                        + " after malformed input");
                TcpServer.lingerAndClose(socket);
                return;
            }
            out.flush();
            if (quit) {
                return;
            }
        }
    }

    /**
     * The replies to a pipeline of requests, in order: what this node answers itself is complete
     * at once; the commands that need the log go to the node in one submission, and complete when
     * their entries are applied. The simulator calls this too, without a socket.
     */
    static List<CompletableFuture<byte[]>> answer(KvNode node, ClusterCommands cluster, List<List<Bytes>> pipeline) {
        return answer(node, cluster, new ClientAuth(null), pipeline);
    }

    /** {@link #answer}, on a connection that {@code auth} lets in or not. */
    static List<CompletableFuture<byte[]>> answer(KvNode node, ClusterCommands cluster, ClientAuth auth,
            List<List<Bytes>> pipeline) {
        var replies = new ArrayList<CompletableFuture<byte[]>>(pipeline.size());
        var commands = new ArrayList<ClientRequest>();
        var proposed = new ArrayList<CompletableFuture<byte[]>>();
        for (List<Bytes> request : pipeline) {
            var reply = new CompletableFuture<byte[]>();
            replies.add(reply);
            Reply gate = auth.gate(request);
            if (gate != null) {
                reply.complete(KvStateMachine.resp(gate));
                continue;
            }
            String name = request.get(0).asString().toLowerCase(Locale.ROOT);
            if (name.equals("info")) {
                reply.complete(info(node, request));
                continue;
            }
            Reply local = local(node, cluster, request);
            if (local != null) {
                reply.complete(KvStateMachine.resp(local));
                continue;
            }
            try {
                ClientRequest parsed = ClientRequest.parse(request);
                KvCommand command = parsed.command();
                if (command instanceof KvCommand.FlushAll && !KvCommand.FlushAll.allowed()) {
                    reply.complete(KvStateMachine.resp(Reply.error(KvCommand.FlushAll.REFUSED)));
                } else if (command instanceof KvCommand.Ping || command instanceof KvCommand.Quit) {
                    reply.complete(KvStateMachine.resp(command.applyTo(null)));
                } else {
                    commands.add(parsed);
                    proposed.add(reply);
                }
            } catch (InvalidCommandException e) {
                reply.complete(KvStateMachine.resp(e.reply()));
            }
        }
        if (!commands.isEmpty()) {
            node.submit(commands, proposed);
        }
        return replies;
    }

    private List<CompletableFuture<byte[]>> answer(List<List<Bytes>> pipeline) {
        return answer(node, cluster, auth, pipeline);
    }

    private static List<Bytes> request(List<List<Bytes>> pipeline) {
        return pipeline.isEmpty() ? null : pipeline.get(pipeline.size() - 1);
    }

    private static boolean isQuit(List<Bytes> request) {
        return request != null && request.size() == 1 && request.get(0).asString().equalsIgnoreCase("quit");
    }

    /** The reply to a command about the connection or the cluster, answered here; null for any other. */
    private static Reply local(KvNode node, ClusterCommands cluster, List<Bytes> request) {
        NodeState state = node.state();
        Reply reply = cluster.answer(request, state);
        if (reply != null) {
            return reply;
        }
        String role = state.role() == Role.LEADER ? "master" : "replica";
        return ServerCommands.answer(request, "cluster", role).orElse(null);
    }

    private static byte[] info(KvNode node, List<Bytes> request) {
        if (request.size() > 2) {
            return KvStateMachine.resp(Reply.error("ERR wrong number of arguments for 'info' command"));
        }
        String section = request.size() == 2 ? request.get(1).asString().toLowerCase(Locale.ROOT) : "default";
        boolean all = List.of("all", "default", "everything").contains(section);
        // Redis Cluster clients (redis-py) check cluster_enabled:1 in INFO before asking CLUSTER SLOTS.
        String text = (all || section.equals("raft") ? node.info() : "")
                + (all ? "\r\n" : "") + (all || section.equals("cluster") ? "# Cluster\r\ncluster_enabled:1\r\n" : "");
        return KvStateMachine.resp(Reply.bulk(text));
    }

    /** The reply, or a timeout error once {@code deadline} (one for the whole pipeline) has passed. */
    private static byte[] await(CompletableFuture<byte[]> reply, long deadline) {
        try {
            return reply.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return KvStateMachine.resp(Reply.error("TIMEOUT no answer in " + REPLY_TIMEOUT_SECONDS
                    + " s; the command may or may not have taken effect"));
        } catch (ExecutionException e) {
            return KvStateMachine.resp(Reply.error("ERR " + e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return KvNode.STOPPING;
        }
    }
}
