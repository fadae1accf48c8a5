package dev.dockmock.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.protocol.Headers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactionTest {
    @TempDir
    Path dir;

    private static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    private static Interaction request(String method, String path, Headers headers, String body, String responseBody) {
        return new Interaction(1, 0, new RecordedRequest(method, "/v1.50" + path, path, Map.of(), headers,
                body.getBytes(StandardCharsets.UTF_8)),
                new RecordedResponse(200, Headers.of("Content-Type", "application/json"), 0,
                        new RecordedBody.Full(responseBody.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void registryCredentialsInHeadersAreMasked() {
        Interaction pull = request("POST", "/images/create", Headers.of("X-Registry-Auth", "eyJ1c2VybmFtZSI6ImEifQ==",
                "authorization", "Bearer abc", "User-Agent", "Docker-Client"), "", "{}");

        Headers masked = Redaction.defaults().apply(pull).request().headers();

        assertThat(masked.first("X-Registry-Auth")).contains("***");
        assertThat(masked.first("Authorization")).contains("***");
        assertThat(masked.first("User-Agent")).contains("Docker-Client");
    }

    @Test
    void loginPasswordAndIdentityTokenAreMasked() {
        Interaction login = request("POST", "/auth",
                Headers.empty(), "{\"username\":\"me\",\"password\":\"hunter2\",\"serveraddress\":\"r.example\"}\n",
                "{\"Status\":\"Login Succeeded\",\"IdentityToken\":\"tok\"}\n");

        Interaction masked = Redaction.defaults().apply(login);

        assertThat(text(masked.request().body()))
                .isEqualTo("{\"username\":\"me\",\"password\":\"***\",\"serveraddress\":\"r.example\"}\n");
        assertThat(text(((RecordedBody.Full) masked.response().body()).data())).contains("\"IdentityToken\":\"***\"");
    }

    @Test
    void secretLookingEnvironmentIsMaskedInRequestsAndAnswers() {
        Interaction create = request("POST", "/containers/create", Headers.empty(),
                "{\"Image\":\"alpine\",\"Env\":[\"DB_PASSWORD=hunter2\",\"api_key=k\",\"MODE=dev\",\"GITHUB_TOKEN=t\"]}",
                "{\"Config\":{\"Env\":[\"AWS_SECRET_ACCESS_KEY=s\",\"PATH=/bin\"]}}");

        Interaction masked = Redaction.defaults().apply(create);

        assertThat(text(masked.request().body())).isEqualTo(
                "{\"Image\":\"alpine\",\"Env\":[\"DB_PASSWORD=***\",\"api_key=***\",\"MODE=dev\",\"GITHUB_TOKEN=***\"]}");
        assertThat(text(((RecordedBody.Full) masked.response().body()).data()))
                .isEqualTo("{\"Config\":{\"Env\":[\"AWS_SECRET_ACCESS_KEY=***\",\"PATH=/bin\"]}}");
    }

    @Test
    void patternsAndFieldsAreConfigurable() {
        Redaction custom = Redaction.none().withEnvNames(Pattern.compile("MODE")).withHeader("X-Custom")
                .withField(new Redaction.FieldRule(true, Pattern.compile("/secrets/create"), "Data"));
        Interaction create = request("POST", "/containers/create", Headers.of("x-custom", "v"),
                "{\"Env\":[\"DB_PASSWORD=hunter2\",\"MODE=dev\"]}", "{}");
        Interaction secret = request("POST", "/secrets/create", Headers.empty(), "{\"Name\":\"s\",\"Data\":\"c2VjcmV0\"}", "{}");

        assertThat(text(custom.apply(create).request().body())).isEqualTo("{\"Env\":[\"DB_PASSWORD=hunter2\",\"MODE=***\"]}");
        assertThat(custom.apply(create).request().headers().first("X-Custom")).contains("***");
        assertThat(text(custom.apply(secret).request().body())).isEqualTo("{\"Name\":\"s\",\"Data\":\"***\"}");
    }

    @Test
    void bodiesWithoutSecretsKeepTheirExactBytes() {
        String body = "{ \"Image\" : \"alpine\", \"Env\": [\"MODE=dev\"] }";
        Interaction create = request("POST", "/containers/create", Headers.empty(), body, "not json");

        Interaction same = Redaction.defaults().apply(create);

        assertThat(text(same.request().body())).isEqualTo(body);
        assertThat(text(((RecordedBody.Full) same.response().body()).data())).isEqualTo("not json");
    }

    @Test
    void nothingSecretReachesTheFile() throws Exception {
        Path file = dir.resolve("c.jsonl");
        try (CassetteWriter writer = CassetteWriter.create(file, "test")) {
            writer.append(Samples.create(1, "alpine"));
            Interaction login = request("POST", "/auth", Headers.of("Authorization", "Basic xyz"),
                    "{\"username\":\"me\",\"password\":\"hunter2\"}", "{}");
            writer.append(new Interaction(2, 5, login.request(), login.response()));
        }

        String written = Files.readString(file);
        assertThat(written).doesNotContain("hunter2", "Basic xyz").contains("DB_PASSWORD=***", "MODE=dev");
        assertThat(Cassette.load(file).interactions()).hasSize(2);
    }

    @Test
    void envListsAnywhereInAnswersAreMasked() {
        Interaction list = request("GET", "/services", Headers.empty(), "",
                "[{\"Spec\":{\"TaskTemplate\":{\"ContainerSpec\":{\"Env\":[\"TOKEN=t\"]}}}}]");

        byte[] body = ((RecordedBody.Full) Redaction.defaults().apply(list).response().body()).data();

        assertThat(text(body)).isEqualTo("[{\"Spec\":{\"TaskTemplate\":{\"ContainerSpec\":{\"Env\":[\"TOKEN=***\"]}}}}]");
        assertThat(List.of(Redaction.SECRET_NAMES.pattern())).containsExactly("(?i).*(SECRET|PASSWORD|TOKEN|KEY).*");
    }
}
