package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What clients send reaches these parsers first: whatever the input, they answer (no exception but the
 * documented ones) and what they accept obeys the rules. In a normal build Jazzer replays the committed
 * inputs under {@code src/test/resources}; {@code JAZZER_FUZZ=1} fuzzes (see the README).
 */
class ParsersFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void aFileNameIsSanitisedToAFixedPointThatMakesASafeKey(FuzzedDataProvider data) {
        String raw = data.consumeRemainingAsString();

        FileName name = FileName.sanitize(raw);

        assertThat(FileName.sanitize(name.value())).isEqualTo(name);
        assertThat(name.value().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileName.MAX_UTF8_BYTES);
        ObjectKey key = ObjectKey.raw(UserId.of(1), AssetId.of(2), name);
        assertThat(key.value()).startsWith("raw/1/2/").doesNotContain("..");
        assertThat(ObjectKey.parse(key.value())).contains(key);
    }

    @FuzzTest(maxDuration = "30s")
    void aContentTypeParsesOnlyToABareLowerCaseMediaType(FuzzedDataProvider data) {
        String raw = data.consumeRemainingAsString();

        Optional<ContentType> bare = ContentType.parse(raw);
        Optional<ContentType> header = ContentType.ofHeader(raw);

        bare.ifPresent(type -> {
            assertThat(type.value()).isEqualTo(raw.trim().toLowerCase(java.util.Locale.ROOT)).doesNotContain(";");
            assertThat(header).contains(type);
        });
        header.ifPresent(type -> assertThat(type.servedAs()).isIn(type, ContentType.OCTET_STREAM));
    }

    @FuzzTest(maxDuration = "30s")
    void anObjectKeyParsesOnlyWhenItCouldHaveComeFromUs(FuzzedDataProvider data) {
        String raw = data.consumeRemainingAsString();

        ObjectKey.parse(raw).ifPresent(key -> {
            assertThat(key.value()).isEqualTo(raw).doesNotContain("..").doesNotContain("//");
            assertThat(raw.chars().allMatch(c -> c < 0x80)).isTrue();
            // a client may echo any key: the asset it names is found or not, never an exception
            key.asset().ifPresent(asset -> assertThat(key.value()).contains("/" + asset + "/"));
        });
    }

    @FuzzTest(maxDuration = "30s")
    void anUploadPlanCoversTheFileWithinTheS3Rules(FuzzedDataProvider data) {
        AssetKind kind = data.pickValue(AssetKind.values());
        long fileSize = data.consumeLong();
        Long partSize = data.consumeBoolean() ? data.consumeLong() : null;
        Long numParts = data.consumeBoolean() ? data.consumeLong() : null;

        PlanResult result = UploadPolicy.defaults().plan(kind, fileSize, new PartProposal(partSize, numParts));

        if (result instanceof PlanResult.Planned planned && planned.plan() instanceof UploadPlan.Multipart multipart) {
            assertThat(multipart.parts()).hasSize(multipart.numParts()).hasSizeLessThanOrEqualTo(UploadPolicy.MAX_PARTS);
            assertThat(multipart.parts().stream().mapToLong(UploadPlan.Part::size).sum()).isEqualTo(fileSize);
            assertThat(multipart.partSize()).isBetween(UploadPolicy.MIN_PART_SIZE, UploadPolicy.MAX_PART_SIZE);
        } else if (result instanceof PlanResult.Planned planned) {
            assertThat(planned.plan().fileSize()).isEqualTo(fileSize).isPositive();
        } else {
            assertThat(((PlanResult.Refused) result).refusal().code()).isNotBlank();
        }
    }
}
