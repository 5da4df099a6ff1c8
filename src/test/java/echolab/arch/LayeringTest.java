package echolab.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import echolab.ui.FrameTimeBenchmark;
import echolab.ui.OpenCommand;

/**
 * The engine side knows nothing of JavaFX: data flows engine, events, then the UI. Below the engine the
 * packages are layered one way: {@code base} at the bottom, then {@code events}, then {@code sync} and
 * {@code clients}, then {@code engine}; and only the app shell (the command line) knows {@code cli}.
 */
@AnalyzeClasses(packages = "echolab", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule engineSideImportsNoJavaFx = noClasses()
            .that().resideInAnyPackage("echolab.base..", "echolab.engine..", "echolab.events..", "echolab.sync..",
                    "echolab.clients..", "echolab.cli..", "echolab.bench..", "echolab.lab..", "echolab.observe..",
                    "echolab.lessons..", "echolab.record..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the engine must run headless and be testable without a display");

    @ArchTest
    static final ArchRule engineSideDoesNotReachIntoTheUi = noClasses()
            .that().resideInAnyPackage("echolab.base..", "echolab.engine..", "echolab.events..", "echolab.sync..",
                    "echolab.clients..", "echolab.cli..", "echolab.bench..", "echolab.lab..", "echolab.observe..",
                    "echolab.lessons..", "echolab.record..")
            .should().dependOnClassesThat().resideInAnyPackage("echolab.ui..")
            .because("data flows one way: engine, events, then the UI");

    @ArchTest
    static final ArchRule baseDependsOnNothingOfEcholab = noClasses()
            .that().resideInAPackage("echolab.base..")
            .should().dependOnClassesThat(resideInAPackage("echolab..").and(resideOutsideOfPackage("echolab.base..")))
            .because("base is the bottom: anything may use it, so it may use nothing of the lab");

    @ArchTest
    static final ArchRule engineSyncAndClientsAreLayeredOneWay = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("engine").definedBy("echolab.engine..")
            .layer("sync").definedBy("echolab.sync..")
            .layer("clients").definedBy("echolab.clients..")
            .layer("events").definedBy("echolab.events..")
            .layer("base").definedBy("echolab.base..")
            .whereLayer("engine").mayNotBeAccessedByAnyLayer()
            .whereLayer("sync").mayOnlyBeAccessedByLayers("engine")
            .whereLayer("clients").mayNotBeAccessedByAnyLayer()
            .whereLayer("events").mayOnlyBeAccessedByLayers("engine", "sync", "clients")
            .whereLayer("base").mayOnlyBeAccessedByLayers("engine", "sync", "clients", "events")
            .because("the server uses the protections and the events; the protections and the simulated "
                    + "clients stand on their own, so each is tested, and read, without the server");

    /** The command line's faces: the jar's main and the commands that open the window or time its frames. */
    @ArchTest
    static final ArchRule onlyTheAppShellImportsCli = noClasses()
            .that().resideOutsideOfPackage("echolab.cli..")
            .and(not(belongToAnyOf(echolab.Main.class, OpenCommand.class, FrameTimeBenchmark.class)))
            .should().dependOnClassesThat().resideInAPackage("echolab.cli..")
            .because("cli is the outermost layer: what the window needed of it (the bind address) lives "
                    + "below, in lab, where the window and the command line both reach it");

    /** Recordings stand beside the events: they write and read them, and know of nothing that makes them. */
    @ArchTest
    static final ArchRule recordingsUseOnlyEventsBaseAndLab = noClasses()
            .that().resideInAPackage("echolab.record..")
            .should().dependOnClassesThat(resideInAPackage("echolab..").and(not(resideInAnyPackage(
                    "echolab.record..", "echolab.events..", "echolab.base..", "echolab.lab.."))))
            .because("a recording is the event stream on disk: the command line and the window use it, "
                    + "not the other way round");

    @ArchTest
    static final ArchRule onlyTheCommandLineTheWindowAndLessonsUseRecordings = noClasses()
            .that().resideInAnyPackage("echolab.engine..", "echolab.events..", "echolab.sync..", "echolab.clients..",
                    "echolab.base..", "echolab.lab..", "echolab.observe..")
            .should().dependOnClassesThat().resideInAPackage("echolab.record..")
            .because("the layers a recording reads from must not know it (a lesson reads the recorded run it "
                    + "ships, and records its runs for that)");
}
