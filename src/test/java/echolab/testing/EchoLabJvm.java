package echolab.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code echolab.Main} in a JVM of its own, as a user runs the jar: the tests' one way to build its
 * command line, and to run it given stdin for its output and exit code.
 */
public final class EchoLabJvm {

    /** How a run ended. */
    public record Run(int code, String out, String err) {}

    private EchoLabJvm() {
    }

    /** This JVM's own {@code java} launcher: the tests' JDK runs EchoLab's JVM too. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java ... echolab.Main args}: the command line of EchoLab on the tests' class path. */
    public static List<String> command(String... args) {
        return command(List.of(), args);
    }

    /** {@code java jvmOptions ... echolab.Main args}, with {@code -D} options and the like before the class path. */
    public static List<String> command(List<String> jvmOptions, String... args) {
        return mainOf("echolab.Main", jvmOptions, args);
    }

    /** {@code java ... mainClass args}: another main of the tests' class path (a JVM that owns a server, say). */
    public static List<String> mainOf(String mainClass, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(java()));
        if (Runtime.version().feature() >= 22) {
            // as the jar's manifest says (Enable-Native-Access): JavaFX and JNA load native code
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** {@code java jvmOptions -jar jar args}: the built jar as a user starts it (its manifest says the rest). */
    public static List<String> jar(Path jar, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** {@code command} as one line for {@code sh -c}, each word quoted. */
    public static String shellLine(List<String> command) {
        StringBuilder line = new StringBuilder();
        for (String word : command) {
            line.append(line.length() == 0 ? "" : " ").append('\'').append(word.replace("'", "'\\''")).append('\'');
        }
        return line.toString();
    }

    /** Runs {@code args} with {@code stdin} (then closed), waits at most {@code seconds}, kills it if it is still running. */
    public static Run run(String stdin, long seconds, String... args) throws IOException, InterruptedException {
        List<String> command = command(args);
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
