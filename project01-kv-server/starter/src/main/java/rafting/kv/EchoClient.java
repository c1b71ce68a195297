package rafting.kv;

/**
 * Part 2: talks to {@link EchoServer} or {@link UppercaseServer}: sends each argument as one
 * size-prefixed message and prints each reply on a line of its own. No test checks it; it is for
 * trying the servers by hand.
 *
 * <pre>{@code
 * java -cp project01-kv-server/target/classes rafting.kv.EchoClient --port 15000 hello world
 * }</pre>
 */
public final class EchoClient {

    private EchoClient() {}

    /**
     * {@code EchoClient [--port N] message...} (default port 15000, host 127.0.0.1). Wrong
     * arguments: the usage line on stderr, exit status 2; a connection that fails: one line on
     * stderr, exit status 1.
     */
    public static void main(String[] args) {
        throw new UnsupportedOperationException("Part 2: send each argument as a message, print each reply");
    }
}
