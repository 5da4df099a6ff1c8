package echolab.observe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How a started program is made to write its output as it prints it. A C program's {@code stdout}
 * to a pipe is block-buffered (4 KiB): its {@code printf("echoed %ld bytes\n", ...)} reaches EchoLab
 * when the buffer fills or the program exits, so the counter check would wait in vain on a correct
 * server. On Linux, {@code stdbuf -oL} (GNU coreutils) makes the C library line-buffer it: it sets
 * the buffering through variables its preload library reads, then {@code exec}s the program, so the
 * PID EchoLab starts stays the program's. {@code PYTHONUNBUFFERED=1} does the same for Python.
 *
 * <p>Only {@code -oL}: a C program's {@code stderr} is unbuffered already, and {@code -eL} would only
 * hold back a message that has no newline yet, which a crash would then lose.
 *
 * <p>Why not a pseudo-terminal: it needs native calls that differ per system, merges stdout and
 * stderr, turns every "\n" into "\r\n", and changes how programs behave (colours, prompts, a
 * terminal's signals), for no gain over {@code stdbuf} for the programs students write.
 *
 * <p>Threading: stateless but for a cached probe; any thread.
 */
record OutputBuffering(List<String> prefix, boolean lineBuffered, String reason) {

    /** The rest of every reason: what the student sees when it is not line-buffered. */
    static final String CONSEQUENCE = "a C program's printf output reaches EchoLab only when its 4 KiB buffer fills"
            + " or it calls fflush(stdout)";

    private static OutputBuffering probed;

    /** The environment every started program gets, whatever the buffering. */
    static final Map<String, String> ENVIRONMENT = Map.of("PYTHONUNBUFFERED", "1");

    /** For a server EchoLab did not start. */
    static OutputBuffering attached() {
        return new OutputBuffering(List.of(), false, "EchoLab did not start this server, so it cannot read what it prints");
    }

    /** What this system allows; probed once (a {@code stdbuf -oL true}, a few milliseconds). */
    static synchronized OutputBuffering forThisSystem() {
        if (probed == null) {
            probed = probe();
        }
        return probed;
    }

    private static OutputBuffering probe() {
        String stdbuf = null;
        for (String candidate : new String[] {"/usr/bin/stdbuf", "/bin/stdbuf", "/usr/local/bin/stdbuf"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                stdbuf = candidate;
                break;
            }
        }
        if (stdbuf == null) {
            return new OutputBuffering(List.of(), false, "stdbuf not found (it comes with GNU coreutils): " + CONSEQUENCE);
        }
        String truth = Files.isExecutable(Path.of("/bin/true")) ? "/bin/true" : "/usr/bin/true";
        try {
            Process p = new ProcessBuilder(stdbuf, "-oL", truth).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String said = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new OutputBuffering(List.of(), false, "stdbuf did not answer: " + CONSEQUENCE);
            }
            if (p.exitValue() != 0) {
                String first = said.lines().findFirst().orElse("exit " + p.exitValue());
                return new OutputBuffering(List.of(), false, "stdbuf does not work here (" + first + "): " + CONSEQUENCE);
            }
        } catch (IOException e) {
            return new OutputBuffering(List.of(), false, "stdbuf cannot be run (" + e.getMessage() + "): " + CONSEQUENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new OutputBuffering(List.of(), false, "interrupted while probing stdbuf: " + CONSEQUENCE);
        }
        return new OutputBuffering(List.of(stdbuf, "-oL"), true, "");
    }
}
