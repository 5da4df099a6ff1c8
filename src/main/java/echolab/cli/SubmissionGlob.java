package echolab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The submissions a glob such as {@code submissions/*}{@code /} names: the directories it matches,
 * sorted by name, each with a short name (its path below the glob's fixed part: {@code alice}).
 * As in a shell, {@code *} does not match a name that starts with a dot unless the pattern's part
 * does.
 */
final class SubmissionGlob {

    /** One submission's directory and the name its row carries. */
    record Submission(String name, Path directory) {}

    private SubmissionGlob() {
    }

    /** The directories {@code glob} matches, relative to {@code base} unless it is absolute. */
    static List<Submission> match(String glob, Path base) {
        String pattern = glob.replaceAll("/+$", "");
        if (pattern.isEmpty()) {
            pattern = glob.startsWith("/") ? "/" : ".";
        }
        String[] parts = pattern.split("/", -1);
        int fixed = 0;
        while (fixed < parts.length && !hasWildcard(parts[fixed])) {
            fixed++;
        }
        String rootText = String.join("/", java.util.Arrays.copyOfRange(parts, 0, fixed));
        Path root = pattern.startsWith("/") && rootText.isEmpty() ? Path.of("/") : base.resolve(rootText);
        if (fixed == parts.length) {
            return Files.isDirectory(root) ? List.of(new Submission(root.getFileName() == null ? root.toString()
                    : root.getFileName().toString(), root)) : List.of();
        }
        String[] rest = java.util.Arrays.copyOfRange(parts, fixed, parts.length);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + String.join("/", rest));
        List<Submission> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, rest.length, FileVisitOption.FOLLOW_LINKS)) {
            walk.filter(p -> !p.equals(root) && Files.isDirectory(p)).forEach(p -> {
                Path relative = root.relativize(p);
                if (relative.getNameCount() == rest.length && matcher.matches(relative) && visible(relative, rest)) {
                    found.add(new Submission(relative.toString(), p));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(Comparator.comparing(Submission::name));
        return found;
    }

    private static boolean hasWildcard(String part) {
        return part.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private static boolean visible(Path relative, String[] pattern) {
        for (int i = 0; i < relative.getNameCount(); i++) {
            if (relative.getName(i).toString().startsWith(".") && !pattern[i].startsWith(".")) {
                return false;
            }
        }
        return true;
    }
}
