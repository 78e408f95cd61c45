package io.gitopsauditor.platform.core.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** GitHub's paging: query parameters in, a {@code Link} header out. */
final class Pages {

    private Pages() {
    }

    static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }

    static int number(String value, int fallback) {
        try {
            return value == null ? fallback : Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }

    /**
     * @return GitHub's {@code Link} header for this page, keeping the other query parameters:
     *         {@code <…&page=2>; rel="next", <…&page=3>; rel="last"}; empty for a single page
     */
    static Optional<String> linkHeader(String base, Map<String, String> parameters, int page, int lastPage) {
        List<String> links = new ArrayList<>();
        if (page < lastPage) {
            links.add(link(base, parameters, page + 1, "next"));
            links.add(link(base, parameters, lastPage, "last"));
        }
        if (page > 1) {
            links.add(link(base, parameters, 1, "first"));
            links.add(link(base, parameters, Math.min(page - 1, lastPage), "prev"));
        }
        return links.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", links));
    }

    private static String link(String base, Map<String, String> parameters, int page, String rel) {
        Map<String, String> withPage = new LinkedHashMap<>(parameters);
        withPage.put("page", Integer.toString(page));
        String query = withPage.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        return "<" + base + "?" + query + ">; rel=\"" + rel + "\"";
    }
}
