package rafting.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./raftkv cluster}: the default local cluster of N nodes, or every node of a cluster file
 * ({@code --config FILE}), as node processes of this same program, their log lines interleaved on
 * this terminal, each behind its node's name. Ctrl-C (or the end of
 * this process) stops them all; a node that dies is reported and the others go on.
 */
final class LocalCluster {

    private LocalCluster() {
    }

    static int run(Map<String, String> options) throws IOException, InterruptedException {
        ClusterFile cluster = RaftKv.cluster(options);
        // Each node reads the same cluster: the same file, or the same default of N nodes.
        List<String> which = options.containsKey("--config")
                ? List.of("--config", options.get("--config"))
                : List.of("--nodes", Integer.toString(cluster.nodes().size()));
        Path base = Path.of(options.getOrDefault("--data", "data"));
        List<Process> processes = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(processes), "cluster-shutdown"));
        List<String> traced = options.containsKey("--trace") ? List.of("--trace", options.get("--trace")) : List.of();
        for (int id : cluster.nodes().keySet()) {
            var nodeOptions = new ArrayList<>(which);
            nodeOptions.addAll(traced); // every node adds its own file, node-<id>.jsonl, to the one folder
            processes.add(start(id, nodeOptions, base.resolve("node-" + id)));
        }
        System.out.println("cluster of " + processes.size() + " nodes; clients on "
                + RaftKv.clientAddresses(cluster).stream().map(ClusterFile::hostPort).toList()
                + "; data in " + base + (traced.isEmpty() ? "" : "; traces in " + traced.get(1) + " (./raftkv timeline "
                + traced.get(1) + " makes their page)") + "; Ctrl-C stops them all");
        int failed = 0;
        for (Process process : processes) {
            if (process.waitFor() != 0) {
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }

    /**
     * Starts node {@code id} of the {@code cluster} named by its options as a child process of this
     * JVM's program, copying its output with a prefix.
     */
    static Process start(int id, List<String> cluster, Path data) throws IOException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RaftKv.class.getName());
        command.addAll(List.of("node", Integer.toString(id)));
        command.addAll(cluster);
        command.addAll(List.of("--data", data.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread pump = new Thread(() -> copy(id, process), "n" + id + "-output");
        pump.setDaemon(true);
        pump.start();
        return process;
    }

    private static void copy(int id, Process process) {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                System.out.println("n" + id + " | " + line);
            }
            System.out.println("n" + id + " | exited with status " + process.waitFor());
        } catch (IOException | InterruptedException e) {
            // the process is gone; so is its output
        }
    }

    /** Asks every node to stop (their shutdown hooks close files and sockets), then insists. */
    static void stopAll(List<Process> processes) {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }
}
