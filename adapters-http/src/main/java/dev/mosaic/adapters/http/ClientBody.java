package dev.mosaic.adapters.http;

import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body whose read failures are the client's: they surface as {@link ClientGaveUp}. */
final class ClientBody extends FilterInputStream {

    private ClientBody(InputStream in) {
        super(in);
    }

    static InputStream of(Context ctx) {
        return new ClientBody(ctx.bodyInputStream());
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException broken) {
            throw gaveUp(broken);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (IOException broken) {
            throw gaveUp(broken);
        }
    }

    @Override
    public long skip(long count) throws IOException {
        try {
            return super.skip(count);
        } catch (IOException broken) {
            throw gaveUp(broken);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } catch (IOException broken) {
            throw gaveUp(broken);
        }
    }

    private static ClientGaveUp gaveUp(IOException broken) {
        return broken instanceof ClientGaveUp already ? already : new ClientGaveUp(broken);
    }
}
