package dev.dockmock.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Templates match whole segments: literals exactly, parameters one non-empty segment, greedy parts one or more. */
class PathTemplateTest {

    @Test
    void literalsAndParametersMatchWholeSegments() {
        PathTemplate start = PathTemplate.parse("/containers/{id}/start");
        assertThat(start.match("/containers/abc/start").get("id")).isEqualTo("abc");
        assertThat(start.match("/containers/abc/start/")).as("trailing slash").isNull();
        assertThat(start.match("/containers//start")).as("empty parameter").isNull();
        assertThat(start.match("/containers/abc/stop")).isNull();
        assertThat(start.match("/containers/abc/starts")).isNull();
        assertThat(start.match("/containers/abc")).as("fewer segments").isNull();
        assertThat(start.match("/containers/a/b/start")).as("more segments").isNull();
        assertThat(start.match("containers/abc/start")).as("no leading slash").isNull();

        PathTemplate create = PathTemplate.parse("/containers/create");
        assertThat(create.match("/containers/create")).isSameAs(PathParams.NONE);
        assertThat(create.match("/containers/created")).isNull();
        assertThat(create.match("/containers")).isNull();
        assertThat(PathTemplate.parse("/_ping").match("/")).isNull();
        assertThat(PathTemplate.parse("/_ping").match("/_ping")).isSameAs(PathParams.NONE);
    }

    @Test
    void aGreedyPartTakesSlashes() {
        PathTemplate tag = PathTemplate.parse("/images/{name*}/tag");
        assertThat(tag.match("/images/testcontainers/ryuk:0.11.0/tag").get("name")).isEqualTo("testcontainers/ryuk:0.11.0");
        assertThat(tag.match("/images/alpine/tag").get("name")).isEqualTo("alpine");
        assertThat(tag.match("/images/tag")).isNull();
    }
}
