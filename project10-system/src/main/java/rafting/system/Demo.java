package rafting.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./raftkv demo}: every node of a cluster in this process, and a client prompt. The
 * cluster is the default local one of three nodes (or {@code --nodes N}), or the one of a cluster
 * file ({@code --config FILE}), so a demo runs beside a cluster that holds the default ports.
 * Besides the store's commands, {@code stop 2} stops node 2, {@code start 2} starts it again from
 * its files, and {@code status} shows every node, so one terminal shows a cluster losing its
 * leader, electing another and a node catching up. Every node traces what it does ({@link NodeTrace},
 * into {@code DATA/trace} or {@code --trace DIR}), and {@code timeline} writes the page of the run
 * so far ({@link ClusterTimeline}).
 */
final class Demo {

    private static final String HELP = """
            commands: set x 1 | get x | del x | exists x | cas x 1 2 | info raft
                      status            every node's role, term, leader, commit and applied index
                      stop N / start N  stop node N / start it again from its files
                      timeline          the page of the run so far (open it in a browser)
                      help | quit""";

    private Demo() {
    }

    static int run(Map<String, String> options) throws IOException {
        ClusterFile cluster = RaftKv.cluster(options);
        Path data = options.containsKey("--data") ? Path.of(options.get("--data")) : Files.createTempDirectory("raftkv-demo");
        Path trace = Path.of(options.getOrDefault("--trace", data.resolve("trace").toString()));
        var nodes = new TreeMap<Integer, KvNode>();
        try {
            for (int id : cluster.nodes().keySet()) {
                nodes.put(id, start(id, cluster, data, trace));
            }
            System.out.println(nodes.size() + " nodes running, clients on "
                    + RaftKv.clientAddresses(cluster).stream().map(ClusterFile::hostPort).toList() + ", data in " + data
                    + ", traces in " + trace);
            System.out.println(HELP);
            try (var client = new ClusterClient(RaftKv.clientAddresses(cluster)).withSession()) {
                var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                while (true) {
                    System.out.print("raftkv> ");
                    System.out.flush();
                    String line = in.readLine();
                    if (line == null) {
                        return 0;
                    }
                    List<String> words = RaftKv.words(line);
                    if (words.isEmpty()) {
                        continue;
                    }
                    String verb = words.get(0).toLowerCase();
                    switch (verb) {
                        case "quit", "exit" -> {
                            return 0;
                        }
                        case "help" -> System.out.println(HELP);
                        case "status" -> System.out.println(RaftKv.statusTable(cluster));
                        case "stop", "start" -> System.out.println(startOrStop(verb, words, cluster, nodes, data, trace, client));
                        case "timeline" -> System.out.println(timeline(trace));
                        default -> System.out.println(RaftKv.callSafely(client, words));
                    }
                }
            }
        } finally {
            nodes.values().forEach(KvNode::close);
        }
    }

    private static KvNode start(int id, ClusterFile cluster, Path data, Path trace) throws IOException {
        Path folder = data.resolve("node-" + id);
        return KvNode.start(id, cluster, folder, KvNode.defaultKeyFile(folder), KvNode.DEFAULT_TICK, KvNode.DEFAULT_RAFT, null, trace);
    }

    /** The page of the run so far: what every node wrote until now (the line a node is writing is left out). */
    private static String timeline(Path trace) {
        try {
            return "timeline page: " + ClusterTimeline.write(trace, trace.resolve("timeline.html"), ClusterTimeline.DEFAULT_LAST);
        } catch (IOException | RuntimeException e) {
            return "no timeline: " + e.getMessage();
        }
    }

    private static String startOrStop(String verb, List<String> words, ClusterFile cluster,
            Map<Integer, KvNode> nodes, Path data, Path trace, ClusterClient client) {
        if (words.size() != 2 || !words.get(1).matches("\\d{1,9}") || !cluster.nodes().containsKey(Integer.parseInt(words.get(1)))) {
            return "say " + verb + " and one of the nodes " + cluster.nodes().keySet();
        }
        int id = Integer.parseInt(words.get(1));
        if (verb.equals("stop")) {
            KvNode node = nodes.remove(id);
            if (node == null) {
                return "node " + id + " is not running";
            }
            if (cluster.addresses(id).client().equals(client.connectedTo())) {
                client.close(); // the next command finds another node, instead of a connection we know is dead
            }
            node.close();
            return "node " + id + " stopped";
        }
        if (nodes.containsKey(id)) {
            return "node " + id + " is running already";
        }
        try {
            nodes.put(id, start(id, cluster, data, trace));
            return "node " + id + " started from its files";
        } catch (IOException | RuntimeException e) {
            return "node " + id + " cannot start: " + e.getMessage();
        }
    }
}
