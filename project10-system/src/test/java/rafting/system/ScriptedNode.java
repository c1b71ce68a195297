package rafting.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import rafting.kv.Bytes;
import rafting.kv.Reply;
import rafting.kv.RespReader;
import rafting.kv.RespWriter;

/**
 * A stand-in for a node's client port that answers from a script, for tests of what a client
 * does with each reply. The script sees each command as text words and returns the reply, or
 * {@link #HANG_UP} to close the connection without one (a reply lost with its connection).
 */
final class ScriptedNode implements AutoCloseable {

    /** What the script returns to close the connection instead of answering. */
    static final Reply HANG_UP = Reply.error("hang up (never sent)");

    private final ServerSocket server;
    private final Function<List<String>, Reply> script;
    private final List<List<String>> received = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    ScriptedNode(Function<List<String>, Reply> script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = daemon(this::serve, "scripted node");
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** Every command received so far, in order, over every connection. */
    List<List<String>> received() {
        return List.copyOf(received);
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                daemon(() -> answer(socket), "scripted connection");
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket socket) {
        try (socket) {
            var in = new RespReader(socket.getInputStream());
            var out = new RespWriter(socket.getOutputStream());
            List<Bytes> command;
            while ((command = in.readCommand()) != null) {
                var words = new ArrayList<String>();
                command.forEach(word -> words.add(word.asString()));
                received.add(List.copyOf(words));
                Reply reply = script.apply(words);
                if (reply == HANG_UP) {
                    return;
                }
                out.write(reply).flush();
            }
        } catch (IOException gone) {
            // the client went away: nothing to answer
        }
    }

    private static Thread daemon(Runnable body, String name) {
        var thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
