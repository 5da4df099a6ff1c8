package echolab.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import echolab.cli.PerHostLimit;
import echolab.cli.ScenarioConverter;
import echolab.cli.ServerSettings;
import echolab.engine.ServerOptions;
import echolab.lessons.Lesson;
import echolab.lessons.LessonFileException;
import echolab.lessons.LessonReader;
import echolab.lessons.Lessons;
import echolab.sync.Scenario;
import echolab.ui.lessons.LessonRequest;
import echolab.ui.observe.FramingChoice;
import echolab.ui.observe.ObserveRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code open}: the window, set up before it appears: a mode, settings, a few clients already
 * talking, the presenter view. With no arguments at all the jar opens the window with defaults.
 * {@code open --observe -- ./server} opens it on the "Your server" tab, watching that program;
 * {@code open --lesson ID} (or {@code --lesson-file F}) opens it on the Lessons panel at that lesson's first step.
 */
@Command(name = "open", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Opens the window, optionally in a given mode with clients already running.")
public final class OpenCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServerSettings settings;

    @Option(names = "--clients", defaultValue = "0", paramLabel = "N", description = "clients to add at once (default: ${DEFAULT-VALUE})")
    private int clients;

    @Option(names = "--slow-clients", defaultValue = "0", paramLabel = "N", description = "slow clients to add first (default: ${DEFAULT-VALUE})")
    private int slowClients;

    @Option(names = "--presenter", description = "start in the presenter view (everything larger, strong contrast)")
    private boolean presenter;

    @Option(names = "--sync", converter = ScenarioConverter.class, paramLabel = "SCENARIO",
            description = "show the Synchronization lab with this scenario set up: handoff, deadlock, starvation or semaphore")
    private Scenario sync;

    @Option(names = "--compare", description = "show the Compare tab and run a comparison of every mode with its small defaults")
    private boolean compare;

    @Option(names = "--observe",
            description = "show the Your server tab and start the command given after --, e.g. open --observe -- ./server"
                    + " (the port is appended, or put {port} where it goes)")
    private boolean observe;

    @Option(names = "--framing", defaultValue = "auto", paramLabel = "NAME",
            description = "with --observe: how its clients speak: line (\\n), blank-line (\\r\\n\\r\\n) or auto: find out"
                    + " (default: ${DEFAULT-VALUE})")
    private String framing;

    @Option(names = "--lesson", paramLabel = "ID",
            description = "open the Lessons panel on this built-in lesson, at its first step")
    private String lesson;

    @Option(names = "--lesson-file", paramLabel = "FILE",
            description = "open the Lessons panel on a lesson file (YAML or JSON), at its first step")
    private Path lessonFile;

    @Option(names = "--bind", defaultValue = ServerOptions.LOOPBACK, paramLabel = "ADDR",
            description = "address to listen on (default: ${DEFAULT-VALUE}); 0.0.0.0 lets the students' own machines"
                    + " connect (the header then shows this machine's addresses to give out)")
    private String bind;

    @Mixin
    private PerHostLimit perHost;

    @Option(names = "--forget", description = "forget what the window remembered (its place and size, the presenter view,"
            + " zoom, theme, the last mode and settings, the recent commands) and open with the defaults")
    private boolean forget;

    @Option(names = "--theme", paramLabel = "NAME", description = "light, or dark (high contrast, for projectors); default: the last one used")
    private String theme;

    @Option(names = "--replay", paramLabel = "FILE",
            description = "play a recording (--record FILE) in the window, without a server: pause, step, speeds 0.1x to 10x")
    private java.nio.file.Path replay;

    @Option(names = "--record", paramLabel = "FILE",
            description = "record the window's lab into FILE as well (docs/recording.md); the window always records"
                    + " its last 30 minutes into the user's data folder")
    private Path record;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "with --observe: your server's command line, after --")
    private List<String> command;

    @Override
    public Integer call() {
        FramingChoice framingChoice;
        try {
            framingChoice = FramingChoice.parse(framing);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--framing: " + e.getMessage());
        }
        List<String> observed = command == null ? List.of() : command;
        if (!observe && !observed.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "a command after -- is for --observe: open --observe -- "
                    + String.join(" ", observed));
        }
        java.net.InetAddress address;
        try {
            address = echolab.lab.BindAddress.resolve(bind);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--bind': " + e.getMessage());
        }
        ServerOptions options;
        try {
            options = perHost.apply(spec, settings.apply(spec)).host(bind).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String warning = echolab.lab.BindAddress.warning(address, bind);
        if (warning != null) {
            spec.commandLine().getErr().println("open: " + warning);
            spec.commandLine().getErr().flush();
        }
        Theme chosenTheme;
        try {
            chosenTheme = theme == null ? null : Theme.parse(theme);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--theme: " + e.getMessage());
        }
        Lesson chosen = lesson(); // before the window: a lesson that cannot be used is said on the command line
        if (replay != null) {
            if (observe || chosen != null) {
                throw new ParameterException(spec.commandLine(), "--replay plays a recording: it goes with neither --observe nor a lesson");
            }
            try {
                echolab.record.Recording read = echolab.record.Recording.read(replay);
                read.damage().ifPresent(d -> spec.commandLine().getErr().println("open: " + replay + ": " + d
                        + "; the replay ends there"));
                echolab.ui.rewind.ReplayRequest.leave(new echolab.ui.rewind.ReplayRequest(
                        replay.getFileName().toString(), read));
            } catch (echolab.record.RecordingException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (observe) {
            ObserveRequest.leave(new ObserveRequest(observed, framingChoice));
        }
        if (chosen != null) {
            LessonRequest.leave(new LessonRequest(chosen));
        }
        if (record != null) {
            java.nio.file.Path folder = record.toAbsolutePath().getParent();
            if (folder == null || !java.nio.file.Files.isDirectory(folder)) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--record': cannot write "
                        + record + ": its folder does not exist");
            }
            WindowRecording.recordNextWindowTo(record);
        }
        try {
            if (forget) {
                Remembered.forgetAll();
            }
            EchoLabApp.open(new EchoLabApp.Setup(options, slowClients, clients, presenter, sync, compare, !serverOptionGiven(), chosenTheme));
        } catch (WindowUnavailable e) {
            spec.commandLine().getErr().println("open: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
        return 0;
    }

    /** Whether a server option (mode, port, settings) was given: then the last launch's settings are not used. */
    private boolean serverOptionGiven() {
        java.util.Set<String> serverOptions = new java.util.HashSet<>();
        spec.mixins().get("settings").options().forEach(o -> serverOptions.addAll(List.of(o.names())));
        return spec.commandLine().getParseResult().matchedOptions().stream()
                .anyMatch(o -> serverOptions.contains(o.longestName()));
    }

    /** The lesson {@code --lesson} or {@code --lesson-file} names, or null; a one-line refusal otherwise. */
    private Lesson lesson() {
        if (lesson != null && lessonFile != null) {
            throw new ParameterException(spec.commandLine(), "--lesson and --lesson-file: give one lesson, not two");
        }
        if (lesson != null) {
            return Lessons.find(lesson).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--lesson: no built-in lesson " + lesson + "; the lessons are: " + Lessons.ids()));
        }
        if (lessonFile != null) {
            try {
                return LessonReader.read(lessonFile);
            } catch (LessonFileException e) {
                throw new ParameterException(spec.commandLine(), "--lesson-file: " + e.getMessage());
            }
        }
        return null;
    }
}
