package org.luvhive.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * What a statement's plan did when it ran ({@code EXPLAIN ANALYZE}), measured in rows the
 * plan visits: a plan decides that, the machine's speed does not, so a test can hold a
 * statement to "looks up a few rows by index" without timing it. Stateless.
 */
public final class QueryPlans {

    private final ObjectMapper mapper = new ObjectMapper();

    /** The statement run under {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)}: bind it and map to String. */
    public Query explain(Handle handle, String statement) {
        return handle.createQuery("explain (analyze, buffers, format json) " + statement);
    }

    /** The plan that {@code explained} returns, run in a transaction that is rolled back. */
    public JsonNode inRolledBackTransaction(Jdbi jdbi, HandleCallback<String, RuntimeException> explained) {
        return jdbi.withHandle(handle -> {
            handle.begin();
            try {
                return explained.withHandle(handle);
            } finally {
                handle.rollback();
            }
        }).transform(this::topNode);
    }

    /** The rows the planner expects {@code statement} to return: what its statistics make it believe. */
    public long plannedRows(Jdbi jdbi, String statement) {
        return jdbi.withHandle(handle -> handle.createQuery("explain (format json) " + statement)
                .mapTo(String.class).one()).transform(this::topNode).path("Plan Rows").asLong();
    }

    /** The top node of an {@code EXPLAIN (FORMAT JSON)} answer. */
    public JsonNode topNode(String json) {
        try {
            return mapper.readTree(json).path(0).path("Plan");
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException("EXPLAIN answered something else than JSON: " + json, unreadable);
        }
    }

    /** Rows every node of the plan returned or filtered out, over all its loops. */
    public static long rowsVisited(JsonNode node) {
        long loops = Math.max(1, node.path("Actual Loops").asLong());
        long rows = (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
                + node.path("Rows Removed by Join Filter").asLong()) * loops;
        for (JsonNode child : node.path("Plans")) {
            rows += rowsVisited(child);
        }
        return rows;
    }
}
