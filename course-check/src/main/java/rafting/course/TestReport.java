package rafting.course;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code ./course test} and {@code ./course status} print: a module's last test results by
 * part, read from Surefire's reports and the {@code @Tag("partN")} of each test class, and the first
 * failure's message. Runs as a single source file ({@code java TestReport.java <module folder>
 * [summary|line]}), so the course tool needs nothing built to read results.
 */
public final class TestReport {

    private static final Pattern TAG = Pattern.compile("@Tag\\(\"(part\\d+)\"\\)");
    private static final Pattern SUITE = Pattern.compile("<testsuite [^>]*>");
    private static final Pattern CASE = Pattern.compile("<testcase [^>]*?name=\"([^\"]*)\"[^>]*?classname=\"([^\"]*)\"[^>]*?(/>|>(.*?)</testcase>)",
            Pattern.DOTALL);
    private static final Pattern FAILURE = Pattern.compile("<(failure|error)\\b([^>]*)>", Pattern.DOTALL);
    private static final Pattern MESSAGE = Pattern.compile("message=\"([^\"]*)\"");

    /** One test case: its class, its name, and why it failed (null if it passed, "skipped" if it did not run). */
    record Case(String testClass, String name, String failure, boolean skipped) {
    }

    private TestReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java TestReport.java <module folder> [summary|line]");
            System.exit(2);
        }
        Path module = Path.of(args[0]);
        List<Case> cases = read(module.resolve("target/surefire-reports"));
        Map<String, String> parts = parts(module.resolve("src/test/java"));
        if (args.length > 1 && args[1].equals("line")) {
            System.out.println(line(cases));
            return;
        }
        System.out.print(summary(cases, parts));
        System.exit(cases.isEmpty() || cases.stream().anyMatch(c -> c.failure() != null && !c.skipped()) ? 1 : 0);
    }

    /** {@code 12 of 40 tests pass}, or {@code not run yet}. */
    static String line(List<Case> cases) {
        if (cases.isEmpty()) {
            return "not run yet";
        }
        long ran = cases.stream().filter(c -> !c.skipped()).count();
        long passed = cases.stream().filter(c -> !c.skipped() && c.failure() == null).count();
        return passed + " of " + ran + " tests pass";
    }

    /** One line per part, then the first failure. */
    static String summary(List<Case> cases, Map<String, String> partOfClass) {
        if (cases.isEmpty()) {
            return "no test ran (did the build fail? see the log above)\n";
        }
        var byPart = new TreeMap<String, List<Case>>((a, b) -> Integer.compare(number(a), number(b)));
        for (Case c : cases) {
            byPart.computeIfAbsent(partOfClass.getOrDefault(c.testClass().replaceAll("\\$.*", ""), "no part"), p -> new ArrayList<>()).add(c);
        }
        var out = new StringBuilder();
        byPart.forEach((part, list) -> {
            long ran = list.stream().filter(c -> !c.skipped()).count();
            long passed = list.stream().filter(c -> !c.skipped() && c.failure() == null).count();
            String classes = String.join(", ", list.stream().map(c -> simple(c.testClass())).distinct().toList());
            out.append(String.format("  %-8s %s  %3d of %3d pass   %s%n", part.replace("part", "part "),
                    passed == ran ? "ok  " : "FAIL", passed, ran, classes));
        });
        cases.stream().filter(c -> c.failure() != null && !c.skipped()).findFirst().ifPresent(c -> out.append("first failure: ")
                .append(simple(c.testClass())).append(" > ").append(c.name()).append("\n  ").append(c.failure()).append('\n'));
        return out.toString();
    }

    static List<Case> read(Path reports) throws IOException {
        var cases = new ArrayList<Case>();
        if (!Files.isDirectory(reports)) {
            return cases;
        }
        try (Stream<Path> files = Files.list(reports)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList()) {
                String xml = Files.readString(file);
                Matcher suite = SUITE.matcher(xml);
                int start = suite.find() ? suite.end() : 0;
                Matcher testcase = CASE.matcher(xml);
                testcase.region(start, xml.length());
                while (testcase.find()) {
                    String body = testcase.group(4) == null ? "" : testcase.group(4);
                    Matcher failure = FAILURE.matcher(body);
                    String why = null;
                    if (failure.find()) {
                        Matcher message = MESSAGE.matcher(failure.group(2));
                        why = message.find() ? unescape(message.group(1)) : failure.group(1);
                    }
                    cases.add(new Case(testcase.group(2), unescape(testcase.group(1)), why, body.contains("<skipped")));
                }
            }
        }
        return cases;
    }

    /** Each test class's part, from the {@code @Tag("partN")} in its source. */
    static Map<String, String> parts(Path testSources) throws IOException {
        var parts = new TreeMap<String, String>();
        if (!Files.isDirectory(testSources)) {
            return parts;
        }
        try (Stream<Path> files = Files.walk(testSources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher tag = TAG.matcher(Files.readString(file));
                if (tag.find()) {
                    String name = testSources.relativize(file).toString().replace('/', '.').replace('\\', '.');
                    parts.put(name.substring(0, name.length() - ".java".length()), tag.group(1));
                }
            }
        }
        return parts;
    }

    private static int number(String part) {
        return part.startsWith("part") ? Integer.parseInt(part.substring(4)) : Integer.MAX_VALUE;
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&#10;", " ").replace("&#13;", "").replace("&amp;", "&");
    }
}
