package echolab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which set of JavaFX libraries a machine takes from the jar, and how they are copied out of it. */
class FxNativesTest {

    @Test
    void namesThePlatformsFolderFromTheSystemProperties() {
        assertEquals(Optional.of("linux-x64"), FxNatives.platform("Linux", "amd64"));
        assertEquals(Optional.of("linux-aarch64"), FxNatives.platform("Linux", "aarch64"));
        assertEquals(Optional.of("mac-x64"), FxNatives.platform("Mac OS X", "x86_64"));
        assertEquals(Optional.of("mac-aarch64"), FxNatives.platform("Mac OS X", "aarch64"));
        assertEquals(Optional.empty(), FxNatives.platform("Windows 11", "amd64"), "Windows' libraries are at the jar's root");
        assertEquals(Optional.empty(), FxNatives.platform("Linux", "riscv64"), "JavaFX has none for it");
    }

    @Test
    void copiesTheSetOnceAndFindsItCompleteNextTime(@TempDir Path dir) throws IOException {
        Path jar = jar(dir.resolve("a.jar"), Map.of("natives/linux-x64/libglass.so", "glass x64",
                "natives/linux-x64/libprism_sw.so", "sw x64", "natives/linux-aarch64/libglass.so", "glass arm",
                "libglass.so.txt", "not a library"));
        Path folder = FxNatives.extract(jar, "linux-x64", dir.resolve("cache")).orElseThrow();
        assertEquals(Map.of("libglass.so", "glass x64", "libprism_sw.so", "sw x64"), contents(folder));
        Files.setLastModifiedTime(folder.resolve("libglass.so"), FileTime.fromMillis(0));
        assertEquals(folder, FxNatives.extract(jar, "linux-x64", dir.resolve("cache")).orElseThrow());
        assertEquals(0, Files.getLastModifiedTime(folder.resolve("libglass.so")).toMillis(), "found complete, not copied again");
        try (Stream<Path> left = Files.list(dir.resolve("cache"))) {
            assertEquals(1, left.filter(Files::isDirectory).count(), "no partial copies left behind");
        }
    }

    @Test
    void anotherSetOfLibrariesGoesToAFolderOfItsOwn(@TempDir Path dir) throws IOException {
        Path one = FxNatives.extract(jar(dir.resolve("1.jar"), Map.of("natives/mac-aarch64/libglass.dylib", "21.0.12")),
                "mac-aarch64", dir.resolve("cache")).orElseThrow();
        Path two = FxNatives.extract(jar(dir.resolve("2.jar"), Map.of("natives/mac-aarch64/libglass.dylib", "25.0.1")),
                "mac-aarch64", dir.resolve("cache")).orElseThrow();
        assertTrue(!one.equals(two), "a newer EchoLab must not load an older one's libraries");
        assertArrayEquals("25.0.1".getBytes(), Files.readAllBytes(two.resolve("libglass.dylib")));
    }

    @Test
    void theNextStartFromTheSameJarIsAnsweredFromTheMemoAndAChangedJarIsListedAgain(@TempDir Path dir) throws IOException {
        Path jar = jar(dir.resolve("a.jar"), Map.of("natives/linux-x64/libglass.so", "21.0.12"));
        Path cache = dir.resolve("cache");
        Path first = FxNatives.extract(jar, "linux-x64", cache).orElseThrow();
        assertTrue(Files.readString(cache.resolve("linux-x64.last")).contains(first.getFileName().toString()));
        // a memo pointing elsewhere is believed for the same jar: the jar was not listed again
        Path elsewhere = Files.createDirectories(cache.resolve("linux-x64-elsewhere"));
        Files.writeString(elsewhere.resolve(".complete"), "");
        List<String> memo = Files.readAllLines(cache.resolve("linux-x64.last"));
        Files.writeString(cache.resolve("linux-x64.last"), memo.get(0) + "\nlinux-x64-elsewhere\n");
        assertEquals(elsewhere, FxNatives.extract(jar, "linux-x64", cache).orElseThrow());
        // the jar rebuilt with other libraries, at the same path: listed again, and its own folder
        jar(jar, Map.of("natives/linux-x64/libglass.so", "25.0.1.1"));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));
        Path rebuilt = FxNatives.extract(jar, "linux-x64", cache).orElseThrow();
        assertEquals("25.0.1.1", Files.readString(rebuilt.resolve("libglass.so")));
        try (Stream<Path> left = Files.list(cache)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".part")).toList(), "no partial memo left");
        }
    }

    @Test
    void anUnfinishedCopyIsReplaced(@TempDir Path dir) throws IOException {
        Path jar = jar(dir.resolve("a.jar"), Map.of("natives/linux-x64/libglass.so", "glass"));
        Path folder = FxNatives.extract(jar, "linux-x64", dir.resolve("cache")).orElseThrow();
        Files.delete(folder.resolve(".complete"));
        Files.writeString(folder.resolve("libglass.so"), "gla"); // as a start killed half-way leaves it
        assertEquals(folder, FxNatives.extract(jar, "linux-x64", dir.resolve("cache")).orElseThrow());
        assertEquals("glass", Files.readString(folder.resolve("libglass.so")));
    }

    @Test
    void aJarWithoutTheSetLeavesJavaFxToItself(@TempDir Path dir) throws IOException {
        Path jar = jar(dir.resolve("a.jar"), Map.of("glass.dll", "windows"));
        assertEquals(Optional.empty(), FxNatives.extract(jar, "linux-x64", dir.resolve("cache")));
    }

    private static Path jar(Path path, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out)) {
            for (var e : new TreeMap<>(entries).entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue().getBytes());
                jar.closeEntry();
            }
        }
        return path;
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                m.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return m;
    }
}
