package dev.mosaic.domain;

/** A caller tried a move the stage table forbids: a broken invariant, not a user error. */
public final class IllegalStageTransition extends IllegalStateException {
    public IllegalStageTransition(AssetId asset, Stage from, Stage to) {
        super("asset " + asset + " cannot move from " + from.wireName() + " to " + to.wireName());
    }
}
