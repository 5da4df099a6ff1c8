package echolab.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Small C echo servers written as students write them, compiled with the system's {@code cc} into a
 * test's temporary folder; tests that need them skip, saying why, where there is no {@code cc}.
 * Each listens on 127.0.0.1 on its last argument and prints {@code pid N listening on port P}.
 */
public final class TinyCServers {

    private static final String HEAD = """
            #include <signal.h>
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include <unistd.h>
            #include <arpa/inet.h>
            #include <netinet/in.h>
            #include <sys/socket.h>
            static int listen_on(const char *port) {
                int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;
                setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
                struct sockaddr_in a;
                memset(&a, 0, sizeof a);
                a.sin_family = AF_INET;
                a.sin_port = htons(atoi(port));
                a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
                if (bind(s, (struct sockaddr *) &a, sizeof a) < 0 || listen(s, 16) < 0) {
                    perror("bind");
                    exit(1);
                }
                printf("pid %d listening on port %s\\n", (int) getpid(), port);
                return s;
            }
            """;

    /**
     * Echoes one client at a time and prints its running total with {@code printf} after every read,
     * never calling {@code fflush}: to a pipe, those lines sit in a 4 KiB buffer unless the program is
     * started line-buffered.
     */
    public static final String COUNTING_NO_FLUSH = HEAD + """
            int main(int argc, char **argv) {
                int s = listen_on(argv[argc - 1]);
                long total = 0;
                for (;;) {
                    int c = accept(s, NULL, NULL);
                    char buf[4096];
                    ssize_t n;
                    while ((n = read(c, buf, sizeof buf)) > 0) {
                        write(c, buf, n);
                        total += n;
                        printf("echoed %ld bytes\\n", total);
                    }
                    close(c);
                }
            }
            """;

    /** Says so on stderr and dies of SIGSEGV (a write through a null pointer) when its first client connects. */
    public static final String CRASH_ON_FIRST_CLIENT = HEAD + """
            int main(int argc, char **argv) {
                int s = listen_on(argv[argc - 1]);
                fflush(stdout);
                int c = accept(s, NULL, NULL);
                char buf[16];
                ssize_t n = read(c, buf, sizeof buf);
                fprintf(stderr, "read %d bytes into a 16-byte buffer, then wrote through a null pointer\\n", (int) n);
                volatile int *nowhere = NULL;
                *nowhere = 1;
                return 0;
            }
            """;

    private TinyCServers() {
    }

    /** Compiles {@code source} into {@code dir}/{@code name}; skips the test where there is no {@code cc}. */
    public static Path compile(Path dir, String name, String source) throws IOException, InterruptedException {
        assumeTrue(onPath("cc"), "no C compiler (cc) on this machine to build the test's C server");
        Path c = dir.resolve(name + ".c");
        Path program = dir.resolve(name);
        Files.writeString(c, source, StandardCharsets.UTF_8);
        Process cc = new ProcessBuilder("cc", "-O0", "-o", program.toString(), c.toString()).redirectErrorStream(true).start();
        String said = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!cc.waitFor(60, TimeUnit.SECONDS)) {
            cc.destroyForcibly().waitFor();
            throw new AssertionError("cc took over a minute on " + c);
        }
        if (cc.exitValue() != 0) {
            throw new AssertionError("cc failed on " + c + ":\n" + said);
        }
        return program;
    }

    public static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
