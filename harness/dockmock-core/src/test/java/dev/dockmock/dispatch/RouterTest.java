package dev.dockmock.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.ResponseBody;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final Router router = new Router(List.of(
            Route.of("GET", "/containers/{id}/json", (r, p) -> ApiResponse.text(200, "container " + p.get("id"))),
            Route.of("GET", "/images/{name*}/json", (r, p) -> ApiResponse.text(200, "image " + p.get("name"))),
            Route.of("DELETE", "/images/{name*}", (r, p) -> ApiResponse.text(200, "deleted " + p.get("name"))),
            Route.of("POST", "/containers/{id}/start", (r, p) -> {
                throw new DockerException(404, "No such container: " + p.get("id"));
            }),
            Route.of("GET", "/{any}/probe", (r, p) -> ApiResponse.text(200, "probe " + p.get("any")))));

    private static String text(ApiResponse response) {
        return ((ResponseBody.Bytes) response.body()).text();
    }

    @Test
    void matchesNamedSegments() {
        assertThat(text(router.dispatch(ApiRequest.of("GET", "/v1.44/containers/abc/json")))).isEqualTo("container abc");
    }

    @Test
    void greedyPartsTakeImageNamesWithSlashes() {
        assertThat(text(router.dispatch(ApiRequest.of("GET", "/images/testcontainers/ryuk:0.11.0/json"))))
                .isEqualTo("image testcontainers/ryuk:0.11.0");
        assertThat(text(router.dispatch(ApiRequest.of("DELETE", "/images/localhost:5000/a/b:1"))))
                .isEqualTo("deleted localhost:5000/a/b:1");
    }

    @Test
    void getRoutesAnswerHead() {
        assertThat(router.dispatch(ApiRequest.of("HEAD", "/containers/abc/json")).status()).isEqualTo(200);
    }

    @Test
    void unknownPathsAndMethodsGetPageNotFound() {
        for (ApiRequest request : List.of(ApiRequest.of("GET", "/nope"), ApiRequest.of("POST", "/containers/abc/json"),
                ApiRequest.of("GET", "/containers/json/extra/x"), ApiRequest.of("GET", "/containers//json"))) {
            ApiResponse answer = router.dispatch(request);
            assertThat(answer.status()).as(request.toString()).isEqualTo(404);
            assertThat(text(answer)).isEqualTo("{\"message\":\"page not found\"}");
        }
    }

    @Test
    void dockerExceptionsBecomeErrors() {
        ApiResponse answer = router.dispatch(ApiRequest.of("POST", "/containers/zzz/start"));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(text(answer)).contains("No such container: zzz");
    }

    @Test
    void routesStartingWithAParameterStillMatch() {
        assertThat(text(router.dispatch(ApiRequest.of("GET", "/anything/probe")))).isEqualTo("probe anything");
    }
}
