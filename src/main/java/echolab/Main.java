package echolab;

import echolab.cli.EchoLabCommand;
import echolab.ui.FrameTimeBenchmark;
import echolab.ui.OpenCommand;

/**
 * Entry point of the jar. With no arguments it opens the window; otherwise it runs a command
 * ({@code serve}, ...) headless. It does not extend {@code Application}, so the jar also starts
 * with JavaFX on the class path rather than the module path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            try {
                echolab.ui.EchoLabApp.open(args);
            } catch (echolab.ui.WindowUnavailable e) {
                System.err.println("echolab: " + e.getMessage());
                System.exit(1);
            }
            return;
        }
        System.exit(EchoLabCommand.execute(new Object[] {new OpenCommand(), new FrameTimeBenchmark(), new echolab.ui.trace.ExportCommand()}, args));
    }
}
