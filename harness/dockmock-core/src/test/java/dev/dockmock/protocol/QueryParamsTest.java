package dev.dockmock.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void decodesRepeatedAndEscapedParameters() {
        QueryParams query = QueryParams.parse("all=1&filters=%7B%22label%22%3A%5B%22a%3Db%22%5D%7D&x=1&x=2&flag&sp=a+b");
        assertThat(query.first("filters")).contains("{\"label\":[\"a=b\"]}");
        assertThat(query.all("x")).isEqualTo(List.of("1", "2"));
        assertThat(query.flag("all", false)).isTrue();
        assertThat(query.flag("missing", true)).isTrue();
        assertThat(query.first("flag")).contains("");
        assertThat(query.first("sp")).contains("a b");
    }

    @Test
    void emptyQueriesHaveNoParameters() {
        assertThat(QueryParams.parse(null).isEmpty()).isTrue();
        assertThat(QueryParams.parse("").isEmpty()).isTrue();
        assertThat(QueryParams.parse("&&").isEmpty()).isTrue();
    }
}
