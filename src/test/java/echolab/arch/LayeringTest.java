package echolab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine side knows nothing of JavaFX: data flows engine, events, then the UI. */
@AnalyzeClasses(packages = "echolab", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule engineSideImportsNoJavaFx = noClasses()
            .that().resideInAnyPackage("echolab.engine..", "echolab.events..", "echolab.sync..",
                    "echolab.clients..", "echolab.cli..", "echolab.bench..", "echolab.lab..", "echolab.observe..",
                    "echolab.lessons..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the engine must run headless and be testable without a display");

    @ArchTest
    static final ArchRule engineSideDoesNotReachIntoTheUi = noClasses()
            .that().resideInAnyPackage("echolab.engine..", "echolab.events..", "echolab.sync..",
                    "echolab.clients..", "echolab.cli..", "echolab.bench..", "echolab.lab..", "echolab.observe..",
                    "echolab.lessons..")
            .should().dependOnClassesThat().resideInAnyPackage("echolab.ui..")
            .because("data flows one way: engine, events, then the UI");
}
