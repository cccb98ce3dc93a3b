// Re-check a filing package on a Java portal server through
// `filing-check serve`, with nothing but the JDK (java.net.http).
//
//   javac CheckPackage.java
//   java CheckPackage package.json http://127.0.0.1:8787
//
// Prints the verdict and exits like filing-check: 0 ready, 1 blocked,
// 2 not judged (the service said why, in both languages).
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

public class CheckPackage {
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java CheckPackage PACKAGE.json [SERVICE_URL]");
            System.exit(2);
        }
        String service = args.length > 1 ? args[1] : "http://127.0.0.1:8787";
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(service + "/v1/check?lang=en"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                // Send the bytes as received from the browser: the digest covers them.
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of(args[0])))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        // A JSON library would read the body; the verdict's fields are
        // plain enough to show with the JDK alone.
        int status = response.statusCode();
        if (status == 200) {
            boolean ready = body.contains("\"ready\":true");
            System.out.println((ready ? "ready" : "blocked") + " (HTTP 200): " + body);
            System.exit(ready ? 0 : 1);
        }
        System.out.println("not judged (HTTP " + status + "): " + body);
        System.exit(2);
    }
}
