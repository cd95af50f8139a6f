package org.luvhive.cli.support;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The CLI's commands and their subcommands, added to picocli so that a run builds the
 * model of the branch it names and nothing else. picocli builds the model of every
 * command listed in {@code @Command(subcommands = ...)} up front, by reflection: about
 * 0.1 s for luvhive's ~30 commands on the CLI's C1-only JVM, all of it before
 * {@code backup create} can start pg_dump (see README, "Backups").
 *
 * <p>At each level the first argument that is not an option names the subcommand (no
 * command here has an option that takes a value before its subcommand). When it names
 * one, only that one is added and the walk goes on inside it; when it names none (a
 * typo that deserves suggestions, no command at all) or the help command (which shows
 * the others), the whole subtree is added, as picocli would have done. Immutable.
 */
public final class CommandTree {

    private final Map<Class<?>, List<Class<?>>> children;

    /** {@code children}: each group command's subcommands, in the order help lists them. */
    public CommandTree(Map<Class<?>, List<Class<?>>> children) {
        this.children = Map.copyOf(children);
    }

    /** Adds to {@code root} the subcommands that running {@code args} needs. */
    public void addTo(CommandLine root, String[] args) {
        add(root, Arrays.asList(args));
    }

    /**
     * The command {@code args} name below {@code root}, found from the annotations alone
     * (before picocli builds anything): {@code backup create} names BackupCreateCommand.
     * Empty when the arguments name no command or only a group.
     */
    public Optional<Class<?>> commandNamed(Class<?> root, String[] args) {
        Class<?> current = root;
        List<String> rest = Arrays.asList(args);
        while (children.containsKey(current)) {
            int named = firstNonOption(rest);
            if (named < 0) {
                return Optional.empty();
            }
            String word = rest.get(named);
            Optional<Class<?>> next = children.get(current).stream()
                    .filter(subcommand -> answersTo(subcommand, word)).findFirst();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
            rest = rest.subList(named + 1, rest.size());
        }
        return current == root ? Optional.empty() : Optional.of(current);
    }

    private void add(CommandLine parent, List<String> args) {
        List<Class<?>> subcommands = children.getOrDefault(parent.getCommandSpec().userObject().getClass(), List.of());
        if (subcommands.isEmpty()) {
            return;
        }
        int named = firstNonOption(args);
        if (named >= 0) {
            for (Class<?> subcommand : subcommands) {
                if (answersTo(subcommand, args.get(named))
                        && !CommandLine.IHelpCommandInitializable2.class.isAssignableFrom(subcommand)) { // help needs all
                    CommandLine child = parent.addSubcommand(subcommand).getSubcommands().get(args.get(named));
                    add(child, args.subList(named + 1, args.size()));
                    return;
                }
            }
        }
        addAll(parent);
    }

    private void addAll(CommandLine parent) {
        for (Class<?> subcommand : children.getOrDefault(parent.getCommandSpec().userObject().getClass(), List.of())) {
            parent.addSubcommand(subcommand);
            addAll(parent.getSubcommands().get(nameOf(subcommand)));
        }
    }

    private static int firstNonOption(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ("--".equals(arg)) {
                return -1;
            }
            if (!arg.startsWith("-")) {
                return i;
            }
        }
        return -1;
    }

    private static boolean answersTo(Class<?> subcommand, String word) {
        Command command = subcommand.getAnnotation(Command.class);
        return command != null && (command.name().equals(word) || Arrays.asList(command.aliases()).contains(word));
    }

    private static String nameOf(Class<?> subcommand) {
        Command command = subcommand.getAnnotation(Command.class);
        if (command == null || command.name().isEmpty()) {
            throw new IllegalArgumentException(subcommand.getName() + " has no @Command name");
        }
        return command.name();
    }
}
