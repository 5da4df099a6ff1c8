package echolab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import echolab.testing.EchoLabJvm;
import echolab.testing.LineClient;

/**
 * Out of file descriptors, {@code accept} fails again at once: the acceptor must wait between
 * tries instead of spinning, say so once per burst, keep serving the connections it has, and
 * accept again once descriptors are free. The server runs in its own JVM with a low descriptor
 * limit ({@code ulimit -n}), and more clients connect than it may hold.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(90)
class AcceptFailureTest {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+) .*");

    @Test
    void outOfDescriptorsTheAcceptorBacksOffSaysSoOnceAndAcceptsAgainWhenThereAreSome() throws Exception {
        String command = "ulimit -n 256 && exec " + EchoLabJvm.shellLine(EchoLabJvm.command("serve", "--port", "0", "--mode", "threads", "--events"));
        Process serve = new ProcessBuilder("bash", "-c", command).start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<String> errLines = new LinkedBlockingQueue<>(); // serve says where it listens on stderr
        Thread errReader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(serve.getErrorStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = err.readLine()) != null) {
                    errLines.add(l);
                }
            } catch (java.io.IOException ignored) {
                // ended
            }
        }, "echolab-test-accept-stderr");
        errReader.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = out.readLine()) != null) {
                    lines.add(l);
                }
            } catch (java.io.IOException ignored) {
                // ended
            }
        }, "echolab-test-accept-stdout");
        reader.start();
        List<Socket> crowd = new ArrayList<>();
        try {
            String first = errLines.poll(30, TimeUnit.SECONDS);
            Matcher m = LISTENING.matcher(String.valueOf(first));
            assertTrue(m.matches(), "first line: " + first);
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1)));
            try (LineClient early = new LineClient(address)) {
                early.send("before\n");
                assertEquals("before\n", early.readLineText());
                for (int i = 0; i < 400; i++) { // more than 256 descriptors' worth: the kernel still completes them
                    crowd.add(new Socket(address.getAddress(), address.getPort()));
                }
                Thread.sleep(1_000); // the acceptor has run out by now
                Duration cpuBefore = serve.toHandle().info().totalCpuDuration().orElseThrow();
                Thread.sleep(2_000);
                Duration cpu = serve.toHandle().info().totalCpuDuration().orElseThrow().minus(cpuBefore);
                assertTrue(cpu.toMillis() < 500, "the acceptor waits between tries, it does not spin: " + cpu.toMillis()
                        + " ms of CPU in 2 s");
                early.send("during\n");
                assertEquals("during\n", early.readLineText(), "the connections it has are still served");
                long told = lines.stream().filter(l -> l.contains("accept failed")).count();
                assertEquals(1, told, "one burst of failures, told once: " + told);
            }
            for (Socket s : crowd) {
                s.close();
            }
            crowd.clear();
            try (LineClient late = new LineClient(address)) { // within the backoff's second, once descriptors are free
                late.send("after\n");
                assertEquals("after\n", late.readLineText());
            }
            OutputStream in = serve.getOutputStream();
            in.write("quit\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertTrue(serve.waitFor(30, TimeUnit.SECONDS));
            reader.join(5_000);
            errReader.join(5_000);
            // (the closed crowd still in the backlog may run the descriptors out once more: a second burst)
            List<String> all = new ArrayList<>(lines);
            assertTrue(all.stream().anyMatch(l -> l.contains("accepting again after")), "the burst's end is told");
        } finally {
            for (Socket s : crowd) {
                s.close();
            }
            serve.destroyForcibly();
            serve.waitFor(10, TimeUnit.SECONDS);
            reader.join(5_000);
        }
    }
}
