package org.luvhive.core.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast path (openssl) must give the JDK's digest, and any trouble with it must fall back to the JDK. */
class BackupSha256Test {

    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    @TempDir
    Path directory;

    @Test
    void largeFileDigestEqualsTheJdkDigest() throws IOException {
        Path file = randomFile("large.dump", Sha256.NATIVE_MIN_BYTES + 12345);

        Sha256.Digest digest = Sha256.of(file);

        assertThat(digest).isEqualTo(Sha256.jdk(file));
        assertThat(digest.bytes()).isEqualTo(Files.size(file));
    }

    @Test
    void opensslAgreesWithTheJdk() throws IOException {
        assumeTrue(Files.isExecutable(OPENSSL), "openssl not installed");
        Path file = randomFile("odd name 'x'.dump", 3 * 1024 * 1024 + 7);

        assertThat(Sha256.openssl(OPENSSL, file)).contains(Sha256.jdk(file).sha256());
    }

    @Test
    void smallAndEmptyFilesAreHashedInTheJvm() throws IOException {
        Path empty = Files.createFile(directory.resolve("empty"));
        Path small = randomFile("small", 1000);

        assertThat(Sha256.of(empty).sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Sha256.of(small)).isEqualTo(Sha256.jdk(small));
    }

    @Test
    void aToolThatFailsOrPrintsSomethingElseGivesNoDigest() throws IOException {
        Path file = randomFile("data", 1000);
        Path failing = script("failing", "#!/bin/sh\necho 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 *x'\nexit 1\n");
        Path chatty = script("chatty", "#!/bin/sh\necho warning: something\necho 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 *x'\n");
        Path garbage = script("garbage", "#!/bin/sh\necho 'SHA2-256(x)= nothex'\n");

        assertThat(Sha256.openssl(failing, file)).isEmpty();
        assertThat(Sha256.openssl(chatty, file)).isEmpty();
        assertThat(Sha256.openssl(garbage, file)).isEmpty();
        assertThat(Sha256.openssl(directory.resolve("missing"), file)).isEmpty();
    }

    private Path randomFile(String name, long bytes) throws IOException {
        byte[] content = new byte[Math.toIntExact(bytes)];
        new Random(bytes).nextBytes(content);
        return Files.write(directory.resolve(name), content);
    }

    private Path script(String name, String content) throws IOException {
        Path file = Files.writeString(directory.resolve(name), content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
