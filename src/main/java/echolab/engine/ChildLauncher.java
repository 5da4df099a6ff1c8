package echolab.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import echolab.engine.child.ChildEcho;

/**
 * Starts the child program of {@code processes} mode: the same {@code java} and class path as this
 * JVM, running {@link ChildEcho}. The JVM has no {@code fork}, so this is the closest it gets: a
 * fresh process that is handed the parent's settings as it starts, as a forked child would inherit
 * them in its copy of the parent's memory.
 */
public final class ChildLauncher {

    /** Small heap, one compiler tier, serial GC: a child echoes a few lines, it should start fast. */
    static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto", "-XX:-UsePerfData", "-Xss512k", "-Xms8m", "-Xmx64m");

    private ChildLauncher() {
    }

    /**
     * The command that starts {@code mainClass} the way a child is started: same {@code java}, same
     * flags, same class path. The bench times a trivial main this way to know what a bare child JVM
     * costs here.
     */
    public static List<String> command(String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        return command;
    }

    /** The child's program; a test puts one here that misbehaves (never says it is ready, say). */
    static volatile String childMain = ChildEcho.class.getName();

    static Process start(ServerContext ctx, long clientId) throws IOException {
        List<String> command = command(childMain);
        command.add("--client");
        command.add(Long.toString(clientId));
        command.add("--delay-ms");
        command.add(Long.toString(ctx.delayNanos() / 1_000_000));
        command.add("--protection");
        command.add(ctx.counter.protection().id());
        command.add("--race-window-us");
        command.add(Long.toString(ctx.counter.raceWindowMicros()));
        command.add("--max-line");
        command.add(Integer.toString(ctx.options.maxLineBytes()));
        return new ProcessBuilder(command).start();
    }

    /** The {@code java} launcher of the running JVM. */
    static String javaExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }
}
