package dev.mosaic.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.application.port.in.QuotaExceeded;
import dev.mosaic.application.port.in.RequestRejected;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where anything thrown while serving a request becomes a problem+json answer. */
final class ProblemMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    static final String REQUEST_TIMEOUT = "request_timeout";

    private final ObjectMapper mapper;
    private final MeterRegistry registry;

    ProblemMapper(ObjectMapper mapper, MeterRegistry registry) {
        this.mapper = mapper;
        this.registry = registry;
    }

    void handle(Exception failure, Context ctx) {
        if (failure instanceof RequestRejected rejected) {
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
            default -> {
                int status = http.getStatus() >= 400 && http.getStatus() < 600 ? http.getStatus() : 500;
                answer(ctx, Problem.of(status, status >= 500 ? "internal" : "request_invalid",
                        status >= 500 ? "an unexpected error occurred" : "the request was refused"));
            }
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
