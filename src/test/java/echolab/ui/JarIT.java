package echolab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import echolab.testing.EchoLabJvm;
import echolab.testing.VirtualDisplay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target/echolab.jar}, as {@code ./mvnw verify} packages it (this runs after the package
 * phase): it carries JavaFX for Windows, macOS on Intel and Apple silicon, and Linux, each library
 * built for the processor its folder names (read from the binaries' headers, not their names), and
 * on this machine its window opens from the libraries it carries.
 */
@Timeout(120)
class JarIT {

    private static final Path JAR = Path.of("target", "echolab.jar");

    @Test
    void carriesJavaFxForWindowsMacOsAndLinux() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (String lib : List.of("glass.dll", "prism_d3d.dll", "prism_sw.dll", "javafx_font.dll")) {
                assertEquals(0x8664, peMachine(bytes(jar, lib)), lib + ": Windows x64");
            }
            for (String dylib : List.of("libglass.dylib", "libprism_es2.dylib", "libprism_sw.dylib", "libjavafx_font.dylib")) {
                assertEquals(0x01000007, machOCpu(bytes(jar, "natives/mac-x64/" + dylib)), dylib + ": macOS Intel");
                assertEquals(0x0100000c, machOCpu(bytes(jar, "natives/mac-aarch64/" + dylib)), dylib + ": macOS Apple silicon");
            }
            for (String so : List.of("libglass.so", "libglassgtk3.so", "libprism_es2.so", "libprism_sw.so", "libjavafx_font.so")) {
                assertEquals(62, elfMachine(bytes(jar, "natives/linux-x64/" + so)), so + ": Linux x64");
                assertEquals(183, elfMachine(bytes(jar, "natives/linux-aarch64/" + so)), so + ": Linux aarch64");
            }
            for (String cls : List.of("com/sun/glass/ui/win/WinApplication.class", "com/sun/glass/ui/mac/MacApplication.class",
                    "com/sun/glass/ui/gtk/GtkApplication.class", "com/sun/prism/d3d/D3DPipeline.class")) {
                assertNotNull(jar.getJarEntry(cls), cls);
            }
            List<String> sharedNamesAtRoot = jar.stream().map(JarEntry::getName)
                    .filter(n -> n.indexOf('/') < 0 && (n.endsWith(".so") || n.endsWith(".dylib"))).toList();
            assertEquals(List.of(), sharedNamesAtRoot, "JavaFX would try these first on every Mac and Linux, whatever the processor");
        }
    }

    @Test
    void itsWindowOpensFromTheLibrariesItCarries(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        Path logs = dir.resolve("logs");
        Path output = dir.resolve("output.txt");
        List<String> command = EchoLabJvm.jar(JAR, List.of("-Decholab.window.prefs=echolab-test/jar-window",
                "-Decholab.logDir=" + logs), "open", "--port", "0");
        try (VirtualDisplay display = VirtualDisplay.start(1280, 720)) {
            Process window = display.launch(command, Map.of("XDG_CACHE_HOME", cache.toString()), output);
            String shown = VirtualDisplay.awaitLine(logs.resolve("echolab0.log"), "window shown", window, Duration.ofSeconds(60));
            assertTrue(shown.contains("JavaFX 21"), shown);
            String said = Files.readString(output, StandardCharsets.UTF_8); // before it is ended (which JavaFX reports noisily)
            assertFalse(said.contains("Unsupported JavaFX configuration"), said);
            assertFalse(said.contains("Exception"), said);
        }
        List<String> copied;
        try (Stream<Path> files = Files.walk(cache.resolve("echolab").resolve("javafx"))) {
            copied = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".so")).sorted().collect(Collectors.toList());
        }
        assertTrue(copied.contains("libglass.so") && copied.contains("libglassgtk3.so"), "copied out of the jar: " + copied);
    }

    private static byte[] bytes(JarFile jar, String name) throws IOException {
        JarEntry e = jar.getJarEntry(name);
        assertNotNull(e, name + " is not in the jar");
        try (InputStream in = jar.getInputStream(e)) {
            return in.readNBytes(4096);
        }
    }

    /** ELF: e_machine, the 16-bit field at offset 18 (62 x86-64, 183 AArch64). */
    private static int elfMachine(byte[] b) {
        assertEquals(0x7f454c46, ByteBuffer.wrap(b).getInt(0), "not an ELF file");
        ByteOrder order = b[5] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        return ByteBuffer.wrap(b).order(order).getShort(18) & 0xffff;
    }

    /** Mach-O 64-bit: cputype, right after the magic (0x01000007 x86-64, 0x0100000c arm64). */
    private static int machOCpu(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xfeedfacf, buf.getInt(0), "not a 64-bit Mach-O file");
        return buf.getInt(4);
    }

    /** PE: the machine field of the COFF header, which the DOS header's e_lfanew points to. */
    private static int peMachine(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int pe = buf.getInt(0x3c);
        assertEquals(0x00004550, buf.getInt(pe), "not a PE file");
        return buf.getShort(pe + 4) & 0xffff;
    }
}
