package org.luvhive.cli.support;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The CLI's commands, and its one start-up shortcut: a run builds picocli's model of the
 * command its arguments name, not of all ~30. picocli builds the model of every command in
 * {@code @Command(subcommands = ...)} up front, by reflection, and on the CLI's C1-only JVM
 * that cost {@code backup create} about 80 ms of CPU before pg_dump could start
 * (docs/performance.md has the measurement).
 *
 * <p>At each level the first argument that is not an option names the subcommand (no
 * command here has an option that takes a value before its subcommand). When it names
 * one, only that one is added and the walk goes on inside it; when it names none (a typo
 * that deserves suggestions, no command at all) or the help command (which lists the
 * others), the whole subtree is added, as picocli would have done: help, suggestions and
 * errors read as without the shortcut. Immutable.
 */
public final class CommandTree {

    private final Map<Class<?>, List<Class<?>>> children;

    /** {@code children}: each group command's subcommands, in the order help lists them. */
    public CommandTree(Map<Class<?>, List<Class<?>>> children) {
        this.children = Map.copyOf(children);
    }

    /** The command line that running {@code args} needs: {@code root} with the branch they name. */
    public CommandLine commandLineFor(Object root, CommandLine.IFactory factory, String[] args) {
        CommandLine commandLine = new CommandLine(root, factory);
        add(commandLine, Arrays.asList(args));
        return commandLine;
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
