package dev.mosaic.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * Keeps, in memory, the DEBUG lines in which a node tells the steps of a job (queued, claimed, each image step,
 * stored, committed), each stamped with {@link System#nanoTime()} as it is logged: the benchmark runs the node
 * in-process, so these stamps and its own are on one clock. The lines are not printed.
 */
final class PhaseLog extends AppenderBase<ILoggingEvent> {
    static final List<String> LOGGERS = List.of(
            "dev.mosaic.application.service.CompleteUploadService",
            "dev.mosaic.application.service.JobWorker",
            "dev.mosaic.application.service.ProcessAssetService",
            "dev.mosaic.adapters.media.Steps");

    record Line(long nanos, String thread, String message) {
    }

    private final List<Line> lines = new ArrayList<>();

    /** Attaches to the step loggers at DEBUG, away from the console. */
    static PhaseLog attach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PhaseLog log = new PhaseLog();
        log.setContext(context);
        log.start();
        for (String name : LOGGERS) {
            Logger logger = context.getLogger(name);
            logger.setLevel(Level.DEBUG);
            logger.setAdditive(false);
            logger.addAppender(log);
        }
        return log;
    }

    @Override
    protected void append(ILoggingEvent event) {
        Line line = new Line(System.nanoTime(), event.getThreadName(), event.getFormattedMessage());
        synchronized (lines) {
            lines.add(line);
        }
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            System.err.println(event.getLevel() + " " + event.getFormattedMessage());
        }
    }

    /** The first line logged at or after {@code since} that matches. */
    Optional<Line> first(long since, Predicate<Line> wanted) {
        synchronized (lines) {
            return lines.stream().filter(line -> line.nanos() >= since && wanted.test(line)).findFirst();
        }
    }

    List<Line> all() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }
}
