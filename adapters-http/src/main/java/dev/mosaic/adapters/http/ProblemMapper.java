package dev.mosaic.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.application.port.in.QuotaExceeded;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.out.Unavailable;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where anything thrown while serving a request becomes a problem+json answer. */
final class ProblemMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    static final String REQUEST_TIMEOUT = "request_timeout";
    /** Seconds a client waits before trying again after a 503. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final ObjectMapper mapper;
    private final MeterRegistry registry;

    ProblemMapper(ObjectMapper mapper, MeterRegistry registry) {
        this.mapper = mapper;
        this.registry = registry;
    }

    void handle(Exception failure, Context ctx) {
        Optional<ClientGaveUp> gaveUp = cause(failure, ClientGaveUp.class);
        Optional<Unavailable> unavailable = cause(failure, Unavailable.class);
        if (gaveUp.isPresent()) {
            answerGaveUp(ctx, gaveUp.get());
        } else if (unavailable.isPresent()) {
            answerUnavailable(ctx, unavailable.get());
        } else if (failure instanceof RequestRejected rejected) {
            answer(ctx, Problem.of(status(rejected.reason()), rejected.code(), rejected.refusal().detail()));
        } else if (failure instanceof Unauthenticated unauthenticated) {
            ctx.header(Header.WWW_AUTHENTICATE, unauthenticated.code().equals(Unauthenticated.MISSING)
                    ? "Bearer" : "Bearer error=\"invalid_token\"");
            answer(ctx, Problem.of(401, unauthenticated.code(), unauthenticated.getMessage()));
        } else if (failure instanceof QuotaExceeded exceeded) {
            exceeded.breach().freesAt().ifPresent(at -> ctx.header(Header.RETRY_AFTER,
                    Long.toString(Math.max(1, Duration.between(Instant.now(), at).toSeconds()))));
            answer(ctx, Problem.of(429, QuotaExceeded.CODE, exceeded.getMessage()));
        } else if (failure instanceof RateLimited limited) {
            ctx.header(Header.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
            answer(ctx, Problem.of(429, RateLimited.CODE, limited.getMessage()));
        } else if (failure instanceof HttpResponseException http) {
            answerFramework(ctx, http);
        } else if (timedOut(failure)) {
            answer(ctx, Problem.of(408, REQUEST_TIMEOUT, "the request body came too slowly or stopped; send it again"
                    + " at a steady pace"));
        } else {
            LOG.error("Unexpected failure serving {} {}", ctx.method(), ctx.path(), failure);
            answer(ctx, Problem.of(500, "internal", "an unexpected error occurred; it has been logged"));
        }
    }

    /** Jetty's idle timeout and its minimum data rate both fail the body's read with a TimeoutException. */
    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The client's doing, not Mosaic's: no ERROR, a count in the metrics, and a 4xx should it still listen. */
    private void answerGaveUp(Context ctx, ClientGaveUp gaveUp) {
        boolean timedOut = gaveUp.timedOut();
        LOG.debug("{} {}: {}", ctx.method(), ctx.path(), gaveUp.getMessage());
        registry.counter("mosaic.http.bodies.abandoned", "reason", timedOut ? "timeout" : "aborted").increment();
        answer(ctx, timedOut
                ? Problem.of(408, REQUEST_TIMEOUT, "the request body came too slowly or stopped; send it again"
                        + " at a steady pace")
                : Problem.of(400, "client_aborted", "the request body was cut off before its end"));
    }

    private void answerUnavailable(Context ctx, Unavailable unavailable) {
        LOG.warn("{} {}: {}", ctx.method(), ctx.path(), unavailable.getMessage());
        registry.counter("mosaic.http.unavailable", "part", unavailable.part().wireName()).increment();
        ctx.header(Header.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        answer(ctx, Problem.of(503, "service_unavailable", "the " + unavailable.part().wireName()
                + " is unreachable or busy for the moment; nothing was lost, try again in a few seconds"));
    }

    private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 16; cause = cause.getCause(), depth++) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    private void answerFramework(Context ctx, HttpResponseException http) {
        switch (http.getStatus()) {
            case 404 -> answer(ctx, Problem.of(404, "not_found", "no such resource: " + ctx.method() + " " + ctx.path()));
            case 405 -> {
                String allowed = http.getDetails().getOrDefault("availableMethods",
                        http.getDetails().get("Available methods"));
                if (allowed != null) {
                    ctx.header(Header.ALLOW, allowed);
                }
                answer(ctx, Problem.of(405, "method_not_allowed",
                        ctx.method() + " is not allowed here" + (allowed == null ? "" : "; use " + allowed)));
            }
            case 413 -> answer(ctx, Problem.of(413, "body_too_large", "the body is too large"));
            default -> answer(ctx, JettyProblems.problem(http.getStatus()));
        }
    }

    static int status(RequestRejected.Reason reason) {
        return switch (reason) {
            case INVALID -> 400;
            case UNPROCESSABLE -> 422;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case TOO_LARGE -> 413;
        };
    }

    private void answer(Context ctx, Problem problem) {
        if (problem.status() < 500) {
            Refusals.count(registry, problem.code());
        }
        try {
            ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
