package rafting.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import rafting.election.Flaw;
import rafting.election.Settings;
import rafting.events.Logging;
import rafting.kv.Reply;

/**
 * The {@code raftkv} command: run a node, a local cluster, a demo, a client, a status table or a
 * benchmark. Mistakes in the arguments, ports in use and unusable data folders end the program
 * with one line on standard error that says what to do, and a non-zero status.
 */
public final class RaftKv {

    static final String USAGE = """
            usage: ./raftkv <command> [options]
              demo [--nodes N] [--data DIR] [--config FILE] [--trace DIR]   the nodes (default 3) and a client in
                                                         this terminal, traced (into DATA/trace unless told)
              cluster [--nodes N] [--data DIR] [--config FILE] [--trace DIR]   node processes (default 3),
                                                         Ctrl-C stops them all
              node <id> [--nodes N] [--data DIR] [--config FILE] [--key FILE] [--requirepass-file FILE]
                        [--snapshot-every N] [--trace DIR]   one node in the foreground; a snapshot every N
                                                         entries (or 8 MiB of commands; default 100000, 0: by
                                                         size only); with --trace, what it does in DIR/node-<id>.jsonl
              timeline DIR [--html FILE] [--last N]      the page of the traces in DIR (default DIR/timeline.html,
                                                         the last 10000 events): open it in a browser
              cli [--pass-file FILE] [host:port] [command words...]   a client; without a command, an interactive one
              status [--nodes N] [--config FILE]         every node's role, term, leader, commit and applied index
              bench [--clients N] [--requests N] [--value-size B] [--nodes N] [--config FILE]
              bench --compare [--requests N] [--value-size B]   a new cluster beside a Redis that syncs every
                                                         write, redis-benchmark against both, one table
              sim [--seeds N] [--seed S] [--flaw NAME]   three real nodes in the simulator, with faults
            Node i of the default cluster serves clients on 127.0.0.1:700i, peers on 127.0.0.1:710i,
            and keeps its data in data/node-i. Peers prove to each other that they hold the cluster's key,
            data/cluster.key (or the file beside the data folder, or --key), created on the first start.
            With --requirepass-file, clients must first AUTH with the password in that file (off by default).""";

