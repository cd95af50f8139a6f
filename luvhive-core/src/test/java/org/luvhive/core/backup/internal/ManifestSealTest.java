package org.luvhive.core.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The manifest's checksum of itself: any changed value shows, another layout of the same JSON does not. */
class ManifestSealTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSealedManifestReadsSealedInAnyLayoutAndEditedAfterAnyChange() throws Exception {
        ObjectNode manifest = (ObjectNode) JSON.readTree("""
                {"name": "luvhive_backup_1", "database": "luvhive", "jobs": 1, "database_oid": 16384,
                 "verification": {"state": "verified", "proved": ["a", "b"], "at": null},
                 "note": "caf\\u00e9 \\"quoted\\""}""");
        ManifestSeal.seal(manifest);
        String sealed = manifest.get(ManifestSeal.FIELD).asText();

        assertThat(sealed).matches("[0-9a-f]{64}");
        assertThat(ManifestSeal.check(manifest)).isEqualTo(ManifestSeal.State.SEALED);
        assertThat(ManifestSeal.check(JSON.readTree(manifest.toPrettyString()))).isEqualTo(ManifestSeal.State.SEALED);
        assertThat(ManifestSeal.check(JSON.readTree("""
                {"manifest_sha256": "%s", "note": "café \\"quoted\\"", "jobs": 1,
                 "verification": {"at": null, "proved": ["a", "b"], "state": "verified"},
                 "database_oid": 16384, "database": "luvhive", "name": "luvhive_backup_1"}""".formatted(sealed))))
                .as("keys in another order, escapes written otherwise").isEqualTo(ManifestSeal.State.SEALED);

        assertThat(ManifestSeal.check(manifest.deepCopy().put("database", "other"))).isEqualTo(ManifestSeal.State.EDITED);
        assertThat(ManifestSeal.check(manifest.deepCopy().put("database_oid", 16385)))
                .isEqualTo(ManifestSeal.State.EDITED);
        assertThat(ManifestSeal.check(manifest.deepCopy().put("added", true))).isEqualTo(ManifestSeal.State.EDITED);
        ObjectNode reordered = manifest.deepCopy();
        reordered.withArray("/verification/proved").removeAll().add("b").add("a");
        assertThat(ManifestSeal.check(reordered)).as("array order counts").isEqualTo(ManifestSeal.State.EDITED);
        assertThat(ManifestSeal.check(manifest.deepCopy().put(ManifestSeal.FIELD, "0".repeat(64))))
                .isEqualTo(ManifestSeal.State.EDITED);
    }

    @Test
    void aManifestWithoutAChecksumIsUnsealed() throws Exception {
        assertThat(ManifestSeal.check(JSON.readTree("{\"name\": \"luvhive_backup_1\"}")))
                .isEqualTo(ManifestSeal.State.UNSEALED);
    }
}
