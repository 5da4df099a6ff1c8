package echolab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import echolab.testing.VirtualDisplay;
import org.junit.jupiter.api.Timeout;

import echolab.testing.LineClient;

/**
 * The packaged app that {@code ./mvnw -Pdist package} builds: its own runtime is Java 21 or newer and
 * kept its {@code java} launcher, and its launcher runs the server in virtual-thread mode (Java
 * 21+ only) and in process mode (child JVMs started with that runtime's {@code java}). Skipped,
 * with the reason, when the image has not been built ({@code .ci/run} builds it on a JDK 21+).
 */
@Timeout(120)
@Tag("jdk21") // the packaged app carries a 21+ runtime: .ci/run runs these in its Java 21+ pass
class DistImageTest {

    private static final Path APP = Path.of("target", "dist", "EchoLab");
    private static final Path LAUNCHER = APP.resolve(Path.of("bin", "EchoLab"));
    private static final Pattern LISTENING = Pattern.compile("^listening on 127\\.0\\.0\\.1:(\\d+) ");

    private static void assumeBuilt() {
        assumeTrue(Files.isExecutable(LAUNCHER), "no packaged app at " + LAUNCHER
                + ": build it with JAVA_HOME=<a JDK 21+> ./mvnw -Pdist package -DskipTests (Linux)");
    }

    @Test
    void itsRuntimeIsJava21OrNewerAndKeepsItsJavaLauncher() throws Exception {
        assumeBuilt();
        Path java = APP.resolve(Path.of("lib", "runtime", "bin", "java"));
        assertTrue(Files.isExecutable(java), "the runtime's bin/java: processes mode starts child JVMs with it");
        Process p = new ProcessBuilder(java.toString(), "-XshowSettings:properties", "-version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        Matcher m = Pattern.compile("java\\.specification\\.version = (\\d+)").matcher(out);
        assertTrue(m.find(), out);
        assertTrue(Integer.parseInt(m.group(1)) >= 21, "runtime " + m.group(1) + ": the app needs 21+ for virtual threads");
    }

    @Test
    void itsWindowOpensUnderAVirtualDisplay(@TempDir Path dir) throws Exception {
        assumeBuilt();
        Path logs = dir.resolve("logs");
        try (VirtualDisplay display = VirtualDisplay.start(1280, 720)) {
            // the launcher takes no JVM options: the tests' own preferences and log go through the environment
            Process window = display.launch(List.of(LAUNCHER.toString(), "open", "--port", "0"), Map.of("JAVA_TOOL_OPTIONS",
                    "-Decholab.window.prefs=echolab-test/dist-window -Decholab.logDir=" + logs, "XDG_CACHE_HOME", dir.resolve("cache").toString()),
                    dir.resolve("output.txt"));
            String shown = VirtualDisplay.awaitLine(logs.resolve("echolab0.log"), "window shown", window, Duration.ofSeconds(60));
            Matcher java = Pattern.compile("Java (\\d+)").matcher(shown);
            assertTrue(java.find(), shown);
            assertTrue(Integer.parseInt(java.group(1)) >= 21, shown);
            String said = Files.readString(dir.resolve("output.txt"), StandardCharsets.UTF_8);
            assertFalse(said.contains("Unsupported JavaFX configuration"), said);
        }
    }

    @Test
    void theLauncherServesInVirtualThreadAndProcessModes() throws Exception {
        assumeBuilt();
        for (String mode : new String[] {"virtual", "processes"}) {
            try (ServeProcess serve = ServeProcess.of(LAUNCHER, "serve", "--mode", mode, "--port", "0")) {
                Matcher m = LISTENING.matcher(serve.listeningLine());
                assertTrue(m.find());
                try (LineClient client = new LineClient(new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1))))) {
                    assertEquals("from the packaged app\n", client.send("from the packaged app\n").readLineText(), mode);
                }
                serve.command("quit");
                assertEquals(0, serve.waitForExit(), mode + ": " + serve.stderr());
            }
        }
    }
}
