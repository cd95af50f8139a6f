package org.luvhive.cli.support;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * A command whose --help lists the exit codes it can end with; their meanings come from
 * {@link ExitCode}, the one place they are written.
 */
public interface DocumentsExitCodes {

    List<ExitCode> exitCodes();

    /** Puts the "Exit codes:" section into the help of every command below {@code root} that documents its codes. */
    static void addToHelp(CommandLine root) {
        for (CommandLine command : root.getSubcommands().values()) {
            if (command.getCommandSpec().userObject() instanceof DocumentsExitCodes documented) {
                addToHelp(command.getCommandSpec(), documented.exitCodes());
            }
            addToHelp(command);
        }
    }

    /** Puts the "Exit codes:" section listing {@code exitCodes} into the help (and man page) of {@code command}. */
    static void addToHelp(CommandLine.Model.CommandSpec command, List<ExitCode> exitCodes) {
        Map<String, String> codes = new LinkedHashMap<>();
        exitCodes.stream().sorted(Comparator.comparingInt(ExitCode::code))
                .forEach(code -> codes.put(Integer.toString(code.code()), code.meaning()));
        command.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
    }
}
