package org.luvhive.core.ops.doctor;

/** How one doctor check came out. SKIP: it could not run because a check it needs failed. */
public enum Verdict {
    OK, WARN, FAIL, SKIP
}
