package echolab.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;

import echolab.testing.EchoLabJvm;
import echolab.testing.ExampleServers;
import echolab.testing.NoLeftovers;
import echolab.testing.ProcessTrees;

/**
 * An error that ends the JVM that started a student's server ends the server too, with the child it
 * forked and its watchdog: the JVM's shutdown hook stops them. In the window an uncaught error is
 * reported and the lab goes on ({@code ErrorReporter}); one that ends EchoLab ends its JVM as here.
 */
@EnabledOnOs(OS.LINUX)
@ExtendWith(NoLeftovers.class)
@Timeout(60)
class ServerEndsWithItsJvmTest {

    @Test
    void anUncaughtErrorThatEndsTheJvmEndsTheServerAndItsChildren() throws Exception {
        Path server = ExampleServers.program("fork_reap");
        Process owner = new ProcessBuilder(EchoLabJvm.mainOf(FailingOwner.class.getName(), List.of(), server.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            String said = out.readLine();
            assertNotNull(said, "the owner said nothing");
            String[] words = said.split(" ");
            long pid = Long.parseLong(words[1]);
            try (Socket client = new Socket("127.0.0.1", Integer.parseInt(words[2]))) {
                client.getOutputStream().write("held\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertTrue(ProcessTrees.await(5_000, () -> !ProcessTrees.descendants(pid).isEmpty()), "a child for the client");
                Set<Long> theirs = new TreeSet<>(ProcessTrees.descendants(pid));
                theirs.add(pid);
                theirs.addAll(ProcessTrees.descendants(owner.pid(), a -> a.contains("echolab-watchdog")));
                assertEquals(3, theirs.size(), "the server, its child and the watchdog: " + theirs);
                assertTrue(owner.waitFor(20, TimeUnit.SECONDS), "the owner's JVM did not end");
                assertEquals(1, owner.exitValue(), "it died of its error");
                assertEquals(Set.of(), ProcessTrees.awaitGone(theirs, 6_000));
            }
        } finally {
            if (owner.isAlive()) {
                owner.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
