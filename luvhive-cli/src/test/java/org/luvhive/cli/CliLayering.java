package org.luvhive.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The package layering of luvhive-cli (docs/architecture.md, "luvhive-cli"), as ArchUnit
 * rules over the packages below {@code root}: the entry point (the root package) uses the
 * command packages, which use {@code support}, which uses none of them; no package cycle;
 * no command package uses another; nothing uses a core feature's {@code internal} package.
 * The rules take the root as a parameter so that {@link CliLayeringTest} can show them
 * failing on a broken fixture.
 */
final class CliLayering {

    private final String root;

    CliLayering(String root) {
        this.root = root;
    }

    /** All the rules as one, so that a check reports every broken one. */
    ArchRule all() {
        return CompositeArchRule.of(noPackageCycles()).and(supportIsTheBottomLayer()).and(commandPackagesStandAlone())
                .and(noCoreInternals());
    }

    /** Every package is a slice of its own (the root included), so any cycle between two packages shows. */
    ArchRule noPackageCycles() {
        return slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                return name.equals(root) || name.startsWith(root + ".") ? SliceIdentifier.of(name)
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages below " + root;
            }
        }).should().beFreeOfCycles().as("no package cycle below " + root);
    }

    ArchRule supportIsTheBottomLayer() {
        return noClasses().that().resideInAPackage(root + ".support..").should().dependOnClassesThat(
                resideInAPackage(root + "..").and(not(resideInAPackage(root + ".support.."))))
                .as("support uses no other package of the CLI");
    }

    ArchRule commandPackagesStandAlone() {
        return classes().that().resideInAPackage(root + ".*..").and().resideOutsideOfPackage(root + ".support..")
                .should(new ArchCondition<>("use no other command package (shared code goes to support)") {
                    @Override
                    public void check(JavaClass command, ConditionEvents events) {
                        String own = commandPackage(command);
                        for (Dependency dependency : command.getDirectDependenciesFromSelf()) {
                            String target = commandPackage(dependency.getTargetClass());
                            if (target != null && !target.equals(own)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                }).as("no command package uses another (shared code goes to support)");
    }

    ArchRule noCoreInternals() {
        return noClasses().that().resideInAPackage(root + "..").should().dependOnClassesThat()
                .resideInAPackage("org.luvhive.core..internal..")
                .as("the CLI uses no core feature's internal package (only what the feature offers)");
    }

    /** The first package below the root ({@code backup} for {@code ROOT.backup.x}), or null outside the command packages. */
    private String commandPackage(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (!name.startsWith(root + ".")) {
            return null;
        }
        String first = name.substring(root.length() + 1).split("\\.", 2)[0];
        return first.equals("support") ? null : first;
    }
}
