package rafting.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The learner's path holds: every project module has a starter with the reference's API, every
 * later module builds on that starter, and each part's tests fail on it with its own message until
 * the learner writes that part.
 */
class StartersTest {

    static List<CourseModule> starters() {
        return CourseModule.withStarters();
    }

    @Test
    void everyProjectModuleHasAStarter() {
        var without = CourseModule.all().stream().filter(CourseModule::isProject)
                .filter(m -> CourseModule.javaFiles(m.starter()).isEmpty()).map(CourseModule::name).toList();
        assertThat(without).as("project modules with no starter/src/main/java").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("starters")
    void theStarterHasTheReferencesApi(CourseModule module) {
        Api reference = Api.of(module.classes(), Starters.apiLoader(module, module.classes()));
        Api starter = Api.of(Starters.starterClasses(module), Starters.apiLoader(module, Starters.starterClasses(module)));
        assertThat(Api.differences(reference, starter))
                .as("the API of %s/starter against %s/src/main (change the starter when the API changes)", module, module)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("starters")
    void theModulesTestsAndEveryLaterModuleCompileAgainstTheStarter(CourseModule module) {
        assertThat(Starters.testsAgainstStarter(module)).isDirectory();
        assertThat(Starters.laterModulesAgainstStarter(module)).isDirectory();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("starters")
    void eachPartsTestsFailOnTheStarterWithItsMessage(CourseModule module) {
        List<PartRun.Result> results = PartRun.run(module, "20 s");
        Map<String, List<PartRun.Result>> parts = PartRun.byPart(results);
        System.out.println(table(module, parts));

        assertThat(results).as("tests of %s run against its starter", module).isNotEmpty();
        assertThat(parts.getOrDefault("no part", List.of())).extracting(PartRun.Result::where)
                .as("tests of %s without exactly one @Tag(\"partN\")", module).isEmpty();
        var problems = new ArrayList<String>();
        parts.forEach((part, tests) -> {
            if (tests.stream().noneMatch(t -> t.outcome() == PartRun.Outcome.STUB)) {
                problems.add(part + ": no test fails on the starter's stubs");
            }
            tests.stream().filter(t -> t.outcome() == PartRun.Outcome.OTHER_FAILURE)
                    .forEach(t -> problems.add(part + ": " + t.where() + " fails for another reason: " + t.why()));
        });
        assertThat(problems).as("%s on its starter", module).isEmpty();
    }

    /** {@code part 1   12 tests: 12 fail on the starter}, one line a part. */
    private static String table(CourseModule module, Map<String, List<PartRun.Result>> parts) {
        var lines = new ArrayList<String>();
        lines.add(module + " on its starter:");
        parts.forEach((part, tests) -> {
            Map<PartRun.Outcome, Long> counts = tests.stream().collect(Collectors.groupingBy(PartRun.Result::outcome, Collectors.counting()));
            lines.add(String.format("  %-8s %4d tests: %d fail on the starter, %d pass, %d fail otherwise, %d skipped", part, tests.size(),
                    counts.getOrDefault(PartRun.Outcome.STUB, 0L), counts.getOrDefault(PartRun.Outcome.PASSED, 0L),
                    counts.getOrDefault(PartRun.Outcome.OTHER_FAILURE, 0L), counts.getOrDefault(PartRun.Outcome.SKIPPED, 0L)));
        });
        return String.join("\n", lines);
    }
}
