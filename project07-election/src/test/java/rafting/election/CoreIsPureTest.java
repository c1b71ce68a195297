package rafting.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The core of Projects 4 to 7 only computes: no threads, sockets, files, clocks or unseeded
 * randomness. This test reads the sources of the four modules and refuses any use of them.
 */
@Tag("part1")
class CoreIsPureTest {

    private static final List<String> MODULES =
            List.of("project04-log", "project05-replication", "project06-consensus", "project07-election");

    private static final Pattern FORBIDDEN = Pattern.compile(String.join("|",
            "\\bThread\\b", "\\bExecutor", "\\bCompletableFuture\\b", "synchronized", "java\\.util\\.concurrent",
            "java\\.net\\.", "java\\.nio\\.channels", "java\\.nio\\.file", "java\\.io\\.File",
            "currentTimeMillis", "nanoTime", "\\bInstant\\b", "\\bClock\\b", "LocalDateTime",
            "Math\\.random", "new Random\\(\\)", "ThreadLocalRandom", "SecureRandom", "System\\.out", "System\\.err"));

    @Test
    void theCoreUsesNoThreadsSocketsFilesClocksOrUnseededRandomness() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        var violations = new ArrayList<String>();
        int files = 0;
        for (String module : MODULES) {
            Path sources = root.resolve(module).resolve("src/main/java");
            assertThat(sources).isDirectory();
            try (Stream<Path> paths = Files.walk(sources)) {
                for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String code = lines.get(i).replaceAll("//.*", "");
                        if (!code.trim().startsWith("*") && FORBIDDEN.matcher(code).find()) {
                            violations.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertThat(files).as("source files read").isGreaterThan(20);
        assertThat(violations).isEmpty();
    }
}
