package org.luvhive.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls the emulator with plain HTTP, for request shapes the TelegramBots client never sends. */
final class RawBotApi {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String baseUrl;

    RawBotApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Reply(int status, JsonNode body) {
        JsonNode result() {
            return body.get("result");
        }

        String description() {
            return body.path("description").asText();
        }
    }

    Reply json(String token, String method, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/bot" + token + "/" + method))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply form(String token, String method, String urlEncoded) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/bot" + token + "/" + method))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded)));
    }

    Reply get(String token, String method, String query) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/bot" + token + "/" + method
                + (query.isEmpty() ? "" : "?" + query))).GET());
    }

    /** POSTs a multipart body given byte for byte, with this boundary in the Content-Type. */
    Reply multipart(String token, String method, String boundary, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/bot" + token + "/" + method))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** GETs a URL path of the emulator and returns the status and the raw bytes. */
    Download download(String path) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Download(int status, String contentType, byte[] body) {
    }

    Reply sim(String httpMethod, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/sim" + path))
                .header("Content-Type", "application/json")
                .method(httpMethod, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), mapper.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
