package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import rafting.kv.Reply;

/**
 * {@code ./raftkv demo} and {@code ./raftkv cluster} run the nodes of a cluster file, so they run
 * beside a cluster that holds the default ports 7001-7003 (never used here), as the message of a
 * port in use suggests. Each run is a process of its own, as the {@code raftkv} script starts it.
 */
@Tag("part6")
class ClusterFileCommandsTest {

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killEverything() throws InterruptedException {
        for (Process process : processes) {
            // The cluster command's own node processes first: they would outlive a killed parent.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (Process process : processes) {
            process.waitFor();
        }
    }

    private ClusterFile clusterFile() throws IOException {
        ClusterFile cluster = TestCluster.config("file-" + System.nanoTime(), 3);
        Files.writeString(dir.resolve("cluster.properties"), cluster.toFileText());
        return cluster;
    }

    /** {@code raftkv args...} in a JVM of its own, its output and errors in {@code output}. */
    private Process raftKv(Path output, String... args) throws IOException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RaftKv.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        processes.add(process);
        return process;
    }

    /** Waits until every node of {@code cluster} answers INFO and names the same leader. */
    private static void awaitOneLeader(ClusterFile cluster, Path output) throws InterruptedException {
        TestCluster.await("every node to follow one leader (output in " + output + ")", Duration.ofSeconds(60), () -> {
            var leaders = new java.util.HashSet<String>();
            for (int id : cluster.nodes().keySet()) {
                Map<String, String> info = RaftKv.info(cluster.addresses(id).client());
                leaders.add(info == null ? "down" : info.get("leader_id"));
            }
            return leaders.size() == 1 && !leaders.contains("down") && !leaders.contains("0");
        });
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void demoRunsTheNodesOfAClusterFileAndTakesCommands() throws Exception {
        ClusterFile cluster = clusterFile();
        Path output = dir.resolve("demo.out");
        Process demo = raftKv(output, "demo", "--config", dir.resolve("cluster.properties").toString(),
                "--data", dir.resolve("data").toString());
        // Commands once every node follows one leader: what this test checks is where the nodes run.
        awaitOneLeader(cluster, output);
        try (var in = demo.getOutputStream()) {
            in.write("set greeting hello\nget greeting\nstop 9\nstatus\nquit\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(demo.waitFor(90, TimeUnit.SECONDS)).as("the demo ended after quit; its output is in %s", output)
                .isTrue();
        String text = Files.readString(output);
        assertThat(demo.exitValue()).as(text).isZero();
        String clients = RaftKv.clientAddresses(cluster).stream().map(ClusterFile::hostPort).toList().toString();
        // The nodes' log lines share the terminal with the prompt, so a reply may start a line of its own.
        assertThat(text).contains("3 nodes running, clients on " + clients, "say stop and one of the nodes [1, 2, 3]")
                .containsPattern("(?m)^(raftkv> )?OK$").containsPattern("(?m)^(raftkv> )?\"hello\"$");
        for (int id : cluster.nodes().keySet()) {
            assertThat(text).as("status shows node %d at its address from the file", id)
                    .containsPattern(id + " +" + ClusterFile.hostPort(cluster.addresses(id).client())
                            + " +(leader|follower|candidate) ");
        }
        assertThat(Files.isDirectory(dir.resolve("data/node-1/log"))).as("data under --data").isTrue();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void clusterRunsTheNodesOfAClusterFileAsProcesses() throws Exception {
        ClusterFile cluster = clusterFile();
        Path output = dir.resolve("cluster.out");
        Process run = raftKv(output, "cluster", "--config", dir.resolve("cluster.properties").toString(),
                "--data", dir.resolve("data").toString());
        awaitOneLeader(cluster, output);
        try (var client = new ClusterClient(RaftKv.clientAddresses(cluster), Duration.ofSeconds(20))) {
            Reply set = client.call("SET", "x", "1");
            if (set.toString().contains("ERR lost")) {
                set = client.call("SET", "x", "1"); // a new leader replaced it: it did not take effect, so send it again
            }
            assertThat(set).as("output in %s", output).isEqualTo(Reply.OK);
            assertThat(client.call("GET", "x")).isEqualTo(Reply.bulk("1"));
        }
        assertThat(run.descendants().count()).as("one process per node").isEqualTo(3);
        run.destroy(); // as Ctrl-C: the cluster stops its nodes, and they close their files
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("the cluster stopped; its output is in %s", output).isTrue();
        for (int id : cluster.nodes().keySet()) {
            assertThat(RaftKv.info(cluster.addresses(id).client())).as("node %d stopped with the cluster", id).isNull();
        }
    }

    @Test
    void demoAndClusterTakeEitherAClusterFileOrANumberOfNodes() {
        for (String command : List.of("demo", "cluster")) {
            assertThatThrownBy(() -> RaftKv.run(new String[] {command, "--nodes", "2", "--config", "x.properties"}))
                    .isInstanceOf(RaftKv.UsageException.class).hasMessageContaining("not both");
            assertThatThrownBy(() -> RaftKv.run(new String[] {command, "--port", "7001"}))
                    .isInstanceOf(RaftKv.UsageException.class)
                    .hasMessageContaining("unexpected '--port'; this command takes --nodes, --data, --config");
            assertThatThrownBy(() -> RaftKv.run(new String[] {command, "--config", dir.resolve("none").toString()}))
                    .isInstanceOf(RaftKv.UsageException.class).hasMessageContaining("cannot read the cluster file");
        }
    }
}
