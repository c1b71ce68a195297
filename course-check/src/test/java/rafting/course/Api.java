package rafting.course;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The API of a folder of compiled classes, as lines of text that two versions can be compared by:
 * one line per type, constructor, method and field that is not private, with its modifiers, generic
 * types and throws clause, keyed by where it is. Synthetic members, lambdas and anonymous or local
 * classes are not API and are left out.
 */
final class Api {

    enum Access { PUBLIC, PACKAGE }

    /** One line of API: {@code key} says where, {@code line} says what. */
    record Line(String key, Access access, String line) {
    }

    private final SortedMap<String, Line> lines = new TreeMap<>();

    private Api() {
    }

    /** The API of every class compiled into {@code classes}, loaded through {@code loader} without initialising any. */
    static Api of(Path classes, ClassLoader loader) {
        var api = new Api();
        for (String name : topLevelClassNames(classes)) {
            try {
                api.addType(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + name + " from " + classes + ": " + e, e);
            }
        }
        return api;
    }

    SortedMap<String, Line> lines() {
        return lines;
    }

    /**
     * What keeps {@code starter} from having the API of {@code reference}, one sentence each: every
     * public or protected line of either is in the other, word for word, and a package-private line
     * of the starter is in the reference (the reference may have more package-private code).
     */
    static List<String> differences(Api reference, Api starter) {
        var problems = new ArrayList<String>();
        for (Line line : reference.lines.values()) {
            Line other = starter.lines.get(line.key());
            if (line.access() == Access.PUBLIC && other == null) {
                problems.add("missing from the starter: " + line.line());
            } else if (other != null && !other.line().equals(line.line())) {
                problems.add("differs: the reference has   " + line.line() + "\n           the starter has     " + other.line());
            }
        }
        for (Line line : starter.lines.values()) {
            Line other = reference.lines.get(line.key());
            if (other == null) {
                problems.add((line.access() == Access.PUBLIC ? "not in the reference's API: " : "not in the reference: ") + line.line());
            }
        }
        return problems;
    }

    private void addType(Class<?> type) {
        int modifiers = type.getModifiers();
        if (Modifier.isPrivate(modifiers) || type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
            return;
        }
        var description = new StringBuilder(withoutNoise(type.toGenericString()));
        if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum() && !type.isRecord()) {
            description.append(" extends ").append(type.getGenericSuperclass().getTypeName());
        }
        var interfaces = Arrays.stream(type.getGenericInterfaces()).map(java.lang.reflect.Type::getTypeName).toList();
        if (!interfaces.isEmpty()) {
            description.append(type.isInterface() ? " extends " : " implements ").append(String.join(", ", interfaces));
        }
        if (type.isSealed()) {
            description.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses()).map(Class::getName).sorted()
                    .collect(Collectors.joining(", ")));
        }
        if (type.isRecord()) {
            description.append(" (").append(Arrays.stream(type.getRecordComponents())
                    .map(c -> c.getGenericType().getTypeName() + " " + c.getName()).collect(Collectors.joining(", "))).append(")");
        }
        if (type.isEnum()) {
            description.append(" {").append(Arrays.stream(enumNames(type)).map(String::valueOf).collect(Collectors.joining(", "))).append("}");
        }
        add(type.getName(), modifiers, description.toString());
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (!constructor.isSynthetic()) {
                add(type.getName() + "#<init>" + Arrays.toString(constructor.getGenericParameterTypes()), constructor.getModifiers(),
                        withoutNoise(constructor.toGenericString()));
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (!method.isSynthetic() && !method.isBridge() && !method.getName().startsWith("lambda$")) {
                add(type.getName() + "#" + method.getName() + Arrays.toString(method.getGenericParameterTypes()), method.getModifiers(),
                        withoutNoise(method.toGenericString()));
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (!field.isSynthetic() && !(type.isEnum() && field.isEnumConstant()) && !isRecordField(type, field)) {
                add(type.getName() + "." + field.getName(), field.getModifiers(), withoutNoise(field.toGenericString()));
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            addType(nested);
        }
    }

    /** An enum's constants by name, read from its fields so that the enum is not initialised. */
    private static Object[] enumNames(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields()).filter(Field::isEnumConstant).map(Field::getName).toArray();
    }

    private static boolean isRecordField(Class<?> type, Field field) {
        if (!type.isRecord() || Modifier.isStatic(field.getModifiers())) {
            return false;
        }
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).anyMatch(field.getName()::equals);
    }

    private void add(String key, int modifiers, String line) {
        if (Modifier.isPrivate(modifiers)) {
            return;
        }
        Access access = Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers) ? Access.PUBLIC : Access.PACKAGE;
        lines.put(key, new Line(key, access, line));
    }

    /** Modifiers that say how a body runs, not what the API is. */
    private static String withoutNoise(String text) {
        return text.replace("synchronized ", "").replace("native ", "").replace("strictfp ", "")
                .replace("transient ", "").replace("volatile ", "");
    }

    private static List<String> topLevelClassNames(Path classes) {
        if (!Files.isDirectory(classes)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(classes::relativize).map(Path::toString)
                    .filter(f -> f.endsWith(".class") && !f.contains("$") && !f.endsWith("package-info.class") && !f.endsWith("module-info.class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + classes, e);
        }
    }
}
