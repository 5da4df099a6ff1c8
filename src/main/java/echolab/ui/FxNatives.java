package echolab.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * JavaFX's native libraries for this system and processor, when EchoLab runs from its jar.
 *
 * <p>The jar carries JavaFX for Windows, macOS and Linux. Windows' libraries have names of their
 * own and sit at the jar's root, where JavaFX looks for them. The macOS and Linux ones have the
 * same names on Intel and on ARM ({@code libglass.dylib} twice), so the build puts each set in
 * {@code natives/<os>-<arch>/} instead. Before JavaFX starts, this class copies the set this
 * machine needs into a folder of the user's cache (once; a later start finds it complete) and puts
 * that folder first on {@code java.library.path}, where JavaFX looks when the root has nothing.
 * Run from classes (Maven, an IDE), JavaFX's own platform jar is on the class path and nothing is
 * done.
 *
 * <p>Threading: call from the thread that starts JavaFX, before it does.
 */
public final class FxNatives {

    static final String PREFIX = "natives/";
    private static final String COMPLETE = ".complete";

    private FxNatives() {
    }

    /**
     * The platform's folder name in the jar: {@code linux-x64}, {@code linux-aarch64},
     * {@code mac-x64}, {@code mac-aarch64}; empty for Windows (its libraries are at the root) and
     * for systems JavaFX has no libraries for.
     */
    static Optional<String> platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : null;
        if (cpu == null) {
            return Optional.empty();
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Optional.of("mac-" + cpu);
        }
        if (os.startsWith("linux")) {
            return Optional.of("linux-" + cpu);
        }
        return Optional.empty();
    }

    /**
     * When this runs from a jar that carries natives for this machine, copies them out and puts
     * their folder first on {@code java.library.path}; returns that folder. A failure is not fatal:
     * JavaFX then reports what it cannot load, as it would have anyway.
     */
    public static Optional<Path> prepare() {
        Optional<String> platform = platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        Optional<Path> jar = runningJar();
        if (platform.isEmpty() || jar.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<Path> folder = extract(jar.get(), platform.get(), cacheRoot());
            folder.ifPresent(FxNatives::putFirstOnLibraryPath);
            return folder;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("echolab: cannot copy JavaFX's libraries out of the jar (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /**
     * Copies {@code natives/<platform>/*} of {@code jar} into a folder under {@code cacheRoot}
     * named after the set's contents, unless a previous start completed it. Empty when the jar has
     * no such set. Safe when two EchoLabs start at once: each copies into a folder of its own and
     * the first to finish moves it into place. The folder found for a jar is remembered in
     * {@code <platform>.last} beside it, with the jar's path, size and time: the next start from the
     * same jar does not list it again.
     */
    static Optional<Path> extract(Path jar, String platform, Path cacheRoot) throws IOException {
        // the last start's answer for this very jar: its 11,000 entries are not listed again (that
        // took 60-80 ms of every start, before JavaFX could begin)
        Path memo = cacheRoot.resolve(platform + ".last");
        String fingerprint = jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        Optional<Path> remembered = remembered(memo, fingerprint, cacheRoot);
        if (remembered.isPresent()) {
            return remembered;
        }
        Optional<Path> folder = extractListing(jar, platform, cacheRoot);
        if (folder.isPresent()) {
            remember(memo, fingerprint + "\n" + folder.get().getFileName() + "\n");
        }
        return folder;
    }

    /** The folder {@code memo} names for the jar of {@code fingerprint}, when it is complete. */
    private static Optional<Path> remembered(Path memo, String fingerprint, Path cacheRoot) {
        try {
            List<String> lines = Files.readAllLines(memo, StandardCharsets.UTF_8);
            if (lines.size() == 2 && lines.get(0).equals(fingerprint) && !lines.get(1).isEmpty()
                    && lines.get(1).indexOf('/') < 0 && lines.get(1).indexOf('\\') < 0) {
                Path folder = cacheRoot.resolve(lines.get(1));
                if (Files.isRegularFile(folder.resolve(COMPLETE))) {
                    return Optional.of(folder);
                }
            }
        } catch (IOException | UncheckedIOException | java.nio.file.InvalidPathException e) {
            // none yet, or unreadable: the jar is listed
        }
        return Optional.empty();
    }

    /** Writes the memo whole or not at all: two EchoLabs starting at once each write the same. */
    private static void remember(Path memo, String text) {
        Path part = null;
        try {
            part = Files.createTempFile(memo.getParent(), memo.getFileName().toString(), ".part");
            Files.writeString(part, text, StandardCharsets.UTF_8);
            Files.move(part, memo, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            part = null;
        } catch (IOException | UnsupportedOperationException e) {
            // only the next start's shortcut is lost: it lists the jar again
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // a stray file in the cache, no more
                }
            }
        }
    }

    private static Optional<Path> extractListing(Path jar, String platform, Path cacheRoot) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<JarEntry> libraries = new ArrayList<>();
            StringBuilder contents = new StringBuilder();
            String dir = PREFIX + platform + "/";
            file.stream().filter(e -> !e.isDirectory() && e.getName().startsWith(dir)
                            && e.getName().indexOf('/', dir.length()) < 0)
                    .sorted(Comparator.comparing(JarEntry::getName))
                    .forEach(e -> {
                        libraries.add(e);
                        contents.append(e.getName()).append(' ').append(Long.toHexString(e.getCrc())).append(' ').append(e.getSize()).append('\n');
                    });
            if (libraries.isEmpty()) {
                return Optional.empty();
            }
            String key = platform + "-" + Integer.toHexString(contents.toString().hashCode());
            Path target = cacheRoot.resolve(key);
            if (Files.isRegularFile(target.resolve(COMPLETE))) {
                return Optional.of(target);
            }
            Files.createDirectories(cacheRoot);
            Path fresh = Files.createTempDirectory(cacheRoot, key + ".part");
            try {
                for (JarEntry e : libraries) {
                    try (InputStream in = file.getInputStream(e)) {
                        Files.copy(in, fresh.resolve(e.getName().substring(dir.length())));
                    }
                }
                Files.writeString(fresh.resolve(COMPLETE), contents, StandardCharsets.UTF_8);
                moveIntoPlace(fresh, target);
            } finally {
                deleteTree(fresh);
            }
            return Optional.of(target);
        }
    }

    private static void moveIntoPlace(Path fresh, Path target) throws IOException {
        if (Files.isDirectory(target) && !Files.isRegularFile(target.resolve(COMPLETE))) {
            deleteTree(target); // an earlier copy that did not finish
        }
        try {
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            if (!Files.isRegularFile(target.resolve(COMPLETE))) {
                throw e;
            } // another EchoLab finished first: its copy is the same
        } catch (IOException e) {
            if (!Files.isRegularFile(target.resolve(COMPLETE))) {
                throw e; // a non-empty folder of the same name (Linux reports it this way) that is not complete
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void putFirstOnLibraryPath(Path folder) {
        String now = System.getProperty("java.library.path", "");
        System.setProperty("java.library.path", folder + (now.isEmpty() ? "" : java.io.File.pathSeparator + now));
    }

    /** The jar this class was loaded from, or empty when it was loaded from a folder of classes. */
    static Optional<Path> runningJar() {
        try {
            var source = FxNatives.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The user's cache folder for these libraries, as each system has it. */
    static Path cacheRoot() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Caches").resolve("EchoLab").resolve("javafx");
        }
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache) : home.resolve(".cache");
        if (!Files.isWritable(home) && (cache == null || cache.isBlank())) {
            base = Path.of(System.getProperty("java.io.tmpdir"), "echolab-" + System.getProperty("user.name", "user"));
        }
        return base.resolve("echolab").resolve("javafx");
    }
}
