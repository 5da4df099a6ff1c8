package echolab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top command: {@code echolab serve ...}; with no command at all the jar opens the window. */
@Command(name = "echolab", mixinStandardHelpOptions = true, version = "EchoLab 0.1",
        description = "A lab that makes concurrent servers visible. Without a command it opens the window.",
        subcommands = {ServeCommand.class, BenchCommand.class, CheckCommand.class, LessonsCommand.class, ClientCommand.class,
                RecordInfoCommand.class})
public final class EchoLabCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /**
     * Runs the command line and returns the exit code: 0, 1 on failure, 2 on bad arguments.
     * {@code windowCommands} are the commands that need the window ({@code open}, {@code frames});
     * they are passed in because this package knows nothing of the user interface.
     */
    public static int execute(Object[] windowCommands, String... args) {
        CommandLine cli = new CommandLine(new EchoLabCommand());
        for (Object command : windowCommands) {
            cli.addSubcommand(command);
        }
        cli.setParameterExceptionHandler((ex, argv) -> {
            ex.getCommandLine().getErr().println(ex.getCommandLine().getCommandName() + ": " + ex.getMessage());
            return CommandLine.ExitCode.USAGE;
        });
        return cli.execute(args);
    }
}
