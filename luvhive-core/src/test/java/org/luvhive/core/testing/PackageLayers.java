package org.luvhive.core.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A module's package layering (docs/architecture.md) as ArchUnit rules over the packages
 * below {@code root}. A package is named by its first segment below the root ({@code chat}
 * for {@code root.chat.internal}); {@code ""} is the root package itself. {@code layers}
 * go from low to high:
 * <ul>
 * <li>a package uses only packages of lower layers (not its siblings in its own layer);
 * <li>no two packages use each other, directly or round a longer cycle;
 * <li>an {@code internal} package is used only from inside the package that owns it;
 * <li>every package has its place in the table, so a new one must be placed.
 * </ul>
 * Immutable.
 */
public final class PackageLayers {

    private final String root;
    private final Map<String, Integer> rank = new HashMap<>();

    public PackageLayers(String root, List<List<String>> layers) {
        this.root = root;
        for (int layer = 0; layer < layers.size(); layer++) {
            for (String name : layers.get(layer)) {
                if (rank.put(name, layer) != null) {
                    throw new IllegalArgumentException(name + " is in two layers");
                }
            }
        }
    }

    /** Every rule as one, so that a check reports every broken one. */
    public ArchRule all() {
        return CompositeArchRule.of(everyPackageHasALayer()).and(layerOrder()).and(noCycles())
                .and(internalsStayInside());
    }

    public ArchRule everyPackageHasALayer() {
        return classes().that().resideInAPackage(root + "..").should(new ArchCondition<>("be in a package of the layer table") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String name = packageOf(javaClass);
                if (!rank.containsKey(name)) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " is in " + root + "."
                            + name + ", which the layer table does not place"));
                }
            }
        }).as("every package below " + root + " has a layer");
    }

    public ArchRule layerOrder() {
        return classes().that().resideInAPackage(root + "..").should(new ArchCondition<>("use only lower layers") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String own = packageOf(javaClass);
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    String target = packageOf(dependency.getTargetClass());
                    if (target != null && !target.equals(own) && rank.containsKey(own) && rank.containsKey(target)
                            && rank.get(target) >= rank.get(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, describe(own) + " (layer " + rank.get(own)
                                + ") uses " + describe(target) + " (layer " + rank.get(target) + "): "
                                + dependency.getDescription()));
                    }
                }
            }
        }).as("a package below " + root + " uses only packages of lower layers");
    }

    public ArchRule noCycles() {
        return slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = packageOf(javaClass);
                return name == null ? SliceIdentifier.ignore() : SliceIdentifier.of(describe(name));
            }

            @Override
            public String getDescription() {
                return "the packages below " + root;
            }
        }).should().beFreeOfCycles().as("no package cycle below " + root);
    }

    public ArchRule internalsStayInside() {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<>("use an internal package only from the package that owns it") {
                    @Override
                    public void check(JavaClass javaClass, ConditionEvents events) {
                        String source = javaClass.getPackageName();
                        for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                            String target = dependency.getTargetClass().getPackageName();
                            int internal = (target + ".").indexOf(".internal.");
                            if (internal < 0 || !target.startsWith("org.luvhive.")) {
                                continue;
                            }
                            String owner = target.substring(0, internal);
                            if (!source.equals(owner) && !source.startsWith(owner + ".")) {
                                events.add(SimpleConditionEvent.violated(dependency, source + " uses " + owner
                                        + "'s internal package: " + dependency.getDescription()));
                            }
                        }
                    }
                }).as("internal packages are used only by their own package");
    }

    /** The first segment below the root, "" for the root itself, null outside it. */
    private String packageOf(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (name.equals(root)) {
            return "";
        }
        if (!name.startsWith(root + ".")) {
            return null;
        }
        return name.substring(root.length() + 1).split("\\.", 2)[0];
    }

    private String describe(String name) {
        return name.isEmpty() ? root : root + "." + name;
    }
}
