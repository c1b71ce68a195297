package rafting.course;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One module of the reactor as the course sees it: its folder, the modules of ours it depends on
 * (any scope: a module whose tests use another's API is built on it too), and its starter.
 */
record CourseModule(String name, Path dir, List<String> dependsOn) {

    /** The repository's root: the parent of this module's folder. */
    static final Path REPO = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    /** Every module of the parent pom, in the reactor's order. */
    static List<CourseModule> all() {
        var modules = new ArrayList<CourseModule>();
        for (String name : elements(REPO.resolve("pom.xml"), "module")) {
            Path dir = REPO.resolve(name);
            var ours = new ArrayList<String>();
            var pom = parse(dir.resolve("pom.xml"));
            NodeList dependencies = pom.getElementsByTagName("dependency");
            for (int i = 0; i < dependencies.getLength(); i++) {
                var dependency = (Element) dependencies.item(i);
                if ("rafting".equals(text(dependency, "groupId"))) {
                    ours.add(text(dependency, "artifactId"));
                }
            }
            modules.add(new CourseModule(name, dir, List.copyOf(ours)));
        }
        return modules;
    }

    /** The modules that have a starter: every project module. */
    static List<CourseModule> withStarters() {
        return all().stream().filter(CourseModule::hasStarter).toList();
    }

    static CourseModule named(String name) {
        return all().stream().filter(m -> m.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no module " + name));
    }

    /** A module the course teaches in, as opposed to the TLA+ specs and this module. */
    boolean isProject() {
        return !name.equals("tla") && !name.equals("course-check");
    }

    Path starter() {
        return dir.resolve("starter/src/main/java");
    }

    boolean hasStarter() {
        return Files.isDirectory(starter());
    }

    Path mainSources() {
        return dir.resolve("src/main/java");
    }

    Path testSources() {
        return dir.resolve("src/test/java");
    }

    Path testResources() {
        return dir.resolve("src/test/resources");
    }

    /** The reference, as the reactor compiled it. */
    Path classes() {
        return dir.resolve("target/classes");
    }

    /** Every module that depends on this one, directly or through others, in the reactor's order. */
    List<CourseModule> later() {
        Map<String, CourseModule> byName = new LinkedHashMap<>();
        all().forEach(m -> byName.put(m.name, m));
        var result = new ArrayList<CourseModule>();
        for (CourseModule m : byName.values()) {
            if (!m.name.equals(name) && m.isProject() && m.dependsOnTransitively(name, byName)) {
                result.add(m);
            }
        }
        return result;
    }

    /** This module's own dependencies, transitively, in no particular order. */
    Set<String> upstream() {
        Map<String, CourseModule> byName = new LinkedHashMap<>();
        all().forEach(m -> byName.put(m.name, m));
        var seen = new TreeSet<String>();
        var todo = new ArrayList<>(dependsOn);
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (seen.add(next)) {
                todo.addAll(byName.get(next).dependsOn);
            }
        }
        return seen;
    }

    private boolean dependsOnTransitively(String other, Map<String, CourseModule> byName) {
        for (String direct : dependsOn) {
            if (direct.equals(other) || byName.get(direct).dependsOnTransitively(other, byName)) {
                return true;
            }
        }
        return false;
    }

    static List<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + root, e);
        }
    }

    private static List<String> elements(Path pom, String tag) {
        NodeList nodes = parse(pom).getElementsByTagName(tag);
        var values = new ArrayList<String>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().trim());
        }
        return values;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }

    private static Element parse(Path pom) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
