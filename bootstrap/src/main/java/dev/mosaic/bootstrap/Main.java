package dev.mosaic.bootstrap;

import dev.mosaic.adapters.http.Tokens;
import java.time.Duration;

/** {@code java -jar mosaic.jar} serves; {@code java -jar mosaic.jar token <user-id>} prints a token. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        try {
            Config config = Config.fromEnvironment();
            if (args.length > 0 && args[0].equals("token")) {
                System.out.println(token(config, args));
                return;
            }
            if (args.length > 0) {
                System.err.println("usage: java -jar mosaic.jar [token <user-id>]");
                System.exit(2);
            }
            Mosaic mosaic = Mosaic.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(mosaic::close, "mosaic-shutdown"));
            if (!config.node().role().servesHttp()) {
                // job threads are daemons and a worker serves no HTTP: nothing else keeps the JVM up until it is stopped
                Thread.currentThread().join();
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (ConfigException wrongSetting) {
            System.err.println("mosaic: " + wrongSetting.getMessage());
            System.exit(2);
        }
    }

    static String token(Config config, String[] args) {
        if (args.length != 2 || !args[1].matches("[1-9][0-9]{0,17}")) {
            throw new ConfigException("usage: java -jar mosaic.jar token <user-id> (a positive integer)");
        }
        return Tokens.issue(Mosaic.jwtSecret(config), Long.parseLong(args[1]), Duration.ofDays(30));
    }
}
