package org.luvhive.core.ops.doctor;

import java.util.Optional;

/**
 * One line of the doctor's checklist. Immutable.
 *
 * @param check   what was checked ({@code database}, {@code telegram}, ...)
 * @param verdict how it came out
 * @param detail  what was found, in one line, never a secret
 * @param read    the runbook section to read when it is not OK
 */
public record Finding(String check, Verdict verdict, String detail, Optional<RunbookSection> read) {

    static Finding ok(String check, String detail) {
        return new Finding(check, Verdict.OK, detail, Optional.empty());
    }

    static Finding warn(String check, String detail, RunbookSection read) {
        return new Finding(check, Verdict.WARN, detail, Optional.of(read));
    }

    static Finding fail(String check, String detail, RunbookSection read) {
        return new Finding(check, Verdict.FAIL, detail, Optional.of(read));
    }

    static Finding skip(String check, String why) {
        return new Finding(check, Verdict.SKIP, why, Optional.empty());
    }
}