    /** A mistake in the command line: its message says what to type instead. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private static final Logger QUIET = Logger.getLogger("rafting");

    private RaftKv() {
    }

    public static void main(String[] args) {
        Logging.useOneLinePerRecord();
        try {
            System.exit(run(args));
        } catch (UsageException e) {
            System.err.println("raftkv: " + e.getMessage() + " (./raftkv help shows the commands)");
            System.exit(2);
        } catch (IOException | RuntimeException e) {
            System.err.println("raftkv: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            System.exit(130);
        }
    }

    static int run(String[] args) throws IOException, InterruptedException {
        if (args.length == 0 || List.of("help", "-h", "--help").contains(args[0])) {
            System.out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        return switch (args[0]) {
            case "node" -> node(rest);
            case "cluster" -> LocalCluster.run(options(rest, "--nodes", "--data", "--config", "--trace"));
            case "demo" -> Demo.run(options(rest, "--nodes", "--data", "--config", "--trace"));
            case "timeline" -> timeline(rest);
            case "cli" -> cli(rest);
            case "status" -> status(options(rest, "--nodes", "--config"));
            case "bench" -> rest.contains("--compare")
                    ? Compare.run(options(rest.stream().filter(word -> !word.equals("--compare")).toList(),
                            "--requests", "--value-size"))
                    : Bench.run(options(rest, "--clients", "--requests", "--value-size", "--nodes", "--config"));
            case "sim" -> sim(options(rest, "--seeds", "--seed", "--flaw"));
            default -> throw new UsageException("unknown command '" + args[0] + "'");
        };
    }

    private static int node(List<String> args) throws IOException, InterruptedException {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            throw new UsageException("node needs its id: ./raftkv node 1");
        }
        int id = number(args.get(0), "a node id");
        Map<String, String> options = options(args.subList(1, args.size()), "--nodes", "--data", "--config", "--key",
                "--requirepass-file", "--snapshot-every", "--trace");
        Settings raft = KvNode.DEFAULT_RAFT;
        if (options.containsKey("--snapshot-every")) {
            Settings.Snapshots defaults = KvNode.DEFAULT_SNAPSHOTS;
            raft = raft.withSnapshots(new Settings.Snapshots(number(options.get("--snapshot-every"), "--snapshot-every"),
                    defaults.bytes(), defaults.chunkBytes()));
        }
        ClusterFile cluster = cluster(options);
        if (!cluster.nodes().containsKey(id)) {
            throw new UsageException("node " + id + " is not in the cluster, whose nodes are " + cluster.nodes().keySet());
        }
        Path data = Path.of(options.getOrDefault("--data", "data/node-" + id));
        KvNode node;
        try {
            Path key = options.containsKey("--key") ? Path.of(options.get("--key")) : KvNode.defaultKeyFile(data);
            byte[] password = options.containsKey("--requirepass-file")
                    ? ClientAuth.read(Path.of(options.get("--requirepass-file"))) : null;
            Path trace = options.containsKey("--trace") ? Path.of(options.get("--trace")) : null;
            node = KvNode.start(id, cluster, data, key, KvNode.DEFAULT_TICK, raft, password, trace);
        } catch (IOException | CorruptLogException e) {
            throw new IOException("node " + id + " cannot start: " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "n" + id + "-shutdown"));
        // Fail-stop: a node that failed exits 1 once closed; if closing itself hangs or fails (out
        // of memory, out of file descriptors), it halts 5 s later with status 70, so that a
        // supervisor restarts it rather than finding it half-alive on its ports.
        String stuck = "node " + id + " failed and could not stop cleanly within 5 s; halting (exit 70)";
        long failedAt = 0;
        while (!node.awaitStopped(Duration.ofMillis(200))) {
            if (node.failure() != null) {
                failedAt = failedAt == 0 ? System.nanoTime() : failedAt;
                if (System.nanoTime() - failedAt > 5_000_000_000L) {
                    System.err.println(stuck);
                    Runtime.getRuntime().halt(70);
                }
            }
        }
        return node.failure() == null ? 0 : 1;
    }

    /** {@code timeline DIR [--html FILE] [--last N]}: writes the page of the nodes' traces in DIR, and says where. */
    private static int timeline(List<String> args) throws IOException {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            throw new UsageException("timeline needs the folder of the traces: ./raftkv timeline trace");
        }
        Path dir = Path.of(args.get(0));
        Map<String, String> options = options(args.subList(1, args.size()), "--html", "--last");
        if (!Files.isDirectory(dir)) {
            throw new UsageException("no folder " + dir + "; trace a cluster with ./raftkv cluster --trace " + dir);
        }
        Path page = Path.of(options.getOrDefault("--html", dir.resolve("timeline.html").toString()));
        int last = number(options.getOrDefault("--last", Integer.toString(ClusterTimeline.DEFAULT_LAST)), "--last");
        try {
            System.out.println(ClusterTimeline.write(dir, page, last));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        return 0;
    }

