package com.incidents.severity.console.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The filters of the decisions search (and its page size) as the user gave them, and the query string that repeats them. */
public record SearchForm(String from, String to, String severity, String basis, String capability, String caller,
        String clientLabel, String policyVersion, String limit) {

    public String query() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("from", from);
        params.put("to", to);
        params.put("severity", severity);
        params.put("basis", basis);
        params.put("capability", capability);
        params.put("caller", caller);
        params.put("clientLabel", clientLabel);
        params.put("policyVersion", policyVersion);
        params.put("limit", limit);
        return params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The query with {@code extra} (e.g. format=csv) appended. */
    public String queryWith(String extra) {
        String q = query();
        return q.isEmpty() ? extra : q + "&" + extra;
    }
}
