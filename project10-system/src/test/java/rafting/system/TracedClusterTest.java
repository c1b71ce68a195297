package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rafting.election.Role;
import rafting.sim.timeline.TraceEvent;
import rafting.sim.timeline.TraceEvent.Kind;
import rafting.sim.timeline.TraceFiles;

/**
 * Three real nodes in this JVM, traced ({@code --trace DIR}): they elect a leader, a client
 * writes, a follower stops and starts again and catches up. Their merged traces make one page,
 * a lane per node and an arrow per message delivered, checked in the HTML and, where Chromium is
 * installed (on CI it must be), in a real browser, which takes the picture project 10's README shows.
 */
@Tag("part6")
class TracedClusterTest {

    @TempDir
    static Path dir;

    private static Path trace;
    private static final Map<Integer, Long> commits = new HashMap<>();
    private static int restarted;

    @BeforeAll
    static void runATracedCluster() throws Exception {
        trace = dir.resolve("trace");
        try (var cluster = new TestCluster(3, dir.resolve("data"), KvNode.DEFAULT_RAFT, trace);
                ClusterClient client = cluster.client()) {
            KvNode leader = cluster.awaitLeader();
            for (int i = 1; i <= 10; i++) {
                assertThat(client.call("SET", "k" + i, "v" + i).toString()).isEqualTo("OK");
            }
            restarted = leader.id() % 3 + 1;
            cluster.stop(restarted);
            for (int i = 11; i <= 15; i++) {
                assertThat(client.call("SET", "k" + i, "v" + i).toString()).isEqualTo("OK");
            }
            assertThat(client.call("GET", "k15").toString()).isEqualTo("\"v15\"");
            KvNode back = cluster.start(restarted);
            TestCluster.await("n" + restarted + " catching up", () -> back.state().commitIndex() == leader.state().commitIndex()
                    && back.state().role() == Role.FOLLOWER);
            var nodes = List.copyOf(cluster.running.values());
            cluster.close();
            nodes.forEach(node -> commits.put(node.id(), node.state().commitIndex()));
        }
    }

    @Test
    void everyDeliveryIsPairedWithItsSendAndEveryNodesLivesAreInItsFile() throws Exception {
        List<TraceEvent> run = ClusterTimeline.linked(TraceFiles.merge(trace));

        var sent = new HashMap<Long, TraceEvent>();
        long delivered = 0;
        for (TraceEvent event : run) {
            if (event.kind() == Kind.SEND) {
                sent.put(event.id(), event);
            } else if (event.kind() == Kind.DELIVER) {
                delivered++;
                TraceEvent send = sent.remove(event.id());
                assertThat(send).as("the send of %s", event).isNotNull();
                assertThat(send.text()).isEqualTo(event.text());
                assertThat(List.of(send.node(), send.peer())).containsExactly(event.peer(), event.node());
            }
        }
        assertThat(delivered).isGreaterThan(20);
        for (int id = 1; id <= 3; id++) {
            int node = id;
            List<TraceEvent> own = run.stream().filter(e -> e.node() == node && e.kind() != Kind.DROP).toList();
            assertThat(own).filteredOn(e -> e.kind() == Kind.FAULT).extracting(TraceEvent::text).as("n%d's lives", id)
                    .containsExactly(id == restarted ? new String[] {"restart", "stopped", "restart", "stopped"}
                            : new String[] {"restart", "stopped"});
            assertThat(own).filteredOn(e -> e.kind() == Kind.COMMIT).last().extracting(TraceEvent::index).as("n%d's commit", id)
                    .isEqualTo(commits.get(id));
            assertThat(own).filteredOn(e -> e.kind() == Kind.APPEND).extracting(TraceEvent::index).as("n%d's appends", id)
                    .contains(commits.get(id));
        }
        List<TraceEvent> requests = run.stream().filter(e -> e.kind() == Kind.REQUEST).toList();
        assertThat(requests).extracting(TraceEvent::text).contains("SET \"k1\" \"v1\"", "GET \"k15\"");
        assertThat(run).filteredOn(e -> e.kind() == Kind.REPLY).extracting(TraceEvent::text).contains("OK", "\"v15\"");
        assertThat(requests).extracting(TraceEvent::peer).allMatch(client -> client >= 1 && client <= requests.size());
    }

