package dev.mosaic.adapters.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.AssetKind;
import dev.mosaic.domain.AssetText;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.FileName;
import dev.mosaic.domain.MediaInfo;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.Rendition;
import dev.mosaic.domain.Stage;
import dev.mosaic.domain.UploadPlan;
import dev.mosaic.domain.UserId;
import java.util.List;
import java.util.Optional;

/** Rows to domain and back. */
final class AssetMapping {
    private static final String DIRECT = "DIRECT";
    private static final String MULTIPART = "MULTIPART";
    private static final TypeReference<List<RenditionJson>> RENDITIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> KEYS = new TypeReference<>() {
    };

    private AssetMapping() {
    }

    static MessageRow toRow(Message message) {
        return new MessageRow(message.id().value(), message.sender().value(), message.receiver().value(),
                message.text(), message.createdAt());
    }

    static Message toMessage(MessageRow row, List<AssetRow> assets) {
        return new Message(MessageId.of(row.id()), UserId.of(row.senderId()), UserId.of(row.receiverId()),
                row.body(), row.createdAt(), assets.stream().map(AssetMapping::toAsset).toList());
    }

    static AssetRow toRow(Asset asset, int displayOrder) {
        MediaInfo info = asset.info();
        Optional<UploadPlan.Multipart> multipart = asset.multipart();
        Long partSize = multipart.map(UploadPlan.Multipart::partSize).orElse(null);
        Integer numParts = multipart.map(UploadPlan.Multipart::numParts).orElse(null);
        String uploadId = multipart.map(UploadPlan.Multipart::startedId).orElse(null);
        return new AssetRow(asset.id().value(), asset.messageId().value(), displayOrder, asset.owner().value(),
                asset.kind().name(), asset.fileName().value(), asset.contentType().value(),
                asset.objectKey().value(), asset.isMultipart() ? MULTIPART : DIRECT, asset.fileSize(), partSize,
                numParts, uploadId, asset.stage().name(), asset.progress(), info.width(), info.height(),
                info.durationMillis(), info.placeholder(), Json.write(renditionsOf(asset)), asset.failureCode().orElse(null),
                asset.createdAt(), asset.updatedAt(), asset.expiresAt(), asset.text().caption().orElse(null),
                asset.text().altText().orElse(null),
                Json.write(asset.superseded().stream().map(ObjectKey::value).toList()));
    }

    static Asset toAsset(AssetRow row) {
        UploadPlan plan = switch (row.uploadMode()) {
            case DIRECT -> new UploadPlan.Direct(row.fileSize());
            case MULTIPART -> new UploadPlan.Multipart(row.fileSize(), row.partSize(), row.numParts(),
                    Optional.of(row.uploadId()));
            default -> throw new IllegalStateException("unknown upload mode of asset " + row.id());
        };
        List<Rendition> renditions = Json.read(row.renditions(), RENDITIONS).stream()
                .map(AssetMapping::toRendition).toList();
        return new Asset(AssetId.of(row.id()), MessageId.of(row.messageId()), UserId.of(row.ownerId()),
                AssetKind.valueOf(row.kind()), new FileName(row.fileName()), new ContentType(row.contentType()),
                new ObjectKey(row.objectKey()), plan, Stage.valueOf(row.stage()), row.progress(),
                new MediaInfo(row.width(), row.height(), row.durationMillis(), row.placeholder()), renditions,
                Optional.ofNullable(row.failureCode()), row.createdAt(), row.updatedAt(), row.expiresAt(),
                new AssetText(Optional.ofNullable(row.caption()), Optional.ofNullable(row.altText())),
                row.supersededKeys() == null ? List.of()
                        : Json.read(row.supersededKeys(), KEYS).stream().map(ObjectKey::new).toList());
    }

    private static List<RenditionJson> renditionsOf(Asset asset) {
        return asset.renditions().stream()
                .map(rendition -> new RenditionJson(rendition.kind().name(), rendition.key().value(),
                        rendition.contentType().value(), rendition.width(), rendition.height()))
                .toList();
    }

    private static Rendition toRendition(RenditionJson json) {
        return new Rendition(Rendition.Kind.valueOf(json.kind()), new ObjectKey(json.objectKey()),
                new ContentType(json.contentType()), json.width(), json.height());
    }
}
