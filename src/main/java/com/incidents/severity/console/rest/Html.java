package com.incidents.severity.console.rest;

import java.net.URI;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.qute.TemplateInstance;

/** A page as an answer. */
final class Html {

    static final String TYPE = "text/html;charset=UTF-8";

    private Html() {
    }

    static RestResponse<TemplateInstance> ok(TemplateInstance page) {
        return status(200, page);
    }

    /**
     * A page, rendered by quarkus-rest-qute as the answer is written; its Cache-Control: no-store and
     * security headers are the HTTP filter's (application.properties).
     */
    static RestResponse<TemplateInstance> status(int status, TemplateInstance page) {
        return RestResponse.ResponseBuilder.<TemplateInstance> create(status).entity(page).type(TYPE).build();
    }

    static <T> RestResponse<T> seeOther(String path) {
        return RestResponse.ResponseBuilder.<T> create(303).location(URI.create(path)).build();
    }

    static <T> java.util.List<T> newestFirst(java.util.List<T> oldestFirst) {
        java.util.List<T> list = new java.util.ArrayList<>(oldestFirst);
        java.util.Collections.reverse(list);
        return list;
    }

    /** A blank form field is an absent one. */
    static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
