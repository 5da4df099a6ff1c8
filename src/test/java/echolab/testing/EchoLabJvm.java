package echolab.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code echolab.Main} in a JVM of its own, as a user runs the jar: given stdin, its output and exit code. */
public final class EchoLabJvm {

    /** How a run ended. */
    public record Run(int code, String out, String err) {}

    private EchoLabJvm() {
    }

    /** Runs {@code args} with {@code stdin} (then closed), waits at most {@code seconds}, kills it if it is still running. */
    public static Run run(String stdin, long seconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED"); // as the jar's manifest says
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "echolab.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        CompletableFuture<String> out = read(p.getInputStream());
        CompletableFuture<String> err = read(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("echolab " + String.join(" ", args) + " did not end within " + seconds + " s");
        }
        return new Run(p.exitValue(), out.join(), err.join());
    }

    private static CompletableFuture<String> read(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
