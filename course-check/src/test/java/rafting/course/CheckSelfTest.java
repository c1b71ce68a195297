package rafting.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks themselves catch what they are for: API drift, and failures that are not the starter's. */
class CheckSelfTest {

    @TempDir
    Path dir;

    private static final String REFERENCE = """
            package rafting.sample;
            public final class Log {
                public static final int LIMIT = 3;
                public long lastIndex() { return 0; }
                public java.util.List<String> entries(long from) { return java.util.List.of(); }
                void helper() { }
                public enum Role { FOLLOWER, LEADER }
                public record Entry(long term, String text) { }
            }
            """;

    @Test
    void aStarterWithTheSameApiHasNoDifferences() throws IOException {
        String starter = REFERENCE.replace("return 0;", "throw new UnsupportedOperationException(\"Part 1: lastIndex\");")
                .replace("void helper() { }", "");
        assertThat(differences(REFERENCE, starter)).isEmpty();
    }

    @Test
    void aChangedReturnTypeIsADifference() throws IOException {
        assertThat(differences(REFERENCE, REFERENCE.replace("public long lastIndex()", "public int lastIndex()")))
                .singleElement().asString().contains("differs", "lastIndex");
    }

    @Test
    void aChangedGenericTypeIsADifference() throws IOException {
        assertThat(differences(REFERENCE, REFERENCE.replace("java.util.List<String> entries", "java.util.List<Object> entries")
                .replace("java.util.List.of()", "java.util.List.<Object>of()")))
                .singleElement().asString().contains("differs", "entries");
    }

    @Test
    void aMissingPublicMethodAndAnExtraOneAreDifferences() throws IOException {
        String starter = REFERENCE.replace("public long lastIndex()", "public long lastTerm()");
        assertThat(differences(REFERENCE, starter)).hasSize(2)
                .anySatisfy(d -> assertThat(d).startsWith("missing from the starter").contains("lastIndex"))
                .anySatisfy(d -> assertThat(d).startsWith("not in the reference's API").contains("lastTerm"));
    }

    @Test
    void packagePrivateCodeOnlyInTheStarterIsADifference() throws IOException {
        String starter = REFERENCE.replace("void helper() { }", "void helper() { } int other() { return 1; }");
        assertThat(differences(REFERENCE, starter)).singleElement().asString().startsWith("not in the reference:").contains("other");
    }

    @Test
    void enumConstantsRecordComponentsAndModifiersCount() throws IOException {
        assertThat(differences(REFERENCE, REFERENCE.replace("FOLLOWER, LEADER", "FOLLOWER, CANDIDATE, LEADER"))).hasSize(1);
        assertThat(differences(REFERENCE, REFERENCE.replace("long term, String text", "int term, String text"))).isNotEmpty();
        assertThat(differences(REFERENCE, REFERENCE.replace("public final class Log", "public class Log"))).hasSize(1);
    }

    @Test
    void onlyTheStartersPartMessageCountsAsAStub() {
        assertThat(PartRun.isStub(new UnsupportedOperationException("Part 2: write appendEntries"))).isTrue();
        assertThat(PartRun.isStub(new ExceptionInInitializerError(new UnsupportedOperationException("Part 1: x")))).isTrue();
        assertThat(PartRun.isStub(new AssertionError("Expecting IllegalArgumentException but was "
                + "java.lang.UnsupportedOperationException: Part 3: conflicts"))).isTrue();
        assertThat(PartRun.isStub(new UnsupportedOperationException("read-only list"))).isFalse();
        assertThat(PartRun.isStub(new AssertionError("expected 3 but was 2"))).isFalse();
        assertThat(PartRun.isStub(new IllegalStateException("wrapped", new IllegalArgumentException("bad")))).isFalse();
    }

    @Test
    void testsAreGroupedByTheirOnePartTag() {
        var one = new PartRun.Result("rafting.x.ATest", "a", List.of("part2"), PartRun.Outcome.STUB, "");
        var none = new PartRun.Result("rafting.x.BTest", "b", List.of(), PartRun.Outcome.PASSED, "");
        var two = new PartRun.Result("rafting.x.CTest", "c", List.of("part1", "part2"), PartRun.Outcome.STUB, "");
        var ten = new PartRun.Result("rafting.x.DTest", "d", List.of("part10"), PartRun.Outcome.STUB, "");
        var parts = PartRun.byPart(List.of(ten, one, none, two));
        assertThat(parts.keySet()).containsExactly("part2", "part10", "no part");
        assertThat(parts.get("no part")).containsExactly(none, two);
    }

    private List<String> differences(String reference, String starter) throws IOException {
        Path referenceClasses = compile("reference", reference);
        Path starterClasses = compile("starter", starter);
        ClassLoader parent = getClass().getClassLoader();
        return Api.differences(Api.of(referenceClasses, new Starters.OursFirst(List.of(referenceClasses), parent)),
                Api.of(starterClasses, new Starters.OursFirst(List.of(starterClasses), parent)));
    }

    private Path compile(String name, String source) throws IOException {
        Path file = dir.resolve(name + "/src/rafting/sample/Log.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path out = dir.resolve(name + "/classes");
        Javac.compile(name, List.of(file), Javac.libraries(), out);
        return out;
    }
}