    @Test
    void thePageHasALaneForEachNodeAndAnArrowForEachDelivery() throws Exception {
        Path page = dir.resolve("page").resolve("timeline.html");

        ClusterTimeline.Written written = ClusterTimeline.write(trace, page, 0);

        String html = Files.readString(page, StandardCharsets.UTF_8);
        long deliveries = TraceFiles.merge(trace).stream().filter(e -> e.kind() == Kind.DELIVER).count();
        assertThat(count(html, "<text class=\"lane\"")).isEqualTo(3);
        assertThat(count(html, "<line class=\"arrow\"")).isEqualTo(deliveries);
        assertThat(written.deliveries()).isEqualTo(deliveries);
        assertThat(written.nodes()).isEqualTo(3);
        assertThat(count(html, "class=\"fault crash\"")).as("n%d down while stopped, and every node at its last stop", restarted)
                .isEqualTo(4);
        assertThat(count(html, "<rect class=\"op\"")).isGreaterThanOrEqualTo(16);
    }

    /** Counts what the browser drew, clicks the row of the first commit, and writes it down in the DOM. */
    private static final String CHECKS = """
            <script>
            (function () {
              const out = [];
              out.push('lanes=' + document.querySelectorAll('text.lane').length);
              out.push('arrows=' + document.querySelectorAll('line.arrow').length);
              const commit = document.querySelector('circle.commit');
              const row = Math.floor((Number(commit.getAttribute('cy')) - TOP) / ROW);
              document.querySelector('g.row[data-row="' + row + '"] rect').dispatchEvent(new MouseEvent('click', { bubbles: true }));
              for (const tr of document.querySelectorAll('#state tr.node-state')) out.push('clicked ' + tr.textContent);
              const pre = document.createElement('pre');
              pre.id = 'checks';
              pre.textContent = out.join('\\n');
              document.body.appendChild(pre);
            })();
            </script>
            """;

    @Test
    void inChromiumThePageShowsEveryLaneEveryDeliveryAndTheLogsAtAClickedCommit() throws Exception {
        Optional<Path> chromium = onPath("chromium").or(() -> onPath("chromium-browser"));
        if (System.getenv("CI") != null) {
            assertThat(chromium).as("CI must install Chromium (Debian package chromium)").isPresent();
        }
        assumeTrue(chromium.isPresent(), "chromium is not installed (Debian: apt-get install chromium)");
        Path page = Path.of("target", "timeline", "cluster.html");
        ClusterTimeline.write(trace, page, 0);
        String html = Files.readString(page, StandardCharsets.UTF_8);
        Path checked = dir.resolve("checked.html");
        Files.writeString(checked, html.replace("</body>", CHECKS + "</body>"), StandardCharsets.UTF_8);

        String checks = checks(browse(chromium.get(), "--dump-dom", checked.toUri().toString()));

        long deliveries = TraceFiles.merge(trace).stream().filter(e -> e.kind() == Kind.DELIVER).count();
        assertThat(checks).contains("lanes=3", "arrows=" + deliveries);
        assertThat(checks).contains("clicked n1", "clicked n2", "clicked n3").containsPattern("commit=1log=\\[[^\\]]*1:no-op");
        Path shot = page.resolveSibling("cluster.png");
        Files.deleteIfExists(shot);
        browse(chromium.get(), "--screenshot=" + shot.toAbsolutePath(), "--window-size=1400,900", page.toUri().toString());
        byte[] png = Files.readAllBytes(shot);
        assertThat(png.length).isGreaterThan(10_000);
        assertThat(Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
    }

    private static long count(String html, String what) {
        return html.split(Pattern.quote(what), -1).length - 1;
    }

    /** Runs Chromium headless on a fresh profile, without network or first-run chores; returns what it printed on stdout. */
    private static String browse(Path chromium, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "profile");
        var command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            boolean finished = process.waitFor(120, TimeUnit.SECONDS);
            assertThat(finished).as("chromium finished within 120 s; it said: %s", Files.readString(err)).isTrue();
            assertThat(process.exitValue()).as("chromium's exit status; it said: %s", Files.readString(err)).isZero();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String checks(String dom) {
        Matcher matcher = Pattern.compile("<pre id=\"checks\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertThat(matcher.find()).as("the page's checks ran; the DOM was: %s", dom.length() > 2000 ? dom.substring(0, 2000) : dom).isTrue();
        return matcher.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator)).map(directory -> Path.of(directory, program))
                .filter(Files::isExecutable).findFirst();
    }
}
