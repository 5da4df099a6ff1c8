package echolab.observe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start a student's server: its command line, where to run it, and how long it may take to
 * listen. {@code {port}} in an argument becomes the port EchoLab chose; without it the port is
 * appended as the last argument, as the lab's starter code expects ({@code ./server PORT}).
 */
public record Launch(List<String> command, Path workingDirectory, Duration listenTimeout) {

    public static final String PORT_PLACEHOLDER = "{port}";

    public Launch {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command given: say which program to run after --");
        }
        command = List.copyOf(command);
        workingDirectory = workingDirectory == null ? Path.of("").toAbsolutePath() : workingDirectory.toAbsolutePath();
    }

    public Launch(List<String> command) {
        this(command, null, Duration.ofSeconds(10));
    }

    /** The command line with {@code port} in place of {@code {port}}, or appended. */
    public List<String> withPort(int port) {
        List<String> line = new ArrayList<>();
        boolean placed = false;
        for (String arg : command) {
            if (arg.contains(PORT_PLACEHOLDER)) {
                placed = true;
                line.add(arg.replace(PORT_PLACEHOLDER, Integer.toString(port)));
            } else {
                line.add(arg);
            }
        }
        if (!placed) {
            line.add(Integer.toString(port));
        }
        return line;
    }

    /** The command as a person would type it, for titles and reports. */
    public String display() {
        return brief(command);
    }

    /** A command line on one line: white space folded, each argument cut at 60 characters. */
    public static String brief(List<String> line) {
        List<String> parts = new ArrayList<>();
        for (String arg : line) {
            String one = arg.strip().replaceAll("\\s+", " ");
            parts.add(one.length() > 60 ? one.substring(0, 57) + "…" : one);
        }
        return String.join(" ", parts);
    }
}
