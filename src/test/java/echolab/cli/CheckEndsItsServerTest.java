package echolab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import echolab.testing.EchoLabJvm;
import echolab.testing.ExampleServers;
import echolab.testing.NoLeftovers;
import echolab.testing.ProcessTrees;

/**
 * {@code check -- ./fork_reap} in a JVM of its own, ended in the middle of its check: the server,
 * the child it forked for a client, and EchoLab's watchdog must all be gone within a few seconds,
 * also after {@code kill -9}, when no code of EchoLab's runs. The PIDs come from {@code /proc}.
 */
@EnabledOnOs(OS.LINUX)
@ExtendWith(NoLeftovers.class)
@Timeout(90)
class CheckEndsItsServerTest {

    private static final Pattern CHECKING = Pattern.compile("checking .* \\(PID (\\d+)\\)");

    @ParameterizedTest
    @ValueSource(strings = {"SIGTERM", "SIGKILL"})
    void aCheckEndedMidwayLeavesNothingOfTheServerRunning(String signal) throws Exception {
        Path server = ExampleServers.program("fork_reap");
        List<String> command = EchoLabJvm.command("check", "--", server.toString());
        Process check = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(check.getErrorStream(), StandardCharsets.UTF_8))) {
            long student = -1;
            String line;
            while (student < 0 && (line = err.readLine()) != null) {
                Matcher m = CHECKING.matcher(line);
                if (m.find()) {
                    student = Long.parseLong(m.group(1));
                }
            }
            assertTrue(student > 0, "check never said which PID it checks");
            List<String> args = ProcessTrees.arguments(student);
            int port = Integer.parseInt(args.get(args.size() - 1));
            long pid = student;
            try (Socket client = new Socket("127.0.0.1", port)) {
                client.getOutputStream().write("held\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertTrue(ProcessTrees.await(10_000, () -> !ProcessTrees.descendants(pid).isEmpty()),
                        "fork_reap forks a child for a client");
                Set<Long> watchdogs = ProcessTrees.descendants(check.pid(), a -> a.contains("echolab-watchdog"));
                assertEquals(1, watchdogs.size(), "one watchdog: " + ProcessTrees.descendants(check.pid()));
                Set<Long> theirs = new TreeSet<>(ProcessTrees.descendants(pid));
                theirs.add(pid);
                theirs.addAll(watchdogs);

                if (signal.equals("SIGKILL")) {
                    check.toHandle().destroyForcibly();
                } else {
                    check.toHandle().destroy();
                }
                assertTrue(check.waitFor(20, TimeUnit.SECONDS), "check did not end on " + signal);
                Set<Long> left = ProcessTrees.awaitGone(theirs, 6_000);
                assertEquals(Set.of(), left, signal + ": still running, of " + theirs + ": "
                        + left.stream().map(p -> p + " " + ProcessTrees.arguments(p)).toList());
            }
        } finally {
            if (check.isAlive()) {
                check.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
