package echolab.observe;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small {@code sh} process per started server that ends the server's process group when EchoLab
 * ends in a way no Java code survives ({@code kill -9}, a crash of the JVM itself). It blocks reading
 * a pipe whose only write end EchoLab's JVM holds (its stdin; Java closes every other descriptor in
 * the processes it starts, so neither the student's server nor its children inherit it). When EchoLab
 * stops the server itself it writes {@code done} and the watchdog exits; when the pipe closes
 * without it (EchoLab is gone), the watchdog sends {@code SIGTERM} to the group, waits up to two
 * seconds, then {@code SIGKILL}, and exits: it never outlives the server by more than that.
 *
 * <p>It runs in a session of its own ({@code setsid}) and ignores SIGINT and SIGHUP, so a Ctrl-C in
 * EchoLab's terminal, which reaches every process of the terminal's foreground group, or the terminal
 * closing, cannot end it before it has acted.
 *
 * <p>Threading: {@link #arm} and {@link #disarm} from any thread, once each.
 */
final class ServerWatchdog {

    /** The watchdog's script: $1 is "group" or "pid"; the PID comes as the pipe's first line. */
    static final String SCRIPT = String.join("\n",
            "trap '' INT HUP QUIT",
            "read target || exit 0",           // EchoLab died before it told which server: none was started
            "case \"$target\" in ''|*[!0-9]*) exit 0;; esac",
            "read word",                        // blocks until EchoLab says done, or the pipe closes
            "[ \"$word\" = done ] && exit 0",
            "if [ \"$1\" = group ]; then g=-$target; else g=$target; fi",
            "kill -TERM $g 2>/dev/null || kill -TERM $target 2>/dev/null || exit 0",
            "i=0",
            "while [ $i -lt 20 ]; do",
            "  kill -0 $g 2>/dev/null || exit 0",
            "  sleep 0.1 2>/dev/null || sleep 1",  // a sleep without fractions waits longer, still bounded
            "  i=$((i+1))",
            "done",
            "kill -KILL $g 2>/dev/null",
            "exit 0", "");

    private final Process process;
    private final OutputStream pipe;
    private boolean disarmed;

    private ServerWatchdog(Process process) {
        this.process = process;
        this.pipe = process.getOutputStream();
    }

    /**
     * Starts a watchdog for a server about to start, in its own process group if {@code group}; null
     * where there is no {@code sh} (then only EchoLab's own shutdown paths end the server).
     */
    static ServerWatchdog start(boolean group) {
        String sh = executable("/bin/sh", "/usr/bin/sh");
        if (sh == null) {
            return null;
        }
        List<String> argv = new ArrayList<>();
        String setsid = executable("/usr/bin/setsid", "/bin/setsid");
        if (setsid != null) {
            argv.add(setsid);
        }
        argv.addAll(List.of(sh, "-c", SCRIPT, "echolab-watchdog", group ? "group" : "pid"));
        try {
            Process p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return new ServerWatchdog(p);
        } catch (IOException e) {
            return null;
        }
    }

    /** Tells the watchdog which server to end should EchoLab vanish. */
    synchronized void arm(long pid) {
        write(pid + "\n");
    }

    /**
     * EchoLab has ended the server itself: the watchdog exits without a signal (the PID may be another
     * process's by now) and is reaped here.
     */
    synchronized void disarm() {
        if (disarmed) {
            return;
        }
        disarmed = true;
        write("done\n");
        try {
            pipe.close();
        } catch (IOException ignored) {
            // it has gone already
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    long pid() {
        return process.pid();
    }

    private void write(String line) {
        try {
            pipe.write(line.getBytes(StandardCharsets.US_ASCII));
            pipe.flush();
        } catch (IOException e) {
            // the watchdog is gone (someone ended it): EchoLab's own paths still end the server
        }
    }

    private static String executable(String... candidates) {
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        return null;
    }
}
