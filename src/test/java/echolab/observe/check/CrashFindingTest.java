package echolab.observe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import echolab.clients.Framing;
import echolab.events.EventBus;
import echolab.observe.Launch;
import echolab.observe.StudentServer;
import echolab.observe.TreeSampler;
import echolab.testing.NoLeftovers;

/**
 * A crash is a finding, not the end of the check: a real C server that dies with SIGSEGV on a
 * message longer than its 1 KiB buffer fails {@code echo} with the signal, the message that did it
 * and its last words, is started again, and every other check is still judged.
 */
@EnabledOnOs(OS.LINUX)
@ExtendWith(NoLeftovers.class)
class CrashFindingTest {

    /** A thread per client; a message longer than its buffer is written through a null pointer, as an overflow would. */
    private static final String SERVER = """
            #include <arpa/inet.h>
            #include <pthread.h>
            #include <signal.h>
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include <unistd.h>
            static void *serve(void *arg) {
                int fd = *(int *) arg; free(arg);
                char buf[1025]; size_t n = 0; char c;
                while (read(fd, &c, 1) == 1) {
                    if (n == sizeof buf) { fprintf(stderr, "buffer full at %zu bytes\\n", n); *(volatile char *) 0 = c; }
                    buf[n++] = c;
                    if (c == '\\n') { write(fd, buf, n); n = 0; }
                }
                close(fd);
                return NULL;
            }
            int main(int argc, char **argv) {
                signal(SIGPIPE, SIG_IGN);
                int l = socket(AF_INET, SOCK_STREAM, 0), one = 1;
                setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
                struct sockaddr_in a = {0}; a.sin_family = AF_INET; a.sin_port = htons(atoi(argv[1]));
                a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
                if (bind(l, (struct sockaddr *) &a, sizeof a) || listen(l, 64)) { perror("listen"); return 1; }
                printf("listening on port %s\\n", argv[1]); fflush(stdout);
                for (;;) {
                    int *fd = malloc(sizeof *fd); *fd = accept(l, NULL, NULL);
                    pthread_t t; pthread_create(&t, NULL, serve, fd); pthread_detach(t);
                }
            }
            """;

    @Test
    @Timeout(120)
    void aServerThatCrashesOnALongMessageFailsEchoWithTheSignalAndIsCheckedToTheEnd(@TempDir Path dir)
            throws Exception {
        Path source = dir.resolve("server.c");
        Files.writeString(source, SERVER);
        Path program = dir.resolve("server");
        Process cc;
        try {
            cc = new ProcessBuilder("cc", "-O0", "-pthread", "-o", program.toString(), source.toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "no C compiler (cc) on this machine: " + e.getMessage());
            return;
        }
        String out = new String(cc.getInputStream().readAllBytes());
        assertTrue(cc.waitFor(60, TimeUnit.SECONDS) && cc.exitValue() == 0, out);

        EventBus events = new EventBus();
        Launch launch = new Launch(List.of(program.toString()));
        CheckSettings settings = new CheckSettings(Framing.LINE, List.of(1, 8), null, CounterUnit.BYTES, 3);
        CheckReport report;
        try (StudentServer server = StudentServer.start(launch, events);
             TreeSampler sampler = TreeSampler.start(server, events)) {
            report = CheckRun.run(server, sampler, launch, events, settings, line -> { });
        }
        Verdict echo = report.verdict("echo");
        assertEquals(Status.FAIL, echo.status(), report.toText());
        assertTrue(echo.summary().contains("crashed: SIGSEGV (signal 11) on the 4 KiB message"), echo.summary());
        assertTrue(echo.evidence().stream().anyMatch(l -> l.contains("buffer full at 1025 bytes")), report.toText());
        assertTrue(echo.evidence().stream().anyMatch(l -> l.contains("started it again")), report.toText());
        // started again, the server is judged on everything else, and its other checks pass
        for (String id : List.of("burst", "concurrency", "descriptors", "threads", "busy-wait")) {
            assertEquals(Status.PASS, report.verdict(id).status(), id + ":\n" + report.toText());
        }
        assertEquals("thread per client", report.model(), report.toText());
        // the 64 KiB message, sent later in the same phase to the server started again, crashes it once more
        assertEquals(2, report.observed().get("crashes"), report.toText());
        assertTrue(echo.evidence().stream().anyMatch(l -> l.contains("while EchoLab sent the message 64 KiB")),
                report.toText());
        assertFalse(report.passed());
    }
}
