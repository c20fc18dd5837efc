package com.incidents.severity.policy.rest;

import java.math.BigDecimal;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Puts the configured size limits into the served OpenAPI document: a schema marked
 * {@code x-configured-maximum: <property>} (the batch's maxItems, the page size's maximum) gets the
 * value that property has at run time, so a deployment that changes a limit serves a document that
 * says so. Unset, the document's own value stays (it is the property's default).
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class OpenApiLimitsFilter implements OASFilter {

    static final String CONFIGURED_MAXIMUM = "x-configured-maximum";

    @Override
    public Schema filterSchema(Schema schema) {
        Object property = schema.getExtensions() == null ? null : schema.getExtensions().get(CONFIGURED_MAXIMUM);
        if (property == null) {
            return schema;
        }
        Optional<Integer> configured = ConfigProvider.getConfig().getOptionalValue(property.toString(), Integer.class);
        configured.ifPresent(max -> {
            if (schema.getMaxItems() != null) {
                schema.setMaxItems(max);
            } else {
                schema.setMaximum(BigDecimal.valueOf(max));
            }
        });
        return schema;
    }
}
