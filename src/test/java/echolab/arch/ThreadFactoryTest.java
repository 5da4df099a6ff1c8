package echolab.arch;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import echolab.base.LabThreads;

/** Every platform thread of EchoLab is made, and named, by {@link LabThreads}. */
@AnalyzeClasses(packages = "echolab", importOptions = ImportOption.DoNotIncludeTests.class)
class ThreadFactoryTest {

    @ArchTest
    static final ArchRule threadsComeFromTheFactoryAlone = noClasses()
            .that().doNotHaveFullyQualifiedName(LabThreads.class.getName())
            .should().callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .because("a thread named in one place is found by name in a thread dump, in /proc and by the tests' "
                    + "leftover check, and is a daemon unless it says why not");
}
