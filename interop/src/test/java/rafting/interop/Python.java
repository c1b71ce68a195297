package rafting.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Python 3 that imports {@code redis} (Debian's {@code python3-redis}); tests that need it are
 * skipped where there is none, except in CI (the variable {@code CI} is set), where they fail.
 */
final class Python {

    private Python() {
    }

    static Path withRedisPy() throws IOException, InterruptedException {
        Optional<Path> found = Optional.empty();
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            Process probe = new ProcessBuilder(candidate, "-c", "import redis").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            if (probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                found = Optional.of(Path.of(candidate));
                break;
            }
            probe.destroyForcibly();
        }
        if (System.getenv("CI") != null) {
            assertThat(found).as("CI must install redis-py (Debian package python3-redis)").isPresent();
        }
        assumeTrue(found.isPresent(), "redis-py is not installed (Debian: apt-get install python3-redis)");
        return found.get();
    }

    /** Copies the script {@code name} from the test resources into {@code dir}. */
    static Path script(String name, Path dir) throws IOException {
        Path file = dir.resolve(name);
        try (var in = Python.class.getResourceAsStream(name)) {
            Files.copy(in, file);
        }
        return file;
    }

}
