package echolab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import echolab.ui.fold.Fold;

/**
 * The window's state is folds of events that know no control: they keep observable values
 * (javafx.beans, javafx.collections) for the views to bind to, and are tested without starting
 * JavaFX, so nothing of the scene graph, the animation clock or the application may appear in them.
 */
@AnalyzeClasses(packages = "echolab", importOptions = ImportOption.DoNotIncludeTests.class)
class FoldsTest {

    @ArchTest
    static final ArchRule foldsAndTheirModelsKnowNoControl = noClasses()
            .that().implement(Fold.class)
            .or().resideInAnyPackage("echolab.ui.model..", "echolab.ui.fold..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.animation..",
                    "javafx.application..", "javafx.stage..", "javafx.fxml..")
            .because("a fold is tested without JavaFX running; the views draw what it keeps");

    @ArchTest
    static final ArchRule theTraceExporterKnowsNoToolkit = noClasses()
            .that().resideInAPackage("echolab.ui.trace..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the command line exports a recording without JavaFX; the folds it uses are toolkit-free");

    @ArchTest
    static final ArchRule foldsAreNamedSo = classes()
            .that().implement(Fold.class).and().areNotInterfaces().and().areNotAnonymousClasses()
            .should().haveSimpleNameEndingWith("Fold").orShould().haveSimpleNameEndingWith("ViewModel")
            .orShould().haveSimpleName("LabFolds")
            .because("a fold is found by its name in the feature that owns it");
}
