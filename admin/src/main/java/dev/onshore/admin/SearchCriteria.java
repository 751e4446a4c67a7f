package dev.onshore.admin;

import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/** A list screen's search as the internal WAS is asked it: the criteria the operator filled in, as the query. */
public final class SearchCriteria {

    private SearchCriteria() {
    }

    /** {@code path} with every criterion that is not blank as a query parameter, encoded. */
    public static String uri(String path, Map<String, String> criteria) {
        var query = new LinkedMultiValueMap<String, String>();
        criteria.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.add(name, value);
            }
        });
        return UriComponentsBuilder.fromPath(path).queryParams(query).encode().build().toUriString();
    }
}
