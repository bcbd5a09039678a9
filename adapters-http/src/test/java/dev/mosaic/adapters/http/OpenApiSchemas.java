package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;

/** The component schemas of the server's own {@code /openapi.json}, to check real answers against. */
final class OpenApiSchemas {

    private static final String DOCUMENT = "https://mosaic.test/openapi.json";

    private final SchemaRegistry registry;

    OpenApiSchemas(String openApiDocument) {
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(DOCUMENT, openApiDocument)));
    }

    List<Error> errors(String component, String json) {
        Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + "#/components/schemas/" + component));
        return schema.validate(json, InputFormat.JSON);
    }

    void assertValid(String component, String json) {
        assertThat(errors(component, json)).as("%s against %s", json, component).isEmpty();
    }
}
