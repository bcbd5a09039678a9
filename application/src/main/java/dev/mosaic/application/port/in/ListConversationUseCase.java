package dev.mosaic.application.port.in;

import dev.mosaic.application.view.MessageView;
import java.util.List;

@FunctionalInterface
public interface ListConversationUseCase {

    List<MessageView> list(ListConversationQuery query);
}
