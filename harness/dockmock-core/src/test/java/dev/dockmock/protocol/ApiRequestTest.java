package dev.dockmock.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiRequestTest {

    @Test
    void splitsVersionPathAndQuery() {
        ApiRequest request = ApiRequest.of("GET", "/v1.44/containers/json?all=1");
        assertThat(request.version()).contains(new ApiVersion(1, 44));
        assertThat(request.path()).isEqualTo("/containers/json");
        assertThat(request.query().flag("all", false)).isTrue();
    }

    @Test
    void unversionedPathsHaveNoVersion() {
        ApiRequest request = ApiRequest.of("HEAD", "/_ping");
        assertThat(request.version()).isEmpty();
        assertThat(request.path()).isEqualTo("/_ping");
    }

    @Test
    void decodesPercentEscapesButKeepsPlusSigns() {
        ApiRequest request = ApiRequest.of("GET", "/images/localhost%3A5000%2Fapp:1+2/json");
        assertThat(request.path()).isEqualTo("/images/localhost:5000/app:1+2/json");
    }

    @Test
    void aVersionAloneIsTheRootPath() {
        assertThat(ApiRequest.of("GET", "/v1.50").path()).isEqualTo("/");
    }

    @Test
    void onlyAWholeVersionPrefixIsTakenOff() {
        assertThat(ApiRequest.of("GET", "/v1.41/").path()).isEqualTo("/");
        assertThat(ApiRequest.of("GET", "/v10.123/info").version()).contains(ApiVersion.parse("10.123"));
        for (String notVersioned : new String[] {"/version", "/v1/info", "/v1./info", "/v.41/info", "/v1.41x/info",
                "/v1.4a/info", "/v/info", "/v1.41/a\nb"}) {
            ApiRequest request = ApiRequest.of("GET", notVersioned);
            assertThat(request.version()).as(notVersioned).isEmpty();
            assertThat(request.path()).as(notVersioned).isEqualTo(notVersioned);
        }
    }

    @Test
    void knowsWhenTheClientWantsToUpgrade() {
        ApiRequest upgrade = ApiRequest.of("POST", "/containers/x/attach", Headers.of("Connection", "Upgrade", "Upgrade", "tcp"),
                new byte[0], ClientInfo.inMemory());
        assertThat(upgrade.wantsUpgrade()).isTrue();
        assertThat(ApiRequest.of("POST", "/containers/x/attach").wantsUpgrade()).isFalse();
    }

    @Test
    void refusesTargetsThatAreNotAbsolutePaths() {
        assertThatThrownBy(() -> ApiRequest.of("GET", "http://x/_ping")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void apiVersionsCompareNumerically() {
        assertThat(ApiVersion.parse("1.9")).isLessThan(ApiVersion.parse("1.10"));
        assertThat(ApiVersion.parse("1.44").isAtLeast(ApiVersion.parse("1.42"))).isTrue();
        assertThatThrownBy(() -> ApiVersion.parse("1.x")).hasMessageContaining("invalid API version");
        assertThatThrownBy(() -> ApiVersion.parse("1")).hasMessageContaining("invalid API version");
    }

    @Test
    void dockerErrorsAreJsonMessages() {
        ApiResponse response = ApiResponse.error(404, "No such container: \"x\"");
        assertThat(response.headers().first("Content-Type")).contains("application/json");
        assertThat(((ResponseBody.Bytes) response.body()).text()).isEqualTo("{\"message\":\"No such container: \\\"x\\\"\"}");
    }
}