    /**
     * {@code sim}: seeds S to S+N-1 of the {@link KvNodeSimulation} (1 to 100 by default, only S if
     * it alone is given); prints each seed that did not pass with the command that replays it, then
     * a summary with the seeds per second. Exit status 1 if any failed.
     */
    private static int sim(Map<String, String> options) {
        boolean one = options.containsKey("--seed") && !options.containsKey("--seeds");
        long first = number(options.getOrDefault("--seed", "1"), "--seed");
        int seeds = one ? 1 : number(options.getOrDefault("--seeds", "100"), "--seeds");
        String flaw = options.get("--flaw");
        Settings raft = flaw == null ? KvNode.DEFAULT_RAFT : KvNode.DEFAULT_RAFT.withFlaws(flaw(flaw));
        QUIET.setLevel(Level.WARNING); // every election of every seed would say so
        long started = System.nanoTime();
        int failed = 0;
        int unknown = 0;
        long operations = 0;
        for (long seed = first; seed < first + seeds; seed++) {
            KvNodeSimulation.Outcome outcome = KvNodeSimulation.run(seed, raft);
            operations += outcome.operations();
            if (one || !outcome.passed()) {
                System.out.println(outcome + (outcome.passed() ? "" : "\n  replay: ./raftkv sim --seed " + seed
                        + (flaw == null ? "" : " --flaw " + flaw)));
            }
            failed += outcome.problem() != null ? 1 : 0;
            unknown += outcome.unknown() ? 1 : 0;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%d seeds of three real KvNodes%s: %d passed, %d failed, %d unknown;"
                + " %,d client operations; %.1f s, %.1f seeds/s%n", seeds, flaw == null ? "" : " with " + flaw,
                seeds - failed - unknown, failed, unknown, operations, seconds, seeds / seconds);
        return failed > 0 ? 1 : 0;
    }

    private static Flaw flaw(String name) {
        try {
            return Flaw.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("no flaw named '" + name + "'; the flaws are " + List.of(Flaw.values()));
        }
    }

    private static int cli(List<String> args) throws IOException {
        List<InetSocketAddress> nodes;
        byte[] password = null;
        if (!args.isEmpty() && args.get(0).equals("--pass-file")) {
            if (args.size() < 2) {
                throw new UsageException("--pass-file needs a file: ./raftkv cli --pass-file secret.txt");
            }
            password = ClientAuth.read(Path.of(args.get(1)));
            args = args.subList(2, args.size());
        }
        List<String> words = args;
        if (!args.isEmpty() && args.get(0).matches("[^\\s]+:\\d+")) {
            nodes = List.of(address(args.get(0)));
            words = args.subList(1, args.size());
        } else {
            nodes = clientAddresses(ClusterFile.local(3));
        }
        try (var client = new ClusterClient(nodes, java.time.Duration.ofSeconds(5)).withSession()) {
            if (password != null) {
                client.withPassword(password);
            }
            if (!words.isEmpty()) {
                Reply reply = client.call(words.toArray(String[]::new));
                System.out.println(reply);
                return reply instanceof Reply.Error ? 1 : 0;
            }
            System.out.println("raftkv client of " + nodes.stream().map(ClusterFile::hostPort).toList()
                    + ": commands as in redis-cli (set x 1, get x, del x, cas x 1 2, info raft); quit to leave");
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (true) {
                System.out.print("raftkv> ");
                System.out.flush();
                String line = in.readLine();
                if (line == null || line.trim().equalsIgnoreCase("quit") || line.trim().equalsIgnoreCase("exit")) {
                    return 0;
                }
                List<String> command = words(line);
                if (!command.isEmpty()) {
                    System.out.println(callSafely(client, command));
                }
            }
        }
    }

    /** A command's reply as {@code redis-cli} shows it, or what went wrong. */
    static String callSafely(ClusterClient client, List<String> command) {
        String[] words = command.toArray(String[]::new);
        try {
            return client.call(words).toString();
        } catch (ClusterClient.Unavailable e) {
            return "(not run: " + e.getMessage() + ")";
        } catch (IOException e) {
            if (READS.contains(words[0].toLowerCase(java.util.Locale.ROOT))) {
                try {
                    return client.call(words).toString(); // a read changes nothing: sending it again is safe
                } catch (IOException again) {
                    return "(no reply: " + again.getMessage() + ")";
                }
            }
            return "(no reply: " + e.getMessage() + "; the command may or may not have taken effect)";
        }
    }

    private static final List<String> READS = List.of("get", "exists", "ping", "info");

