package rafting.course;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/** The JDK's compiler, in this JVM: sources and a class path in, classes in a folder or the errors out. */
final class Javac {

    private Javac() {
    }

    /** Compiles {@code sources} into {@code out}; an AssertionError lists the first errors when it fails. */
    static void compile(String what, List<Path> sources, List<Path> classpath, Path out) {
        if (sources.isEmpty()) {
            return;
        }
        var compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this JVM: run the build with a JDK, not a JRE");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + out, e);
        }
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (var files = compiler.getStandardFileManager(diagnostics, null, null)) {
            var options = new ArrayList<>(List.of("-d", out.toString(), "--release", "17", "-proc:none",
                    "-encoding", "UTF-8", "-nowarn", "-Xlint:none", "-Xmaxerrs", "30"));
            options.add("-cp");
            options.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
            var log = new StringWriter();
            boolean ok = compiler.getTask(log, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                String errors = diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .limit(30)
                        .map(d -> (d.getSource() == null ? "" : CourseModule.REPO.relativize(Path.of(d.getSource().toUri())) + ":"
                                + d.getLineNumber() + ": ") + d.getMessage(null))
                        .collect(Collectors.joining("\n  "));
                throw new AssertionError(what + " does not compile:\n  " + errors + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("compiling " + what, e);
        }
    }

    /** The test libraries (JUnit, AssertJ and theirs) on this JVM's class path: what every module's tests compile with. */
    static List<Path> libraries() {
        var paths = new ArrayList<Path>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (!path.startsWith(CourseModule.REPO)) {
                paths.add(path);
            }
        }
        return paths;
    }
}
