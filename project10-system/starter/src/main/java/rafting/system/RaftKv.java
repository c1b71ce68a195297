package rafting.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * Part 6: the {@code raftkv} command (the {@code ./raftkv} script at the repository's root runs
 * this class): run a node, a cluster, a demo, a client, a status table or a benchmark.
 *
 * <pre>
 * usage: ./raftkv &lt;command&gt; [options]
 *   demo [--nodes N] [--data DIR] [--config FILE]      the nodes (default 3) and a client in this terminal
 *   cluster [--nodes N] [--data DIR] [--config FILE]   node processes (default 3), Ctrl-C stops them all
 *   node &lt;id&gt; [--nodes N] [--data DIR] [--config FILE]   one node in the foreground
 *   cli [host:port] [command words...]        a client; without a command, an interactive one
 *   status [--nodes N] [--config FILE]         every node's role, term, leader, commit and applied index
 *   bench [--clients N] [--requests N] [--value-size B] [--nodes N] [--config FILE]
 * </pre>
 *
 * The cluster is the default local one of {@code --nodes N} nodes ({@link ClusterFile#local}, 3
 * unless told) or that of a cluster file ({@code --config FILE}, {@link ClusterFile#read}); node
 * {@code i} keeps its data in {@code data/node-i}, or {@code DIR/node-i} with {@code --data DIR}
 * ({@code node} takes its own folder: {@code --data DIR} is the node's folder).
 *
 * <p>Mistakes in the arguments are a {@link UsageException} whose message says what to type
 * instead; {@link #main} prints it in one line on standard error and exits with status 2. Ports in
 * use and unusable data folders end with one line and status 1. What the tests check of the words:
 * <ul>
 *   <li>{@code node 4} on the default cluster: a message containing {@code not in the cluster};
 *   <li>an option without a value ({@code bench --clients}): {@code --clients needs a value};
 *   <li>{@code --nodes} outside 1..9: a message containing {@code 1 to 9};
 *   <li>{@code --nodes} and {@code --config} together: a message containing {@code not both};
 *   <li>an option the command does not take: {@code unexpected '--port'; this command takes
 *       --nodes, --data, --config} (the options of {@code demo} and {@code cluster}, in that order);
 *   <li>a cluster file that cannot be read: a message containing {@code cannot read the cluster file}.
 * </ul>
 * Each of these is thrown before anything starts.
 */
public final class RaftKv {

    /** Part 6 (given whole): a mistake in the command line: its message says what to type instead. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private RaftKv() {
    }

    /** Part 6: runs {@link #run} with one-line logs (Project 2's {@code Logging.useOneLinePerRecord()}) and exits with its status. */
    public static void main(String[] args) {
        throw new UnsupportedOperationException("Part 6: run, and exit with a status");
    }

    /**
     * Part 6: runs the command {@code args} name and returns its exit status: {@code node} until the
     * node stops (0, or 1 after a disk failure); {@code demo} until {@code quit} or the end of its
     * input. The demo runs every node of the cluster in this process and reads commands from
     * standard input: the store's commands, {@code status}, {@code stop N}, {@code start N} (for a
     * number that is not one of the nodes: {@code say stop and one of the nodes [1, 2, 3]}),
     * {@code help} and {@code quit}; it prints first
     * {@code 3 nodes running, clients on [127.0.0.1:7001, 127.0.0.1:7002, 127.0.0.1:7003], data in DIR}
     * (the client addresses of its cluster), and {@code status} prints {@link #statusTable}'s table.
     * {@code cluster} starts every node as a process of its own ({@code node <id>} with the same
     * cluster options), stops them when it is stopped, and returns once they have ended.
     *
     * @throws UsageException for a mistake in the arguments, before anything starts
     */
    static int run(String[] args) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("Part 6: the commands");
    }

    /**
     * Part 6: one line per node, under a header: its id, client address, then its INFO fields
     * role, term, leader_id, commit_index and last_applied, or {@code down}. The reference:
     * <pre>
     * node  client address   role        term  leader   commit  applied
     * 1     127.0.0.1:7001   leader         3       1        5        5
     * 2     127.0.0.1:7002   down
     * </pre>
     */
    static String statusTable(ClusterFile cluster) {
        throw new UnsupportedOperationException("Part 6: the status table");
    }

    /**
     * Part 6: the fields of the node's {@code INFO raft} at {@code address} (client port), or null
     * when it does not answer within half a second: a node that is down, frozen or starting.
     */
    static Map<String, String> info(InetSocketAddress address) {
        throw new UnsupportedOperationException("Part 6: a node's INFO fields");
    }

    /** Part 6: the client addresses of every node of {@code cluster}, in order of id. */
    static List<InetSocketAddress> clientAddresses(ClusterFile cluster) {
        throw new UnsupportedOperationException("Part 6: the client addresses");
    }

    /**
     * Part 6: a line split into words at spaces; double quotes keep spaces inside a word:
     * {@code set x "hello world"} is {@code [set, x, hello world]}.
     */
    static List<String> words(String line) {
        throw new UnsupportedOperationException("Part 6: split a line into words");
    }
}