    private static int status(Map<String, String> options) {
        ClusterFile cluster = cluster(options);
        System.out.println(statusTable(cluster));
        return 0;
    }

    /** One line per node: its INFO raft fields, or "down". */
    static String statusTable(ClusterFile cluster) {
        var table = new StringBuilder(String.format("%-5s %-16s %-10s %5s %7s %8s %8s%n",
                "node", "client address", "role", "term", "leader", "commit", "applied"));
        cluster.nodes().forEach((id, addresses) -> {
            Map<String, String> info = info(addresses.client());
            String where = ClusterFile.hostPort(addresses.client());
            if (info == null) {
                table.append(String.format("%-5s %-16s %-10s%n", id, where, "down"));
            } else {
                table.append(String.format("%-5s %-16s %-10s %5s %7s %8s %8s%n", id, where, info.get("role"),
                        info.get("term"), info.get("leader_id"), info.get("commit_index"), info.get("last_applied")));
            }
        });
        return table.toString().stripTrailing();
    }

    /** The fields of a node's {@code INFO raft}, or null when it does not answer within half a second. */
    static Map<String, String> info(InetSocketAddress address) {
        try (var socket = new java.net.Socket()) {
            socket.connect(address, 500);
            socket.setSoTimeout(500);
            var out = new rafting.kv.RespWriter(socket.getOutputStream());
            out.writeCommand(List.of(rafting.kv.Bytes.of("INFO"), rafting.kv.Bytes.of("raft"))).flush();
            Reply reply = new rafting.kv.RespReader(socket.getInputStream()).readReply();
            if (!(reply instanceof Reply.Bulk bulk)) {
                return null;
            }
            var fields = new HashMap<String, String>();
            for (String line : bulk.value().asString().split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    fields.put(line.substring(0, colon), line.substring(colon + 1));
                }
            }
            return fields;
        } catch (IOException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- arguments

    /** {@code --name value} pairs, only of the names given. */
    static Map<String, String> options(List<String> args, String... allowed) {
        var options = new TreeMap<String, String>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!List.of(allowed).contains(name)) {
                throw new UsageException("unexpected '" + name + "'; this command takes " + String.join(", ", allowed));
            }
            if (i + 1 >= args.size()) {
                throw new UsageException(name + " needs a value");
            }
            options.put(name, args.get(i + 1));
        }
        return options;
    }

    /** The cluster of {@code --config FILE}, or the default local one of {@code --nodes N} (3) nodes. */
    static ClusterFile cluster(Map<String, String> options) {
        if (options.containsKey("--config")) {
            if (options.containsKey("--nodes")) {
                throw new UsageException("give --nodes or --config, not both");
            }
            Path file = Path.of(options.get("--config"));
            if (!Files.isReadable(file)) {
                throw new UsageException("cannot read the cluster file " + file);
            }
            try {
                return ClusterFile.read(file);
            } catch (IOException | IllegalArgumentException e) {
                throw new UsageException("bad cluster file: " + e.getMessage());
            }
        }
        int size = number(options.getOrDefault("--nodes", "3"), "--nodes");
        if (size < 1 || size > 9) {
            throw new UsageException("--nodes is 1 to 9 for the local cluster; use --config for more");
        }
        return ClusterFile.local(size);
    }

    static int number(String text, String what) {
        try {
            int n = Integer.parseInt(text);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(what + " is a whole number, got '" + text + "'");
        }
    }

    static InetSocketAddress address(String hostPort) {
        try {
            return ClusterFile.parse(hostPort);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static List<InetSocketAddress> clientAddresses(ClusterFile cluster) {
        return cluster.nodes().values().stream().map(ClusterFile.Addresses::client).toList();
    }

    /** A line split into words at spaces; double quotes keep spaces inside a word. */
    static List<String> words(String line) {
        var words = new ArrayList<String>();
        var word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }
}
