package dev.mosaic.bootstrap;

/** What a node does: {@code api} serves HTTP and sockets, {@code worker} runs jobs, {@code all} both. */
public enum Role {
    ALL, API, WORKER;

    public boolean servesHttp() {
        return this != WORKER;
    }

    public boolean runsJobs() {
        return this != API;
    }
}
