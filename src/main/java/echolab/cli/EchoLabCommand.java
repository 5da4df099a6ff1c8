package echolab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top command: {@code echolab serve ...}; with no command at all the jar opens the window. */
@Command(name = "echolab", mixinStandardHelpOptions = true, version = "EchoLab 0.1",
        description = "A lab that makes concurrent servers visible. Without a command it opens the window.",
        subcommands = {ServeCommand.class})
public final class EchoLabCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs the command line and returns the exit code: 0, 1 on failure, 2 on bad arguments. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new EchoLabCommand());
        cli.setParameterExceptionHandler((ex, argv) -> {
            ex.getCommandLine().getErr().println(ex.getCommandLine().getCommandName() + ": " + ex.getMessage());
            return CommandLine.ExitCode.USAGE;
        });
        return cli.execute(args);
    }
}
