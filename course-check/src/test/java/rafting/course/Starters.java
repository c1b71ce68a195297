package rafting.course;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The starters compiled, and what is compiled against them: each module's own tests, and every
 * later module's sources and tests. Each is compiled once per run, into {@code course/target/course}.
 */
final class Starters {

    private static final Path OUT = CourseModule.REPO.resolve("course-check/target/course");
    private static final Map<String, Path> COMPILED = new ConcurrentHashMap<>();

    private Starters() {
    }

    /** The starter of {@code module}, compiled against the reference of the modules it depends on. */
    static Path starterClasses(CourseModule module) {
        return once(module.name() + "/starter", out -> Javac.compile("the starter of " + module,
                CourseModule.javaFiles(module.starter()), upstreamClasspath(module), out));
    }

    /** The module's own tests, compiled against its starter. */
    static Path testsAgainstStarter(CourseModule module) {
        Path starter = starterClasses(module);
        return once(module.name() + "/tests", out -> {
            var classpath = new ArrayList<Path>();
            classpath.add(starter);
            classpath.addAll(upstreamClasspath(module));
            Javac.compile("the tests of " + module + " against its starter", CourseModule.javaFiles(module.testSources()), classpath, out);
        });
    }

    /**
     * Every module that depends on {@code module}, sources and tests together, compiled from source
     * against its starter and the reference of every other module.
     */
    static Path laterModulesAgainstStarter(CourseModule module) {
        Path starter = starterClasses(module);
        List<CourseModule> later = module.later();
        return once(module.name() + "/later", out -> {
            var sources = new ArrayList<Path>();
            var others = new LinkedHashSet<String>();
            for (CourseModule m : later) {
                sources.addAll(CourseModule.javaFiles(m.mainSources()));
                sources.addAll(CourseModule.javaFiles(m.testSources()));
                others.addAll(m.upstream());
            }
            others.remove(module.name());
            later.forEach(m -> others.remove(m.name()));
            var classpath = new ArrayList<Path>();
            classpath.add(starter);
            others.forEach(name -> classpath.add(CourseModule.named(name).classes()));
            classpath.addAll(Javac.libraries());
            Javac.compile(later.stream().map(CourseModule::name).toList() + " against the starter of " + module, sources, classpath, out);
        });
    }

    /** A class loader for the module's tests on its starter: our classes from these folders only, the libraries from this JVM. */
    static ClassLoader testLoader(CourseModule module) {
        var folders = new ArrayList<Path>();
        folders.add(testsAgainstStarter(module));
        folders.add(starterClasses(module));
        if (Files.isDirectory(module.testResources())) {
            folders.add(module.testResources());
        }
        module.upstream().forEach(name -> folders.add(CourseModule.named(name).classes()));
        return new OursFirst(folders, Starters.class.getClassLoader());
    }

    /** A class loader for the reference of {@code module}, or for its starter, with the reference of what it depends on. */
    static ClassLoader apiLoader(CourseModule module, Path classes) {
        var folders = new ArrayList<Path>();
        folders.add(classes);
        module.upstream().forEach(name -> folders.add(CourseModule.named(name).classes()));
        return new OursFirst(folders, Starters.class.getClassLoader());
    }

    private static List<Path> upstreamClasspath(CourseModule module) {
        var classpath = new ArrayList<Path>();
        module.upstream().forEach(name -> classpath.add(CourseModule.named(name).classes()));
        classpath.addAll(Javac.libraries());
        return classpath;
    }

    private interface Compilation {
        void into(Path out);
    }

    private static Path once(String name, Compilation compilation) {
        return COMPILED.computeIfAbsent(name, key -> {
            Path out = OUT.resolve(key);
            delete(out);
            compilation.into(out);
            return out;
        });
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot clear " + dir, e);
        }
    }

    /**
     * Loads the course's own classes ({@code rafting.*}) from the given folders only, never from this
     * JVM's class path, where the reference of every module is; everything else (the JDK, JUnit,
     * AssertJ) from the parent, so that the tests and the JUnit engine share one JUnit.
     */
    static final class OursFirst extends URLClassLoader {

        OursFirst(List<Path> folders, ClassLoader parent) {
            super(urls(folders), parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("rafting.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        @Override
        public URL getResource(String name) {
            URL ours = findResource(name);
            return ours != null ? ours : super.getResource(name);
        }

        private static URL[] urls(List<Path> folders) {
            Set<URL> urls = new LinkedHashSet<>();
            for (Path folder : folders) {
                try {
                    urls.add(folder.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException(folder.toString(), e);
                }
            }
            return urls.toArray(URL[]::new);
        }
    }
}
