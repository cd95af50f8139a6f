package org.luvhive.sandbox.browser;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Writes a failed browser test's step screenshots, console and page under
 * {@code target/browser-evidence/<class>/<test>/}, and starts each test's step record afresh.
 */
public final class EvidenceOnFailure implements TestWatcher {

    /** A test class whose tests drive this browser. */
    public interface DrivesBrowser {
        Browser browser();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Object test = context.getRequiredTestInstance();
        if (test instanceof DrivesBrowser drives && drives.browser() != null) {
            Path directory = Path.of("target", "browser-evidence", context.getRequiredTestClass().getSimpleName(),
                    context.getRequiredTestMethod().getName());
            drives.browser().saveEvidence(directory);
            System.err.println("browser evidence of the failure: " + directory.toAbsolutePath());
            drives.browser().forgetSteps();
        }
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        if (context.getRequiredTestInstance() instanceof DrivesBrowser drives && drives.browser() != null) {
            drives.browser().forgetSteps();
        }
    }
}
