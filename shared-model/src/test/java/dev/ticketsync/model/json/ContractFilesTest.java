package dev.ticketsync.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.model.json.ContractExamples.Example;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire contract: each type serializes to exactly its file under {@code contracts/}, and the file reads back to the
 * same object. Server and desktop tests read the same files, so a change here is a protocol change.
 */
class ContractFilesTest {

    static List<Example> examples() {
        return ContractExamples.all();
    }

    private static JsonNode contract(String file) throws IOException {
        try (InputStream in = ContractFilesTest.class.getResourceAsStream("/contracts/" + file)) {
            assertThat(in).as("contracts/" + file + " exists").isNotNull();
            return Json.strict().readTree(in);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void serializing_gives_the_contract_file(Example example) throws IOException {
        JsonNode written = ContractExamples.tree(example.value());
        assertThat(written)
                .as(
                        "%s as written:%n%s",
                        example.file(),
                        Json.strict().writerWithDefaultPrettyPrinter().writeValueAsString(written))
                .isEqualTo(contract(example.file()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void reading_the_contract_file_gives_the_object(Example example) throws IOException {
        assertThat(Json.strict().treeToValue(contract(example.file()), example.type()))
                .isEqualTo(example.value());
    }
}
