package echolab.lessons;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds an example server of "Your server" ({@code examples/servers}) and builds it when it has
 * not been, for a lesson's student run. The folder is {@code -Decholab.examples=DIR}, else
 * {@code examples/servers} under the working directory, else beside the jar; programs are built
 * with its Makefile into the temporary folder, once.
 */
public final class ExampleServers {

    /** A built program, or why there is none. */
    public record Found(Path program, String why) {}

    private final Path sources;
    private final Path build;

    public ExampleServers(Path sources, Path build) {
        this.sources = sources;
        this.build = build;
    }

    /** The examples found as described above; {@code sources} may be null when there are none. */
    public static ExampleServers standard() {
        Path build = Path.of(System.getProperty("java.io.tmpdir"), "echolab-examples-" + System.getProperty("user.name", "user"));
        String given = System.getProperty("echolab.examples");
        if (given != null) {
            return new ExampleServers(Path.of(given).toAbsolutePath(), build);
        }
        for (Path p : candidates()) {
            if (Files.isRegularFile(p.resolve("Makefile"))) {
                return new ExampleServers(p, build);
            }
        }
        return new ExampleServers(null, build);
    }

    private static List<Path> candidates() {
        Path here = Path.of("examples", "servers").toAbsolutePath();
        try {
            Path jar = Path.of(ExampleServers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = jar.getParent() == null ? here : jar.getParent().resolveSibling("examples").resolve("servers");
            return List.of(here, beside);
        } catch (Exception e) {
            return List.of(here);
        }
    }

    /** The program {@code name} in the line framing, built now if need be. Blocks while it builds (a second). */
    public synchronized Found program(String name) throws InterruptedException {
        if (sources == null) {
            return new Found(null, "the example servers (examples/servers) are not here; run EchoLab from its folder"
                    + " or name them with -Decholab.examples=DIR");
        }
        if (!Files.isRegularFile(sources.resolve(name + ".c"))) {
            return new Found(null, "there is no example server " + name + " in " + sources);
        }
        Path program = build.resolve(name + "-line");
        if (Files.isExecutable(program)) {
            return new Found(program, null);
        }
        try {
            Files.createDirectories(build);
            Process make = new ProcessBuilder("make", "-s", "-f", sources.resolve("Makefile").toString(),
                    "BUILD=" + build, program.toString()).redirectErrorStream(true).start();
            byte[] out = make.getInputStream().readAllBytes();
            if (!make.waitFor(60, TimeUnit.SECONDS)) {
                make.destroyForcibly().waitFor();
                return new Found(null, "building " + name + " took more than a minute");
            }
            if (make.exitValue() != 0 || !Files.isExecutable(program)) {
                String first = new String(out, StandardCharsets.UTF_8).lines().findFirst().orElse("make failed");
                return new Found(null, "could not build " + name + ": " + first);
            }
            return new Found(program, null);
        } catch (IOException e) {
            return new Found(null, "could not build " + name + " (are make and a C compiler installed?): " + e.getMessage());
        }
    }
}
