package rafting.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ./course test prints comes from Surefire's reports and the tests' part tags. */
class TestReportTest {

    @TempDir
    Path module;

    @Test
    void eachPartGetsALineAndTheFirstFailureItsMessage() throws IOException {
        write("target/surefire-reports/TEST-rafting.x.EntryTest.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="rafting.x.EntryTest" tests="2" failures="1">
                <testcase name="readsAsTermAndCommand" classname="rafting.x.EntryTest" time="0.01">
                <failure message="Part 1: an entry &lt;of&gt; bytes" type="java.lang.UnsupportedOperationException"><![CDATA[at ...]]></failure>
                </testcase>
                <testcase name="copiesItsBytes" classname="rafting.x.EntryTest" time="0"/>
                </testsuite>
                """);
        write("target/surefire-reports/TEST-rafting.x.LogTest.xml", """
                <testsuite name="rafting.x.LogTest" tests="1">
                <testcase name="startsEmpty" classname="rafting.x.LogTest" time="0"/>
                </testsuite>
                """);
        write("src/test/java/rafting/x/EntryTest.java", "@Tag(\"part1\")\nclass EntryTest {}\n");
        write("src/test/java/rafting/x/LogTest.java", "@Tag(\"part2\")\nclass LogTest {}\n");

        var cases = TestReport.read(module.resolve("target/surefire-reports"));
        String summary = TestReport.summary(cases, TestReport.parts(module.resolve("src/test/java")));

        assertThat(summary).containsSubsequence("part 1   FAIL    1 of   2 pass   EntryTest", "part 2   ok      1 of   1 pass   LogTest",
                "first failure: EntryTest > readsAsTermAndCommand", "Part 1: an entry <of> bytes");
        assertThat(TestReport.line(cases)).isEqualTo("2 of 3 tests pass");
    }

    @Test
    void noReportsMeansNotRunYet() throws IOException {
        assertThat(TestReport.line(TestReport.read(module.resolve("target/surefire-reports")))).isEqualTo("not run yet");
    }

    private void write(String path, String text) throws IOException {
        Path file = module.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
