package rafting.course;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A module's tests run against its starter, in this JVM, and what became of each: which part it
 * belongs to, and whether it passed, failed on a stub of the starter, or failed for another reason.
 */
final class PartRun {

    static final Pattern PART = Pattern.compile("part\\d+");

    enum Outcome { PASSED, STUB, OTHER_FAILURE, SKIPPED }

    /** One test: its class and name, its tags, how it ended and the first line of why. */
    record Result(String testClass, String name, List<String> parts, Outcome outcome, String why) {
        String where() {
            return testClass.substring(testClass.lastIndexOf('.') + 1) + "." + name;
        }
    }

    private PartRun() {
    }

    /** Runs every test class of {@code module} against its starter; each test may take {@code timeout} at most. */
    static List<Result> run(CourseModule module, String timeout) {
        ClassLoader loader = Starters.testLoader(module);
        var selectors = new ArrayList<ClassSelector>();
        for (String name : topLevelClasses(Starters.testsAgainstStarter(module))) {
            try {
                selectors.add(selectClass(Class.forName(name, false, loader)));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load test class " + name + ": " + e, e);
            }
        }
        var request = LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                .configurationParameter("junit.jupiter.execution.timeout.default", timeout)
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .build();
        var results = new ArrayList<Result>();
        var listener = new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                if (test.isTest()) {
                    results.add(result(test, Outcome.SKIPPED, reason));
                }
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (!test.isTest() && result.getStatus() != TestExecutionResult.Status.FAILED) {
                    return;
                }
                Optional<Throwable> thrown = result.getThrowable();
                Outcome outcome = switch (result.getStatus()) {
                    case SUCCESSFUL -> Outcome.PASSED;
                    case ABORTED -> Outcome.SKIPPED;
                    case FAILED -> thrown.filter(PartRun::isStub).isPresent() ? Outcome.STUB : Outcome.OTHER_FAILURE;
                };
                results.add(result(test, outcome, thrown.map(PartRun::firstLine).orElse("")));
            }
        };
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            LauncherFactory.create().execute(request, listener);
        } finally {
            thread.setContextClassLoader(before);
        }
        return results;
    }

    /**
     * A failure caused by the starter: an UnsupportedOperationException whose message starts with
     * {@code Part }, anywhere among the causes and suppressed exceptions, or quoted in an assertion's
     * message (AssertJ quotes an unexpected exception instead of chaining it).
     */
    static boolean isStub(Throwable thrown) {
        var seen = new ArrayList<Throwable>();
        var todo = new ArrayList<Throwable>(List.of(thrown));
        while (!todo.isEmpty()) {
            Throwable next = todo.remove(todo.size() - 1);
            if (next == null || seen.stream().anyMatch(t -> t == next)) {
                continue;
            }
            seen.add(next);
            if (next instanceof UnsupportedOperationException && next.getMessage() != null && next.getMessage().startsWith("Part ")) {
                return true;
            }
            if (next.getMessage() != null && next.getMessage().contains("UnsupportedOperationException: Part ")) {
                return true;
            }
            todo.add(next.getCause());
            todo.addAll(List.of(next.getSuppressed()));
        }
        return false;
    }

    /** The results by part, in part order; a test with no part tag, or more than one, is under "no part". */
    static Map<String, List<Result>> byPart(List<Result> results) {
        var parts = new TreeMap<String, List<Result>>((a, b) -> Integer.compare(number(a), number(b)));
        for (Result result : results) {
            String part = result.parts().size() == 1 ? result.parts().get(0) : "no part";
            parts.computeIfAbsent(part, p -> new ArrayList<>()).add(result);
        }
        return parts;
    }

    private static int number(String part) {
        return part.startsWith("part") ? Integer.parseInt(part.substring(4)) : Integer.MAX_VALUE;
    }

    private static Result result(TestIdentifier test, Outcome outcome, String why) {
        String testClass = test.getSource().filter(MethodSource.class::isInstance).map(s -> ((MethodSource) s).getClassName())
                .orElse(test.getUniqueId());
        List<String> parts = test.getTags().stream().map(TestTag::getName).filter(t -> PART.matcher(t).matches()).sorted().toList();
        return new Result(testClass, test.getDisplayName(), parts, outcome, why);
    }

    private static String firstLine(Throwable thrown) {
        String text = thrown.toString();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static List<String> topLevelClasses(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(classes::relativize).map(Path::toString)
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + classes, e);
        }
    }
}
