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

    /**
     * Another name for a command deeper in the tree, e.g. {@code list-backups} for
     * {@code backup list}: the same command class, listed at its own level before
     * {@code help} with a header saying whose alias it is.
     *
     * @param name   the alias, a word of its own at the level it is added to
     * @param target the command it runs
     * @param of     the words that name the target from the top, e.g. {@code "backup list"}
     */
    public record Alias(String name, Class<?> target, String of) {
    }

    private final Map<Class<?>, List<Class<?>>> children;
    private final Map<Class<?>, List<Alias>> aliases;

    /** {@code children}: each group command's subcommands, in the order help lists them. */
    public CommandTree(Map<Class<?>, List<Class<?>>> children) {
        this(children, Map.of());
    }

    /** As {@link #CommandTree(Map)}, with {@code aliases} added to the group commands they are keyed by. */
    public CommandTree(Map<Class<?>, List<Class<?>>> children, Map<Class<?>, List<Alias>> aliases) {
        this.children = Map.copyOf(children);
        this.aliases = Map.copyOf(aliases);
    }

    /** The command line that running {@code args} needs: {@code root} with the branch they name. */
    public CommandLine commandLineFor(Object root, CommandLine.IFactory factory, String[] args) {
        CommandLine commandLine = new CommandLine(root, factory);
        add(commandLine, Arrays.asList(args));
        return commandLine;
    }

    private void add(CommandLine parent, List<String> args) {
        Class<?> parentClass = parent.getCommandSpec().userObject().getClass();
        List<Class<?>> subcommands = children.getOrDefault(parentClass, List.of());
        if (subcommands.isEmpty()) {
            return;
        }
        int named = firstNonOption(args);
        if (named >= 0) {
            for (Alias alias : aliases.getOrDefault(parentClass, List.of())) {
                if (alias.name().equals(args.get(named))) {
                    addAlias(parent, alias);
                    return;
                }
            }
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
        Class<?> parentClass = parent.getCommandSpec().userObject().getClass();
        List<Alias> pending = aliases.getOrDefault(parentClass, List.of());
        for (Class<?> subcommand : children.getOrDefault(parentClass, List.of())) {
            if (CommandLine.IHelpCommandInitializable2.class.isAssignableFrom(subcommand)) {
                pending.forEach(alias -> addAlias(parent, alias)); // listed before help
                pending = List.of();
            }
            parent.addSubcommand(subcommand);
            addAll(parent.getSubcommands().get(nameOf(subcommand)));
        }
        pending.forEach(alias -> addAlias(parent, alias));
    }

    /** The target's class under the alias's name, its header saying so (help lists the header's first line). */
    private static void addAlias(CommandLine parent, Alias alias) {
        parent.addSubcommand(alias.name(), alias.target());
        CommandLine.Model.CommandSpec spec = parent.getSubcommands().get(alias.name()).getCommandSpec();
        spec.name(alias.name()); // its usage, man page and completion say the alias, not the target's name
        CommandLine.Model.UsageMessageSpec usage = spec.usageMessage();
        String[] header = usage.header().length > 0 ? usage.header() : usage.description();
        String own = header.length > 0 ? " " + header[0] : "";
        String[] aliased = header.length > 0 ? header.clone() : new String[1];
        aliased[0] = "Alias of '" + parent.getCommandSpec().qualifiedName() + " " + alias.of() + "'." + own;
        usage.header(aliased);
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
