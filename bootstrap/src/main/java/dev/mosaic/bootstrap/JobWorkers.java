package dev.mosaic.bootstrap;

import dev.mosaic.application.port.in.RunJobsUseCase;
import dev.mosaic.application.port.out.WorkSignal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker threads over the job queue. A signal after each commit wakes one at once (a completed
 * photo starts processing in milliseconds); a slow poll picks up retries and other nodes' jobs.
 */
final class JobWorkers implements WorkSignal, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorkers.class);

    private final RunJobsUseCase jobs;
    private final Duration poll;
    private final List<Thread> threads = new ArrayList<>();
    private final Object wakeUp = new Object();
    private int signals;
    private volatile boolean running = true;

    JobWorkers(RunJobsUseCase jobs, int count, Duration poll, String node) {
        this.jobs = jobs;
        this.poll = poll;
        for (int i = 1; i <= count; i++) {
            String name = node + "-worker-" + i;
            Thread thread = new Thread(() -> work(name), name);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    @Override
    public void workAvailable() {
        synchronized (wakeUp) {
            signals++;
            wakeUp.notify();
        }
    }

    private void work(String name) {
        while (running) {
            try {
                if (!jobs.runNext(name)) {
                    awaitSignal();
                }
            } catch (InterruptedException interrupted) {
                return;
            } catch (Throwable failure) {
                LOG.error("worker {} hit an unexpected failure; it carries on", name, failure);
            }
        }
    }

    private void awaitSignal() throws InterruptedException {
        synchronized (wakeUp) {
            if (signals == 0 && running) {
                wakeUp.wait(poll.toMillis());
            }
            signals = Math.max(0, signals - 1);
        }
    }

    @Override
    public void close() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
