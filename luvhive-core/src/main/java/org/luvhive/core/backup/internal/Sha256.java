package org.luvhive.core.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * SHA-256 of a file. Large files go to {@code openssl dgst -sha256} when it is installed:
 * the CLI runs with C1 only ({@code -XX:TieredStopAtLevel=1}, for start-up), where the
 * JDK's SHA-256 is not intrinsified and reads about 140 MB/s; openssl reads over 1 GB/s.
 * openssl reads the same file on disk, and its answer is used only if it exits 0 and
 * prints exactly one 64-digit hex digest; on anything else (missing, failed, odd output)
 * the JDK computes the digest, so the result never depends on openssl being there.
 * Stateless and thread-safe.
 */
final class Sha256 {

    /** Below this a fork costs more than the JVM's own hashing. */
    static final long NATIVE_MIN_BYTES = 4L << 20;

    private static final int BUFFER = 1 << 20;
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final Optional<Path> OPENSSL = locate("openssl");

    private Sha256() {
    }

    /** The file's size and SHA-256 (lower-case hex), read now from disk. */
    static Digest of(Path file) {
        try {
            long size = Files.size(file);
            if (size >= NATIVE_MIN_BYTES && OPENSSL.isPresent()) {
                Optional<String> digest = openssl(OPENSSL.get(), file);
                if (digest.isPresent() && Files.size(file) == size) {
                    return new Digest(size, digest.get());
                }
            }
            return jdk(file);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read " + file + ": " + failure.getMessage(), failure);
        }
    }

    /** The JDK's SHA-256, the reference the other path must agree with. */
    static Digest jdk(Path file) {
        try (InputStream input = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[BUFFER];
            long bytes = 0;
            int read;
            while ((read = input.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
                bytes += read;
            }
            return new Digest(bytes, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read " + file + ": " + failure.getMessage(), failure);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", impossible);
        }
    }

    /** openssl's digest of {@code file}, or empty when openssl did not give a clean answer. */
    static Optional<String> openssl(Path openssl, Path file) {
        Process process;
        try {
            process = new ProcessBuilder(List.of(openssl.toString(), "dgst", "-sha256", "-r",
                    file.toAbsolutePath().toString())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException failure) {
            return Optional.empty();
        }
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                return Optional.empty();
            }
            // "-r": coreutils format, "<64 hex> *<file name>" on one line
            List<String> lines = output.lines().toList();
            if (lines.size() != 1) {
                return Optional.empty();
            }
            String digest = lines.get(0).split(" ", 2)[0];
            return DIGEST.matcher(digest).matches() ? Optional.of(digest) : Optional.empty();
        } catch (IOException failure) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing " + file, interrupted);
        } finally {
            process.destroyForcibly(); // no-op once it has exited
        }
    }

    private static Optional<Path> locate(String program) {
        for (String directory : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * A file's digest.
     *
     * @param bytes  its size
     * @param sha256 its SHA-256, lower-case hex
     */
    record Digest(long bytes, String sha256) {
    }
}
